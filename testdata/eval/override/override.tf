variable "memory" {
  default = 1024
}

locals {
  name = "overridden"
}

resource "aws_lambda_function" "f" {
  timeout     = 45
  description = "no variable needed"

  environment {
    variables = { B = "2" }
  }

  vpc_config {
    subnet_ids = ["override"]
  }
}

resource "aws_sqs_queue" "q" {
  count = 1
}
