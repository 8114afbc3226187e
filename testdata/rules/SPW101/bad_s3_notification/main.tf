resource "aws_lambda_function" "f" { # want "SPW101: invoked asynchronously by aws_s3_bucket_notification.n"
  function_name = "f"
}

resource "aws_s3_bucket_notification" "n" {
  bucket = "b"
  lambda_function {
    lambda_function_arn = aws_lambda_function.f.arn
  }
}
