# Asynchronous triggers whose function is an output of a registry module
# that is not analyzed may invoke any function: each is undetermined,
# naming the output, instead of dropping out.
module "lambda" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"
}

resource "aws_cloudwatch_event_target" "target" { # undetermined "SPW101"
  rule = "nightly"
  arn  = module.lambda.lambda_function_arn
  dead_letter_config {
    arn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
  }
}

resource "aws_sns_topic_subscription" "sub" { # undetermined "SPW101"
  topic_arn      = "arn:aws:sns:eu-west-1:123456789012:orders"
  protocol       = "lambda"
  endpoint       = module.lambda.lambda_function_arn
  redrive_policy = jsonencode({ deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:dlq" })
}

resource "aws_s3_bucket_notification" "uploads" { # undetermined "SPW101"
  bucket = "uploads"
  lambda_function {
    lambda_function_arn = module.lambda.lambda_function_arn
    events              = ["s3:ObjectCreated:*"]
  }
}

resource "aws_lambda_permission" "logs" { # undetermined "SPW101"
  action        = "lambda:InvokeFunction"
  function_name = module.lambda.lambda_function_name
  principal     = "logs.amazonaws.com"
}
