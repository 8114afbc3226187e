resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "jobs_dlq" { # want "SPW504"
  name = "jobs-dlq"
}

resource "aws_cloudwatch_metric_alarm" "dlq_age" {
  alarm_name          = "dlq-age"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = aws_sqs_queue.jobs_dlq.name }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 3600
  period              = 300
  statistic           = "Maximum"
}
