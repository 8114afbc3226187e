# Adds the failure destination the base file lacks.
resource "aws_lambda_function" "f" {
  dead_letter_config {
    target_arn = "arn:aws:sqs:eu-west-1:123456789012:f-dlq"
  }
}
