resource "aws_sqs_queue" "q" {
  name = "q"
}

output "queue" {
  value = aws_sqs_queue.q
}
