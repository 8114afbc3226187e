# Not shadowed (there is no main.tofu): OpenTofu reads it next to lambda.tofu.
resource "aws_s3_bucket_notification" "uploads" { # want "SPW301: aws_s3_bucket_notification.uploads "
  bucket = "uploads"

  lambda_function {
    lambda_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:ingest"
    events              = ["s3:ObjectCreated:*"]
  }
}
