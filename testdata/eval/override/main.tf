variable "memory" {
  default = 128
}

locals {
  name = "base"
}

resource "aws_lambda_function" "f" {
  function_name = local.name
  description   = var.removed_by_override
  timeout       = 3
  memory_size   = var.memory

  environment {
    variables = { A = "1" }
  }

  dynamic "vpc_config" {
    for_each = ["a", "b"]
    content {
      subnet_ids = [vpc_config.value]
    }
  }
}

resource "aws_sqs_queue" "q" {
  count = 3
  name  = "q"
}

module "m" {
  source = "./mod"
  label  = "base"
}
