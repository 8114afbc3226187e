resource "aws_lambda_function" "zero" {
  function_name                  = "zero"
  reserved_concurrent_executions = 0
}

resource "aws_lambda_function" "some" {
  function_name                  = "some"
  reserved_concurrent_executions = 25
}

resource "aws_lambda_function" "computed" {
  function_name                  = "computed"
  reserved_concurrent_executions = max(1, 10 * 2)
}

# A reserved function stays quiet even behind a public trigger.
resource "aws_lambda_function" "public" {
  function_name                  = "public"
  reserved_concurrent_executions = 50
}

resource "aws_lambda_function_url" "public" {
  function_name      = aws_lambda_function.public.function_name
  authorization_type = "NONE"
}
