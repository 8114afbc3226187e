variable "create" {
  type    = bool
  default = true
}

variable "function_name" {
  type = string
}

variable "reserved_concurrent_executions" {
  description = "The amount of reserved concurrent executions for this Lambda function. A value of 0 disables Lambda from being triggered and -1 removes any concurrency limitations."
  type        = number
  default     = -1
}

resource "aws_lambda_function" "this" {
  count = var.create ? 1 : 0

  function_name                  = var.function_name
  role                           = "arn:aws:iam::123456789012:role/lambda"
  handler                        = "index.handler"
  runtime                        = "python3.12"
  reserved_concurrent_executions = var.reserved_concurrent_executions
}

output "lambda_function_arn" {
  value = try(aws_lambda_function.this[0].arn, "")
}
