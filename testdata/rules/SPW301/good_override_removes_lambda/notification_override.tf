# A dynamic block counts as a lambda_function block for overriding: it
# replaces the original one and generates none.
resource "aws_s3_bucket_notification" "uploads" {
  dynamic "lambda_function" {
    for_each = []
    content {
      lambda_function_arn = aws_lambda_function.ingest.arn
    }
  }

  queue {
    queue_arn = "arn:aws:sqs:eu-west-1:123456789012:buffer"
    events    = ["s3:ObjectCreated:*"]
  }
}
