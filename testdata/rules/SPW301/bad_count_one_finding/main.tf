resource "aws_s3_bucket" "b" {
  count  = 3
  bucket = "bucket-${count.index}"
}

# Three instances, one block: one finding, on the first instance.
resource "aws_s3_bucket_notification" "n" { # want "SPW301: ^aws_s3_bucket_notification\\.n\\[0\\] "
  count  = 3
  bucket = aws_s3_bucket.b[count.index].id

  lambda_function {
    lambda_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:ingest"
    events              = ["s3:ObjectCreated:*"]
  }
}
