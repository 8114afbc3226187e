# The failure destination belongs to another function.
resource "aws_sqs_queue" "failures" {
  name = "failures"
}

resource "aws_lambda_function" "a" { # want "SPW101: aws_lambda_function.a is invoked"
  function_name = "a"
}

resource "aws_lambda_function" "b" {
  function_name = "b"
  dead_letter_config {
    target_arn = aws_sqs_queue.failures.arn
  }
}

resource "aws_lambda_function" "c" { # want "SPW101: aws_lambda_function.c is invoked"
  function_name = "c"
}

resource "aws_lambda_function_event_invoke_config" "b" {
  function_name = "arn:aws:lambda:eu-west-1:123456789012:function:b"
  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures.arn
    }
  }
}

resource "aws_lambda_permission" "a" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.a.function_name
  principal     = "sns.amazonaws.com"
}

resource "aws_lambda_permission" "b" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.b.function_name
  principal     = "sns.amazonaws.com"
}

resource "aws_lambda_permission" "c" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.c.function_name
  principal     = "sns.amazonaws.com"
}

# A known name of a function outside this configuration is not "unknown":
# it gives neither a nor c a failure destination.
resource "aws_lambda_function_event_invoke_config" "external" {
  function_name = "someone-elses-function"
  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures.arn
    }
  }
}
