variable "direct_to_lambda" {
  type    = bool
  default = false
}

variable "function_name" {
  type    = string
  default = "ingest"
}

locals {
  # terraform.tfvars switches the bucket to direct invocation.
  lambda_targets = var.direct_to_lambda ? ["arn:aws:lambda:eu-west-1:123456789012:function:${var.function_name}"] : []
  queue_targets  = var.direct_to_lambda ? [] : [aws_sqs_queue.buffer.arn]
}

resource "aws_lambda_function" "ingest" {
  function_name = var.function_name
  role          = "arn:aws:iam::123456789012:role/ingest"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "ingest.zip"
}

resource "aws_sqs_queue" "buffer" {
  name = "buffer"
}

resource "aws_s3_bucket_notification" "uploads" { # want "SPW301: straight to aws_lambda_function.ingest"
  bucket = "uploads"

  dynamic "lambda_function" {
    for_each = local.lambda_targets
    content {
      lambda_function_arn = lambda_function.value
      events              = ["s3:ObjectCreated:*"]
    }
  }

  dynamic "queue" {
    for_each = local.queue_targets
    content {
      queue_arn = queue.value
      events    = ["s3:ObjectCreated:*"]
    }
  }
}
