resource "aws_lambda_function" "g" {
  function_name                  = "g"
  reserved_concurrent_executions = length([for a in range(1000): [for b in range(1000): [for c in range(1000): a * b * c]]])
}
