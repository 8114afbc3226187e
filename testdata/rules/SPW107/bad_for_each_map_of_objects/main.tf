locals {
  streams = {
    clicks = { bisect = true }
    views  = { bisect = false }
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

resource "aws_lambda_event_source_mapping" "m" { # want "SPW107: ^aws_lambda_event_source_mapping.m\\[\"views\"\\] reads a Kinesis stream"
  for_each                       = local.streams
  event_source_arn               = aws_kinesis_stream.s[each.key].arn
  function_name                  = aws_lambda_function.worker.arn
  starting_position              = "LATEST"
  bisect_batch_on_function_error = each.value.bisect
}
