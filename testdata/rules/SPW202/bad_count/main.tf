# Instances 1 and 2 are switched off; one finding on the first of them.
resource "aws_lambda_function" "f" {
  count                          = 3
  function_name                  = "f-${count.index}"
  reserved_concurrent_executions = count.index == 0 ? 5 : 0 # want "SPW202: ^aws_lambda_function.f\\[1\\] sets reserved_concurrent_executions = 0"
}
