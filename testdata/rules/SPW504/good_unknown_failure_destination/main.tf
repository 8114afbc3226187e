variable "failure_destination" {
  type = string
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "aws_lambda_function_event_invoke_config" "worker" {
  function_name = aws_lambda_function.worker.function_name

  destination_config {
    on_failure {
      destination = var.failure_destination
    }
  }
}

resource "aws_sqs_queue" "maybe_failures" { # undetermined "SPW504"
  name = "maybe-failures"
}

# Watched: whatever the destination is, nothing is missing here.
resource "aws_sqs_queue" "watched" {
  name = "watched"
}

resource "aws_cloudwatch_metric_alarm" "watched" {
  alarm_name          = "watched"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.watched.name }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 300
  statistic           = "Maximum"
}
