dlq_arn = "arn:aws:sqs:eu-west-1:123456789012:sns-dlq"
