resource "aws_sqs_queue" "q" {
  count = 20000
  name  = "q${count.index}"
}
