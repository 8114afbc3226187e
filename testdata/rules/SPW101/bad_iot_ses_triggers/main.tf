# IoT topic rules (actions and error actions) and SES receipt rules of
# invocation type Event (the default) invoke asynchronously.
resource "aws_lambda_function" "iot" { # want "SPW101: .*IoT topic rule"
  function_name = "iot"
}

resource "aws_iot_topic_rule" "telemetry" {
  name        = "telemetry"
  enabled     = true
  sql         = "SELECT * FROM 'telemetry/#'"
  sql_version = "2016-03-23"
  lambda {
    function_arn = aws_lambda_function.iot.arn
  }
}

resource "aws_lambda_function" "iot_error" { # want "SPW101"
  function_name = "iot-error"
}

resource "aws_iot_topic_rule" "with_error_action" {
  name        = "with_error_action"
  enabled     = true
  sql         = "SELECT * FROM 'x'"
  sql_version = "2016-03-23"
  sns {
    target_arn = "arn:aws:sns:eu-west-1:123456789012:x"
    role_arn   = "arn:aws:iam::123456789012:role/iot"
  }
  error_action {
    lambda {
      function_arn = aws_lambda_function.iot_error.arn
    }
  }
}

resource "aws_lambda_function" "mail" { # want "SPW101: .*SES receipt rule"
  function_name = "mail"
}

resource "aws_ses_receipt_rule" "mail" {
  name          = "mail"
  rule_set_name = "default"
  enabled       = true
  lambda_action {
    function_arn = aws_lambda_function.mail.arn
    position     = 1
  }
}
