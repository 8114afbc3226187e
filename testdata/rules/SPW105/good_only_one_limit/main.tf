# Only one of the two limits set is enough.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "retries_only" {
  event_source_arn       = aws_kinesis_stream.events.arn
  function_name          = aws_lambda_function.worker.arn
  starting_position      = "LATEST"
  maximum_retry_attempts = 3
}

resource "aws_lambda_event_source_mapping" "age_only" {
  event_source_arn              = aws_kinesis_stream.events.arn
  function_name                 = aws_lambda_function.worker.arn
  starting_position             = "LATEST"
  maximum_record_age_in_seconds = 3600
}

resource "aws_lambda_event_source_mapping" "retries_zero_age_minus_one" {
  event_source_arn              = aws_kinesis_stream.events.arn
  function_name                 = aws_lambda_function.worker.arn
  starting_position             = "LATEST"
  maximum_retry_attempts        = 0
  maximum_record_age_in_seconds = -1
}

resource "aws_lambda_event_source_mapping" "both" {
  event_source_arn              = aws_kinesis_stream.events.arn
  function_name                 = aws_lambda_function.worker.arn
  starting_position             = "LATEST"
  maximum_retry_attempts        = 2
  maximum_record_age_in_seconds = 600
}
