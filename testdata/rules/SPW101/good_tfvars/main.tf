variable "dlq_arn" {
  type    = string
  default = null
}

variable "function_name" {
  type    = string
  default = "default-name"
}

resource "aws_lambda_function" "f" {
  function_name = var.function_name
  dead_letter_config {
    target_arn = var.dlq_arn
  }
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = "from-tfvars"
  principal     = "sns.amazonaws.com"
}
