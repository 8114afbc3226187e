# The streams reach the module through a map(any) input; the module adds
# each mapping's destination with a dynamic block guarded by try(x, null)
# != null, can(x) or x == null. A queue's ARN is unknown but never null,
# so every guard decides: the mapping given no destination is a finding,
# the one given a queue is not, and neither is undetermined.
resource "aws_sqs_queue" "failures" {
  name = "failures"
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_dynamodb_table" "orders" {
  name             = "orders"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"
  attribute {
    name = "id"
    type = "S"
  }
}

module "reader" {
  source = "./modules/reader"
  streams = {
    orders = {
      event_source_arn           = aws_dynamodb_table.orders.stream_arn
      destination_arn_on_failure = aws_sqs_queue.failures.arn
    }
    events = {
      event_source_arn = aws_kinesis_stream.events.arn
    }
  }
}
