locals {
  streams = {
    clicks = { shards = 1 }
    views  = { shards = 2 }
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "s" {
  for_each    = local.streams
  name        = each.key
  shard_count = each.value.shards
}

resource "aws_lambda_event_source_mapping" "m" {
  for_each                       = aws_kinesis_stream.s
  event_source_arn               = each.value.arn
  function_name                  = aws_lambda_function.worker.arn
  starting_position              = "LATEST"
  bisect_batch_on_function_error = true
}
