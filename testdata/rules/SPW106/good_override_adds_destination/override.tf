resource "aws_lambda_event_source_mapping" "events" {
  destination_config {
    on_failure {
      destination_arn = "arn:aws:sqs:eu-west-1:123456789012:failures"
    }
  }
}
