variable "size" {
  default = 10
}

locals {
  replaced = "override"
}

resource "aws_lambda_function" "f" {
  timeout = 45

  environment {
    variables = { B = "2" }
  }

  tracing_config {
    mode = "PassThrough"
  }
}

resource "aws_sqs_queue" "q" {
  for_each = toset(["a"])
}
