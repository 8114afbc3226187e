variable "name" {
  type = string
}

variable "alarm" {
  type = bool
}

resource "aws_sqs_queue" "main" {
  name = var.name
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "dlq" { # want "SPW504: ^module\\.q\\[\"b\"\\]\\.aws_sqs_queue\\.dlq "
  name = "${var.name}-dlq"
}

resource "aws_cloudwatch_metric_alarm" "dlq_depth" {
  count               = var.alarm ? 1 : 0
  alarm_name          = "${var.name}-dlq-depth"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = "${var.name}-dlq" }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 300
  statistic           = "Maximum"
}
