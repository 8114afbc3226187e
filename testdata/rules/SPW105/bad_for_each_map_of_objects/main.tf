locals {
  streams = {
    clicks = { retries = 3, max_age = -1 }
    views  = { retries = -1, max_age = -1 }
    buys   = { retries = -1, max_age = 3600 }
    adds   = { retries = -1, max_age = -1 }
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

resource "aws_lambda_event_source_mapping" "m" { # want "SPW105: ^aws_lambda_event_source_mapping.m\\[\"adds\"\\] reads a Kinesis stream"
  for_each                      = local.streams
  event_source_arn              = aws_kinesis_stream.s[each.key].arn
  function_name                 = aws_lambda_function.worker.arn
  starting_position             = "LATEST"
  maximum_retry_attempts        = each.value.retries
  maximum_record_age_in_seconds = each.value.max_age
}
