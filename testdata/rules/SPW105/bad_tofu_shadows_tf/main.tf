# Shadowed by main.tofu.
resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn       = "arn:aws:kinesis:eu-west-1:123456789012:stream/events"
  function_name          = "worker"
  starting_position      = "LATEST"
  maximum_retry_attempts = 3
}
