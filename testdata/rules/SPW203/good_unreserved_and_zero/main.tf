resource "aws_lambda_function" "f" {
  count                          = 20
  function_name                  = "f-${count.index}"
  reserved_concurrent_executions = count.index % 2 == 0 ? -1 : 0
}

resource "aws_lambda_function" "g" {
  count                          = 20
  function_name                  = "g-${count.index}"
  reserved_concurrent_executions = null
}

resource "aws_lambda_function" "big" {
  function_name                  = "big"
  reserved_concurrent_executions = 900
}
