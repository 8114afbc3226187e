# Shadowed by main.tofu.
resource "aws_sqs_queue" "buffer" {
  name = "buffer"
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = "uploads"

  queue {
    queue_arn = aws_sqs_queue.buffer.arn
    events    = ["s3:ObjectCreated:*"]
  }
}
