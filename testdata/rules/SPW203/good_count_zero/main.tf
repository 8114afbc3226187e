resource "aws_lambda_function" "gone" {
  count                          = 0
  function_name                  = "gone"
  reserved_concurrent_executions = 900
}

resource "aws_lambda_function" "here" {
  function_name                  = "here"
  reserved_concurrent_executions = 900
}
