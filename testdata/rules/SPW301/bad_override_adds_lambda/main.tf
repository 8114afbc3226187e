resource "aws_sqs_queue" "buffer" {
  name = "buffer"
}

resource "aws_s3_bucket_notification" "uploads" { # want "SPW301"
  bucket = "uploads"

  queue {
    queue_arn = aws_sqs_queue.buffer.arn
    events    = ["s3:ObjectCreated:*"]
  }
}
