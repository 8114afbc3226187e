# Shadowed by main.tofu: OpenTofu never reads this file.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn               = "arn:aws:kinesis:eu-west-1:123456789012:stream/events"
  function_name                  = aws_lambda_function.worker.arn
  starting_position              = "LATEST"
  bisect_batch_on_function_error = true
}
