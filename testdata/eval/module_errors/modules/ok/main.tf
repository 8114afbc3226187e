output "tags" {
  value = { team = "orders" }
}
