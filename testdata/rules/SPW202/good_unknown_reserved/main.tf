variable "reserved" {
  type = number
}

# A variable without a value may be 0: undetermined, never a finding.
resource "aws_lambda_function" "f" { # undetermined "SPW202"
  function_name                  = "f"
  reserved_concurrent_executions = var.reserved
}

module "m" {
  source   = "./modules/fn"
  reserved = var.reserved
}

# A data source is unknown too.
data "aws_ssm_parameter" "reserved" {
  name = "/app/reserved"
}

resource "aws_lambda_function" "ssm" { # undetermined "SPW202"
  function_name                  = "ssm"
  reserved_concurrent_executions = tonumber(data.aws_ssm_parameter.reserved.value)
}
