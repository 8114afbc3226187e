variable "name" {
  type = string
}

variable "dlq_arn" {
  type = string
}

resource "aws_lambda_function" "f" { # want "SPW101: ^module.worker\\[\"index\"\\].aws_lambda_function.f is invoked asynchronously by module.worker\\[\"index\"\\].aws_s3_bucket_notification.n"
  function_name = var.name
  dynamic "dead_letter_config" {
    for_each = var.dlq_arn == null ? [] : [var.dlq_arn]
    content {
      target_arn = dead_letter_config.value
    }
  }
}

resource "aws_s3_bucket_notification" "n" {
  bucket = "${var.name}-uploads"
  lambda_function {
    lambda_function_arn = aws_lambda_function.f.arn
    events              = ["s3:ObjectCreated:*"]
  }
}
