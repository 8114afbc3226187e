variable "reserved" {
  type = number
}

# 800 known; the unknown reservations could push the sum past 900, so the
# check is left undetermined on the first of them in address order.
resource "aws_lambda_function" "known" {
  function_name                  = "known"
  reserved_concurrent_executions = 800
}

resource "aws_lambda_function" "unknown" { # undetermined "SPW203"
  function_name                  = "unknown"
  reserved_concurrent_executions = var.reserved
}

module "m" {
  source   = "./modules/fn"
  reserved = var.reserved
}
