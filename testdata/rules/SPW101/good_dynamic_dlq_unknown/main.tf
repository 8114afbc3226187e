variable "dlqs" {
  type = list(string)
}

resource "aws_lambda_function" "f" { # undetermined "SPW101"
  function_name = "f"
  dynamic "dead_letter_config" {
    for_each = var.dlqs
    content {
      target_arn = dead_letter_config.value
    }
  }
}

# Even with a literal target inside, an unknown for_each may produce no
# block at all.
resource "aws_lambda_function" "g" { # undetermined "SPW101"
  function_name = "g"
  dynamic "dead_letter_config" {
    for_each = var.dlqs
    content {
      target_arn = "arn:aws:sqs:eu-west-1:123456789012:g-dlq"
    }
  }
}

resource "aws_lambda_permission" "f" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}

resource "aws_lambda_permission" "g" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.g.function_name
  principal     = "s3.amazonaws.com"
}
