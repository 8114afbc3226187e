# The stream is in the root module, the mappings in module instances.
resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 2
}

module "reader" {
  source     = "./modules/reader"
  for_each   = { a = 10, b = -1, c = -1 }
  name       = each.key
  max_age    = each.value
  stream_arn = aws_kinesis_stream.events.arn
}
