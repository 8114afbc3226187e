# The finding on the URL covers SPW201 on its function, which is not
# reported separately.
resource "aws_lambda_function" "webhook" {
  function_name = "webhook"
}

resource "aws_lambda_function_url" "webhook" { # want "SPW407: reserve concurrency or require AWS_IAM \\(this finding covers SPW201 on aws_lambda_function.webhook\\)"
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = "NONE"
}
