output "path" {
  value = "${path.module}|${path.root}"
}
