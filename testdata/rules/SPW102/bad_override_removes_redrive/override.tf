# The override drops the redrive policy of the base file.
resource "aws_sqs_queue" "jobs" {
  redrive_policy = null
}
