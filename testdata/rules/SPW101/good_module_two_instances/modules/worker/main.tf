variable "name" {
  type = string
}

variable "dlq_arn" {
  type = string
}

resource "aws_lambda_function" "f" {
  function_name = var.name
  dead_letter_config {
    target_arn = var.dlq_arn
  }
}

resource "aws_lambda_permission" "s3" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}
