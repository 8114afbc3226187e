# The DLQ is an existing queue read by a data source, outside this
# configuration: no queue here is a DLQ.
data "aws_sqs_queue" "shared_dlq" {
  name = "shared-dlq"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"

  dead_letter_config {
    target_arn = data.aws_sqs_queue.shared_dlq.arn
  }
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
