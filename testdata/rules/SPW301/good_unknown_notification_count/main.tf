variable "notify" {
  type = bool
}

resource "aws_s3_bucket_notification" "uploads" { # undetermined "SPW301"
  count  = var.notify ? 1 : 0
  bucket = "uploads"

  lambda_function {
    lambda_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:ingest"
    events              = ["s3:ObjectCreated:*"]
  }
}
