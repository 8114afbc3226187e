variable "n" {
  type = number
}

resource "aws_lambda_function" "known" {
  function_name                  = "known"
  reserved_concurrent_executions = 850
}

# An unknown number of instances, each reserving 100: undetermined.
resource "aws_lambda_function" "many" { # undetermined "SPW203"
  count                          = var.n
  function_name                  = "many-${count.index}"
  reserved_concurrent_executions = 100
}

# An unknown number of unreserved instances cannot push the sum: quiet.
resource "aws_lambda_function" "free" {
  count         = var.n
  function_name = "free-${count.index}"
}
