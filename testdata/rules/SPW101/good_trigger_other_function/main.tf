# Triggers that name functions outside this configuration, or whose
# function is unknown, do not make the known function fire.
variable "worker_arn" {
  type = string
}

data "aws_lambda_function" "external" {
  function_name = "external"
}

resource "aws_lambda_function" "f" {
  function_name = "mine"
}

resource "aws_sns_topic_subscription" "literal" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol  = "lambda"
  endpoint  = "arn:aws:lambda:eu-west-1:123456789012:function:someone-else"
}

resource "aws_lambda_permission" "name" {
  action        = "lambda:InvokeFunction"
  function_name = "not-mine"
  principal     = "s3.amazonaws.com"
}

resource "aws_s3_bucket_notification" "var" {
  bucket = "uploads"
  lambda_function {
    lambda_function_arn = var.worker_arn
    events              = ["s3:ObjectCreated:*"]
  }
}

resource "aws_cloudwatch_event_target" "data" {
  rule = "nightly"
  arn  = data.aws_lambda_function.external.arn
}
