resource "aws_sqs_queue" "q" {
  name           = "orders"
  redrive_policy = "{\"maxReceiveCount\": ${var.count"
}
