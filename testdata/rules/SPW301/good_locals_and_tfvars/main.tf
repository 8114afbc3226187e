variable "direct_to_lambda" {
  type    = bool
  default = true
}

locals {
  # terraform.tfvars puts a queue in between.
  use_lambda = var.direct_to_lambda
}

resource "aws_lambda_function" "ingest" {
  function_name = "ingest"
  role          = "arn:aws:iam::123456789012:role/ingest"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "ingest.zip"
}

resource "aws_sqs_queue" "buffer" {
  name = "buffer"
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = "uploads"

  dynamic "lambda_function" {
    for_each = local.use_lambda ? [aws_lambda_function.ingest.arn] : []
    content {
      lambda_function_arn = lambda_function.value
      events              = ["s3:ObjectCreated:*"]
    }
  }

  dynamic "queue" {
    for_each = local.use_lambda ? [] : [aws_sqs_queue.buffer.arn]
    content {
      queue_arn = queue.value
      events    = ["s3:ObjectCreated:*"]
    }
  }
}
