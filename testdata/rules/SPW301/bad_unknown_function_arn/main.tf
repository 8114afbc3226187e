variable "function_arn" {
  type = string
}

resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

# The function is unknown, but the lambda_function block is provably there.
resource "aws_s3_bucket_notification" "uploads" { # want "SPW301"
  bucket = aws_s3_bucket.uploads.id

  lambda_function {
    lambda_function_arn = var.function_arn
    events              = ["s3:ObjectCreated:*"]
  }
}
