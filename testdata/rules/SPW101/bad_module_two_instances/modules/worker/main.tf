variable "name" {
  type = string
}

variable "with_dlq" {
  type = bool
}

resource "aws_sqs_queue" "failures" {
  name = "${var.name}-failures"
}

resource "aws_sns_topic" "t" {
  name = var.name
}

resource "aws_lambda_function" "f" { # want "SPW101: ^module.unsafe.aws_lambda_function.f is invoked asynchronously by module.unsafe.aws_sns_topic_subscription.s"
  function_name = var.name
}

resource "aws_lambda_function_event_invoke_config" "f" {
  count         = var.with_dlq ? 1 : 0
  function_name = aws_lambda_function.f.function_name
  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures.arn
    }
  }
}

resource "aws_sns_topic_subscription" "s" {
  topic_arn = aws_sns_topic.t.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.f.arn
}
