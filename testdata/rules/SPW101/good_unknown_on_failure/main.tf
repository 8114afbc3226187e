variable "failure_destination" {
  type = string
}

variable "enabled" {
  type = bool
}

resource "aws_sqs_queue" "failures" {
  name = "failures"
}

resource "aws_lambda_function" "f" { # undetermined "SPW101"
  function_name = "f"
}

resource "aws_lambda_function_event_invoke_config" "f" {
  function_name = aws_lambda_function.f.function_name
  destination_config {
    on_failure {
      destination = var.failure_destination
    }
  }
}

# A conditional on an unknown variable might pick null.
resource "aws_lambda_function" "g" { # undetermined "SPW101"
  function_name = "g"
  dead_letter_config {
    target_arn = var.enabled ? aws_sqs_queue.failures.arn : null
  }
}

resource "aws_lambda_permission" "f" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "sns.amazonaws.com"
}

resource "aws_lambda_permission" "g" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.g.function_name
  principal     = "sns.amazonaws.com"
}
