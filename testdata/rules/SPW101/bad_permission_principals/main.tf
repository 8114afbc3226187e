# A permission for an asynchronous service is a trigger wired in another
# stack; each function here has exactly one.
resource "aws_lambda_function" "s3" { # want "SPW101: permission for s3.amazonaws.com"
  function_name = "from-s3"
}

resource "aws_lambda_permission" "s3" {
  statement_id  = "s3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.s3.function_name
  principal     = "s3.amazonaws.com"
}

resource "aws_lambda_function" "sns" { # want "SPW101: permission for sns.amazonaws.com"
  function_name = "from-sns"
}

resource "aws_lambda_permission" "sns" {
  statement_id  = "sns"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.sns.arn
  principal     = "sns.amazonaws.com"
}

resource "aws_lambda_function" "events" { # want "SPW101: permission for events.amazonaws.com"
  function_name = "from-events"
}

resource "aws_lambda_permission" "events" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.events.function_name
  principal     = "events.amazonaws.com"
}

resource "aws_lambda_function" "logs" { # want "SPW101: permission for logs.amazonaws.com"
  function_name = "from-logs"
}

resource "aws_lambda_permission" "logs" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.logs.function_name
  principal     = "logs.amazonaws.com"
}

resource "aws_lambda_function" "logs_regional" { # want "SPW101: permission for logs.eu-west-1.amazonaws.com"
  function_name = "from-logs-regional"
}

resource "aws_lambda_permission" "logs_regional" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.logs_regional.function_name
  principal     = "logs.eu-west-1.amazonaws.com"
}

resource "aws_lambda_function" "iot" { # want "SPW101: permission for iot.amazonaws.com"
  function_name = "from-iot"
}

resource "aws_lambda_permission" "iot" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.iot.function_name
  principal     = "iot.amazonaws.com"
}

resource "aws_lambda_function" "ses" { # want "SPW101: permission for ses.amazonaws.com"
  function_name = "from-ses"
}

resource "aws_lambda_permission" "ses" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.ses.function_name
  principal     = "ses.amazonaws.com"
}

resource "aws_lambda_function" "config" { # want "SPW101: permission for config.amazonaws.com"
  function_name = "from-config"
}

resource "aws_lambda_permission" "config" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.config.function_name
  principal     = "config.amazonaws.com"
}

resource "aws_lambda_function" "cloudwatch" { # want "SPW101: permission for cloudwatch.amazonaws.com"
  function_name = "from-cloudwatch"
}

resource "aws_lambda_permission" "cloudwatch" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.cloudwatch.function_name
  principal     = "cloudwatch.amazonaws.com"
}
