resource "aws_sns_topic" "t" {
  name = "t"
}

resource "aws_lambda_function" "f" { # want "SPW101: aws_lambda_function.f is invoked asynchronously by .* and 2 more but has no failure destination"
  function_name = "multi"
}

resource "aws_s3_bucket_notification" "n" {
  bucket = "uploads"
  lambda_function {
    lambda_function_arn = aws_lambda_function.f.arn
    events              = ["s3:ObjectCreated:*"]
  }
}

resource "aws_sns_topic_subscription" "s" {
  topic_arn = aws_sns_topic.t.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.f.arn
}

resource "aws_lambda_permission" "sns" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "sns.amazonaws.com"
  source_arn    = aws_sns_topic.t.arn
}

# A synchronous trigger on the same function does not change anything.
resource "aws_lambda_permission" "api" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "apigateway.amazonaws.com"
}
