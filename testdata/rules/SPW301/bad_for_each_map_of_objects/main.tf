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

locals {
  buckets = {
    "1-logs"    = { direct = false }
    "2-uploads" = { direct = true }
    "3-exports" = { direct = false }
    "4-images"  = { direct = true }
  }
}

resource "aws_s3_bucket" "b" {
  for_each = local.buckets
  bucket   = each.key
}

# 2-uploads and 4-images go straight to Lambda: one finding, on 2-uploads.
resource "aws_s3_bucket_notification" "n" { # want "SPW301: ^aws_s3_bucket_notification\\.n\\[\"2-uploads\"\\] "
  for_each = local.buckets
  bucket   = aws_s3_bucket.b[each.key].id

  dynamic "lambda_function" {
    for_each = each.value.direct ? [1] : []
    content {
      lambda_function_arn = aws_lambda_function.ingest.arn
      events              = ["s3:ObjectCreated:*"]
    }
  }

  dynamic "queue" {
    for_each = each.value.direct ? [] : [1]
    content {
      queue_arn = aws_sqs_queue.buffer.arn
      events    = ["s3:ObjectCreated:*"]
    }
  }
}
