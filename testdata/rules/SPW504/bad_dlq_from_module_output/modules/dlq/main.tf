variable "name" {
  type = string
}

resource "aws_sqs_queue" "q" { # want "SPW504: ^module\\.dlq\\.aws_sqs_queue\\.q is a dead-letter queue or failure destination of aws_lambda_function\\.worker "
  name = var.name
}

output "arn" {
  value = aws_sqs_queue.q.arn
}
