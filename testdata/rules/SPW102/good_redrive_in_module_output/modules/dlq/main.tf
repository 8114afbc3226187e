variable "name" {
  type = string
}

resource "aws_sqs_queue" "q" {
  name                      = var.name
  message_retention_seconds = 1209600
}

output "arn" {
  value = aws_sqs_queue.q.arn
}
