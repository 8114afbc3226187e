variable "reserved" {
  type = number
}

resource "aws_lambda_function" "f" { # undetermined "SPW201"
  function_name                  = "f"
  reserved_concurrent_executions = var.reserved
}

# The unknown reaches a module instance through its input.
module "m" {
  source   = "./modules/fn"
  reserved = var.reserved
}
