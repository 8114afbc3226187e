variable "size" {
  type    = number
  default = 1
}

locals {
  kept     = "base"
  replaced = "base"
}

resource "aws_lambda_function" "f" {
  function_name = "f"
  timeout       = 3
  memory_size   = 128

  environment {
    variables = { A = "1" }
  }

  vpc_config {
    subnet_ids = ["a"]
  }

  dynamic "tracing_config" {
    for_each = ["Active"]
    content {
      mode = tracing_config.value
    }
  }
}

resource "aws_sqs_queue" "q" {
  count = 1
}

module "m" {
  source = "./mod"
  name   = "base"
  other  = "kept"
}

output "o" {
  value = "base"
}
