resource "aws_lambda_function" "by_name" {
  function_name = "by-name"
}

resource "aws_lambda_function_url" "by_name" { # want "SPW407: for aws_lambda_function.by_name, which"
  function_name      = aws_lambda_function.by_name.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_function" "by_arn" {
  function_name = "by-arn"
}

resource "aws_lambda_function_url" "by_arn" { # want "SPW407: for aws_lambda_function.by_arn, which"
  function_name      = aws_lambda_function.by_arn.arn
  authorization_type = "NONE"
}

resource "aws_lambda_function" "by_alias" {
  function_name = "by-alias"
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.by_alias.function_name
  function_version = "1"
}

resource "aws_lambda_function_url" "by_alias_qualifier" { # want "SPW407: for aws_lambda_function.by_alias, which"
  function_name      = aws_lambda_function.by_alias.function_name
  qualifier          = aws_lambda_alias.live.name
  authorization_type = "NONE"
}

resource "aws_lambda_function_url" "by_alias_arn" { # want "SPW407: for aws_lambda_function.by_alias, which"
  function_name      = aws_lambda_alias.live.arn
  authorization_type = "NONE"
}

resource "aws_lambda_function" "by_literal_name" {
  function_name = "by-literal-name"
}

resource "aws_lambda_function_url" "by_literal_name" { # want "SPW407: for aws_lambda_function.by_literal_name, which"
  function_name      = "by-literal-name"
  authorization_type = "NONE"
}

resource "aws_lambda_function" "by_literal_arn" {
  function_name = "by-literal-arn"
}

resource "aws_lambda_function_url" "by_literal_arn" { # want "SPW407: for aws_lambda_function.by_literal_arn, which"
  function_name      = "arn:aws:lambda:eu-west-1:123456789012:function:by-literal-arn"
  authorization_type = "NONE"
}
