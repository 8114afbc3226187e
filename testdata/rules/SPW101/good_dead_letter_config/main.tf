resource "aws_sqs_queue" "dlq" {
  name = "thumb-dlq"
}

resource "aws_sns_topic" "failures" {
  name = "failures"
}

# DLQ on a queue of this configuration.
resource "aws_lambda_function" "queue" {
  function_name = "thumb"
  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }
}

# DLQ on a topic of this configuration.
resource "aws_lambda_function" "topic" {
  function_name = "resize"
  dead_letter_config {
    target_arn = aws_sns_topic.failures.arn
  }
}

# DLQ given as a literal ARN.
resource "aws_lambda_function" "literal" {
  function_name = "crop"
  dead_letter_config {
    target_arn = "arn:aws:sqs:eu-west-1:123456789012:crop-dlq"
  }
}

resource "aws_s3_bucket_notification" "n" {
  bucket = "uploads"
  lambda_function {
    lambda_function_arn = aws_lambda_function.queue.arn
    events              = ["s3:ObjectCreated:*"]
  }
  lambda_function {
    lambda_function_arn = aws_lambda_function.topic.arn
    events              = ["s3:ObjectCreated:*"]
  }
  lambda_function {
    lambda_function_arn = aws_lambda_function.literal.arn
    events              = ["s3:ObjectCreated:*"]
  }
}
