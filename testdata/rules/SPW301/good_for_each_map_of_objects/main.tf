resource "aws_sqs_queue" "buffer" {
  for_each = var.buckets
  name     = "${each.key}-events"
}

variable "buckets" {
  type = map(object({ events = list(string) }))
  default = {
    logs    = { events = ["s3:ObjectCreated:*"] }
    uploads = { events = ["s3:ObjectCreated:Put", "s3:ObjectRemoved:*"] }
  }
}

resource "aws_s3_bucket_notification" "n" {
  for_each = var.buckets
  bucket   = each.key

  queue {
    queue_arn = aws_sqs_queue.buffer[each.key].arn
    events    = each.value.events
  }
}
