variable "lambda_arns" {
  type = list(string)
}

resource "aws_s3_bucket_notification" "uploads" { # undetermined "SPW301"
  bucket = "uploads"

  dynamic "lambda_function" {
    for_each = var.lambda_arns
    content {
      lambda_function_arn = lambda_function.value
      events              = ["s3:ObjectCreated:*"]
    }
  }
}
