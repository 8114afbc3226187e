# An event invoke config with an on_failure destination whose function is
# unknown may belong to this function: undetermined, not a finding.
variable "target_function" {
  type = string
}

resource "aws_lambda_function" "f" { # undetermined "SPW101"
  function_name = "f"
}

# Another unresolved invoke config without on_failure changes nothing.
resource "aws_lambda_function_event_invoke_config" "a_retries_only" {
  function_name          = var.target_function
  maximum_retry_attempts = 0
}

resource "aws_lambda_function_event_invoke_config" "unknown" {
  function_name = var.target_function
  destination_config {
    on_failure {
      destination = "arn:aws:sqs:eu-west-1:123456789012:failures"
    }
  }
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "sns.amazonaws.com"
}
