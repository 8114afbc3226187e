resource "aws_lambda_function" "f" {
  function_name = "f"
}

resource "aws_s3_bucket_notification" "n" {
  bucket = "uploads"
  lambda_function {
    lambda_function_arn = aws_lambda_function.f.arn
    events              = ["s3:ObjectCreated:*"]
  }
}
