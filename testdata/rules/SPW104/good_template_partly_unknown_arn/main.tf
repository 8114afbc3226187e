# A quoted template whose interpolation sits inside a JSON string (the
# account ID in the DLQ ARN): maxReceiveCount is still known.
data "aws_caller_identity" "me" {}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "template" {
  name           = "template"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:${data.aws_caller_identity.me.account_id}:dlq\",\"maxReceiveCount\":5}"
}

resource "aws_lambda_event_source_mapping" "template" {
  event_source_arn = aws_sqs_queue.template.arn
  function_name    = aws_lambda_function.worker.arn
}
