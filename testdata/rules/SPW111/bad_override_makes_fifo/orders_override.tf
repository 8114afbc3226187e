# The override turns the source into a FIFO queue; its DLQ stays standard.
resource "aws_sqs_queue" "orders" {
  name       = "orders.fifo"
  fifo_queue = true
}
