variable "workers" {
  type = map(object({
    dlq = string
  }))
  default = {
    thumb = { dlq = "arn:aws:sqs:eu-west-1:123456789012:thumb-dlq" }
    index = { dlq = "arn:aws:sns:eu-west-1:123456789012:index-failures" }
  }
}

resource "aws_lambda_function" "w" {
  for_each      = var.workers
  function_name = each.key
  dead_letter_config {
    target_arn = each.value.dlq
  }
}

resource "aws_s3_bucket_notification" "n" {
  bucket = "uploads"
  dynamic "lambda_function" {
    for_each = aws_lambda_function.w
    content {
      lambda_function_arn = lambda_function.value.arn
      events              = ["s3:ObjectCreated:*"]
    }
  }
}
