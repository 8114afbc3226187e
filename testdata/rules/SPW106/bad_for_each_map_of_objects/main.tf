locals {
  streams = {
    clicks = { failures = "arn:aws:sqs:eu-west-1:123456789012:clicks-failures" }
    views  = { failures = null }
    adds   = { failures = null }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "s" {
  for_each    = local.streams
  name        = each.key
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "m" { # want "SPW106: ^aws_lambda_event_source_mapping.m\\[\"adds\"\\] reads a Kinesis stream"
  for_each          = local.streams
  event_source_arn  = aws_kinesis_stream.s[each.key].arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  destination_config {
    on_failure {
      destination_arn = each.value.failures
    }
  }
}
