# An event invoke config that only tunes retries or sets an on_success
# destination is not a failure destination.
resource "aws_sqs_queue" "done" {
  name = "done"
}

resource "aws_lambda_function" "f" { # want "SPW101: aws_lambda_function.f is invoked asynchronously"
  function_name = "f"
}

resource "aws_lambda_function_event_invoke_config" "f" {
  function_name                = aws_lambda_function.f.function_name
  maximum_retry_attempts       = 0
  maximum_event_age_in_seconds = 60
  destination_config {
    on_success {
      destination = aws_sqs_queue.done.arn
    }
  }
}

resource "aws_lambda_permission" "s3" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}
