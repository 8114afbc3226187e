variable "name" {
  type = string
}

variable "on_failure_arn" {
  type    = string
  default = ""
}

variable "compare" {
  type    = bool
  default = false
}

resource "aws_sns_topic" "t" {
  name = var.name
}

resource "aws_lambda_function" "f" {
  function_name = var.name
}

resource "aws_sns_topic_subscription" "s" {
  topic_arn = aws_sns_topic.t.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.f.arn
}

resource "aws_lambda_function_event_invoke_config" "f" {
  function_name = aws_lambda_function.f.function_name
  dynamic "destination_config" {
    for_each = (var.compare ? var.on_failure_arn != "" : length(compact([var.on_failure_arn])) > 0) ? [1] : []
    content {
      on_failure {
        destination = var.on_failure_arn
      }
    }
  }
}
