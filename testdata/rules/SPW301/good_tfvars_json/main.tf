variable "direct_to_lambda" {
  type    = bool
  default = true
}

resource "aws_sqs_queue" "buffer" {
  name = "buffer"
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = "uploads"

  dynamic "lambda_function" {
    for_each = var.direct_to_lambda ? ["arn:aws:lambda:eu-west-1:123456789012:function:ingest"] : []
    content {
      lambda_function_arn = lambda_function.value
      events              = ["s3:ObjectCreated:*"]
    }
  }

  dynamic "queue" {
    for_each = var.direct_to_lambda ? [] : [aws_sqs_queue.buffer.arn]
    content {
      queue_arn = queue.value
      events    = ["s3:ObjectCreated:*"]
    }
  }
}
