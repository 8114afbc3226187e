variable "provisioned" {
  type = number
}

variable "reserved" {
  type = number
}

variable "function_name" {
  type = string
}

resource "aws_lambda_function" "reserved" {
  function_name                  = "reserved"
  reserved_concurrent_executions = 10
  publish                        = true
}

resource "aws_lambda_function" "unknown_reserved" {
  function_name                  = "unknown-reserved"
  reserved_concurrent_executions = var.reserved
  publish                        = true
}

# Unknown amount against a known reservation.
resource "aws_lambda_provisioned_concurrency_config" "unknown_amount" { # undetermined "SPW206"
  function_name                     = aws_lambda_function.reserved.function_name
  qualifier                         = "live"
  provisioned_concurrent_executions = var.provisioned
}

# Known amount against an unknown reservation.
resource "aws_lambda_provisioned_concurrency_config" "unknown_reservation" { # undetermined "SPW206"
  function_name                     = aws_lambda_function.unknown_reserved.function_name
  qualifier                         = "live"
  provisioned_concurrent_executions = 50
}

# Known amount, unknown function.
resource "aws_lambda_provisioned_concurrency_config" "unknown_function" { # undetermined "SPW206"
  function_name                     = var.function_name
  qualifier                         = "live"
  provisioned_concurrent_executions = 50
}

# Known amount within a known reservation; the unknown qualifier does not
# matter.
resource "aws_lambda_provisioned_concurrency_config" "fits" {
  function_name                     = aws_lambda_function.reserved.function_name
  qualifier                         = aws_lambda_function.reserved.version
  provisioned_concurrent_executions = 10
}
