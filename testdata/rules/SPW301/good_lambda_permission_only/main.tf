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

# A permission for S3 is an asynchronous trigger (SPW101's business), not a
# bucket notification with a lambda_function block.
resource "aws_lambda_permission" "s3" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.ingest.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = aws_s3_bucket.uploads.arn
}
