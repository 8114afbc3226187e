variable "name" {
  type = string
}

variable "target" {
  type = object({ kind = string, arn = string })
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_notification" "this" {
  bucket = aws_s3_bucket.this.id

  dynamic "lambda_function" {
    for_each = var.target.kind == "lambda" ? [var.target.arn] : []
    content {
      lambda_function_arn = lambda_function.value
      events              = ["s3:ObjectCreated:*"]
    }
  }

  dynamic "queue" {
    for_each = var.target.kind == "queue" ? [var.target.arn] : []
    content {
      queue_arn = queue.value
      events    = ["s3:ObjectCreated:*"]
    }
  }

  dynamic "topic" {
    for_each = var.target.kind == "topic" ? [var.target.arn] : []
    content {
      topic_arn = topic.value
      events    = ["s3:ObjectCreated:*"]
    }
  }
}
