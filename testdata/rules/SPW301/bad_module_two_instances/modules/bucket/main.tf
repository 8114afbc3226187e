variable "name" {
  type = string
}

variable "lambda_arns" {
  type    = list(string)
  default = []
}

variable "queue_arns" {
  type    = list(string)
  default = []
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_notification" "this" { # want "SPW301: ^module\\.direct\\.aws_s3_bucket_notification\\.this sends S3 events straight to aws_lambda_function\\.ingest"
  bucket = aws_s3_bucket.this.id

  dynamic "lambda_function" {
    for_each = var.lambda_arns
    content {
      lambda_function_arn = lambda_function.value
      events              = ["s3:ObjectCreated:*"]
    }
  }

  dynamic "queue" {
    for_each = var.queue_arns
    content {
      queue_arn = queue.value
      events    = ["s3:ObjectCreated:*"]
    }
  }
}
