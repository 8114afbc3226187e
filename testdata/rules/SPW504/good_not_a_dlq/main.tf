# Neither queue is a DLQ or failure destination.
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sqs_queue" "other" {
  name = "other"
}
