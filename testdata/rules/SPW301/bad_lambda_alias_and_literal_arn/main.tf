resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

resource "aws_lambda_function" "ingest" {
  function_name = "ingest"
  role          = "arn:aws:iam::123456789012:role/ingest"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "ingest.zip"
}

resource "aws_sqs_queue" "uploads" {
  name = "uploads"
}

resource "aws_sns_topic" "uploads" {
  name = "uploads"
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.ingest.function_name
  function_version = "1"
}

resource "aws_s3_bucket" "archive" {
  bucket = "archive"
}

resource "aws_s3_bucket" "external" {
  bucket = "external"
}

resource "aws_s3_bucket_notification" "uploads" { # want "SPW301: straight to aws_lambda_function.ingest"
  bucket = aws_s3_bucket.uploads.id

  lambda_function {
    lambda_function_arn = aws_lambda_alias.live.arn
    events              = ["s3:ObjectCreated:*"]
  }
}

resource "aws_s3_bucket_notification" "archive" { # want "SPW301: straight to aws_lambda_function.ingest"
  bucket = aws_s3_bucket.archive.id

  lambda_function {
    lambda_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:ingest"
    events              = ["s3:ObjectCreated:*"]
  }
}

# A function of another stack: still direct to Lambda.
resource "aws_s3_bucket_notification" "external" { # want "SPW301: straight to a Lambda function"
  bucket = aws_s3_bucket.external.id

  lambda_function {
    lambda_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:elsewhere"
    events              = ["s3:ObjectCreated:*"]
  }
}
