variable "name" {}

resource "aws_cloudwatch_log_group" "lg" {
  name = "/aws/lambda/${var.name}"
}

output "name" {
  value = var.name
}
