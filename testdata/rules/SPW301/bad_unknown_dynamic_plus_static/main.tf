variable "lambda_arns" {
  type = list(string)
}

# The static block decides it whatever var.lambda_arns holds.
resource "aws_s3_bucket_notification" "uploads" { # want "SPW301"
  bucket = "uploads"

  lambda_function {
    lambda_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:ingest"
    events              = ["s3:ObjectCreated:*"]
  }
}

resource "aws_s3_bucket_notification" "more" { # want "SPW301"
  bucket = "more"

  dynamic "lambda_function" {
    for_each = var.lambda_arns
    content {
      lambda_function_arn = lambda_function.value
      events              = ["s3:ObjectCreated:Put"]
    }
  }

  dynamic "lambda_function" {
    for_each = ["arn:aws:lambda:eu-west-1:123456789012:function:ingest"]
    content {
      lambda_function_arn = lambda_function.value
      events              = ["s3:ObjectRemoved:*"]
    }
  }
}
