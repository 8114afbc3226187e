variable "n" {
  type = number
}

# The instances may not exist: undetermined, never a finding.
resource "aws_lambda_function" "f" { # undetermined "SPW202"
  count                          = var.n
  function_name                  = "f-${count.index}"
  reserved_concurrent_executions = 0
}

# Unknown count, but no instance could be switched off.
resource "aws_lambda_function" "g" {
  count                          = var.n
  function_name                  = "g-${count.index}"
  reserved_concurrent_executions = 10
}
