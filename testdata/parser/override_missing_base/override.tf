resource "aws_lambda_function" "g" {
  timeout = 45
}

variable "nope" {
  default = 1
}

locals {
  absent = 1
}

output "gone" {
  value = 1
}

module "ghost" {
  source = "./ghost"
}

data "aws_iam_policy_document" "d" {}
