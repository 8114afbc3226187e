# maxReceiveCount written as a JSON string "3" in a heredoc.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_sqs_queue" "jobs" { # want "SPW104: maxReceiveCount 3, below 5"
  name           = "jobs"
  redrive_policy = <<-EOT
    {
      "deadLetterTargetArn": "${aws_sqs_queue.dlq.arn}",
      "maxReceiveCount": "3"
    }
  EOT
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
