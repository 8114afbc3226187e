resource "aws_lambda_function" "f" {
  function_name = "ingest"
}

resource "aws_sns_topic_subscription" "s" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:events"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.f.arn
}
