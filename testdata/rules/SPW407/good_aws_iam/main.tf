resource "aws_lambda_function" "private" {
  function_name = "private"
}

resource "aws_lambda_function_url" "private" {
  function_name      = aws_lambda_function.private.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_function" "cors" {
  function_name                  = "cors"
  reserved_concurrent_executions = -1
}

resource "aws_lambda_function_url" "cors" {
  function_name      = aws_lambda_function.cors.arn
  authorization_type = "AWS_IAM"
  cors {
    allow_origins = ["*"]
  }
}
