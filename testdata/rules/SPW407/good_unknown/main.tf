variable "auth" {
  type = string
}

variable "reserved" {
  type = number
}

variable "function_name" {
  type = string
}

resource "aws_lambda_function" "open" {
  function_name = "open"
}

resource "aws_lambda_function" "reserved" {
  function_name                  = "reserved"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_function" "unknown_reserved" {
  function_name                  = "unknown-reserved"
  reserved_concurrent_executions = var.reserved
}

# Unknown authorization on an unreserved function.
resource "aws_lambda_function_url" "unknown_auth" { # undetermined "SPW407"
  function_name      = aws_lambda_function.open.function_name
  authorization_type = var.auth
}

# Public URL, unknown reservation.
resource "aws_lambda_function_url" "unknown_reservation" { # undetermined "SPW407"
  function_name      = aws_lambda_function.unknown_reserved.function_name
  authorization_type = "NONE"
}

# Public URL, unknown function.
resource "aws_lambda_function_url" "unknown_function" { # undetermined "SPW407"
  function_name      = var.function_name
  authorization_type = "NONE"
}

# Unknown authorization on a reserved function: quiet either way.
resource "aws_lambda_function_url" "reserved" {
  function_name      = aws_lambda_function.reserved.function_name
  authorization_type = var.auth
}

# IAM: the unknowns do not matter.
resource "aws_lambda_function_url" "iam_unknown_function" {
  function_name      = var.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_function_url" "iam_unknown_reservation" {
  function_name      = aws_lambda_function.unknown_reserved.function_name
  authorization_type = "AWS_IAM"
}

# Unknown authorization and unknown function.
resource "aws_lambda_function_url" "unknown_both" { # undetermined "SPW407"
  function_name      = var.function_name
  authorization_type = var.auth
}
