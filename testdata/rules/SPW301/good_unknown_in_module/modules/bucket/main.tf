variable "targets" {
  type = list(string)
}

resource "aws_s3_bucket_notification" "this" { # undetermined "SPW301"
  bucket = "uploads"

  dynamic "lambda_function" {
    for_each = var.targets
    content {
      lambda_function_arn = lambda_function.value
      events              = ["s3:ObjectCreated:*"]
    }
  }
}
