# A public URL of an unreserved function: SPW407 fires on the URL and SPW201
# is folded into it (one cause, one finding).
resource "aws_lambda_function" "open" {
  function_name = "open"
}

resource "aws_lambda_function_url" "open" {
  function_name      = aws_lambda_function.open.function_name
  authorization_type = "NONE"
}

# AWS_IAM is not public: medium.
resource "aws_lambda_function" "iam" { # want "SPW201: ^aws_lambda_function\\.iam has no reserved_concurrent_executions and is reachable from the function URL aws_lambda_function_url\\.iam with AWS_IAM authorization"
  function_name = "iam"
}

resource "aws_lambda_function_url" "iam" {
  function_name      = aws_lambda_function.iam.function_name
  authorization_type = "AWS_IAM"
}

# A URL on an alias of the function, with a qualifier: folded into SPW407 too.
resource "aws_lambda_function" "aliased" {
  function_name = "aliased"
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.aliased.arn
  function_version = "1"
}

resource "aws_lambda_function_url" "aliased" {
  function_name      = aws_lambda_function.aliased.function_name
  qualifier          = aws_lambda_alias.live.name
  authorization_type = "NONE"
}
