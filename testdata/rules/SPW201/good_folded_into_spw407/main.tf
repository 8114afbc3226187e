# SPW407 fires on the public URL of this unreserved function; SPW201 on the
# function has the same cause and the same fix, so it is folded into
# SPW407's finding (the function is its related location).
resource "aws_lambda_function" "webhook" {
  function_name = "webhook"
}

resource "aws_lambda_function_url" "webhook" {
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = "NONE"
}
