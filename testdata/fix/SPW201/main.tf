# Two functions without reserved concurrency: one public behind a function
# URL, with odd formatting and comments, and one indented with tabs.

resource "aws_lambda_function" "api" {
  function_name = "api"     # the public one
  role    = "arn:aws:iam::123456789012:role/api"
  /* handler and runtime */
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  environment {
    variables = {
      STAGE = "prod"
    }
  }
  # trailing comment
}

resource "aws_lambda_function_url" "api" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_function" "tabbed" {
	function_name = "tabbed"
	timeout = 30
}

resource "aws_lambda_function" "reserved" {
  function_name                  = "reserved"
  reserved_concurrent_executions = 50
}
