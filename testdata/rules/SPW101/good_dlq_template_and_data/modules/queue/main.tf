resource "aws_sqs_queue" "q" {
  name = "module-dlq"
}

output "arn" {
  value = aws_sqs_queue.q.arn
}
