resource "aws_lambda_event_source_mapping" "m" {
  function_response_types = ["ReportBatchItemFailures"]
}
