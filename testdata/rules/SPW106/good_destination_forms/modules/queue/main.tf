resource "aws_sqs_queue" "q" {
  name = "module-failures"
}

output "arn" {
  value = aws_sqs_queue.q.arn
}
