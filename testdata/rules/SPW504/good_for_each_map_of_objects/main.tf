locals {
  queues = {
    a = { retention = 1209600, alarm = true }
    b = { retention = 1209600, alarm = true }
  }
}

resource "aws_sqs_queue" "main" {
  for_each = local.queues
  name     = each.key
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "dlq" {
  for_each                  = local.queues
  name                      = "${each.key}-dlq"
  message_retention_seconds = each.value.retention
}

resource "aws_cloudwatch_metric_alarm" "dlq_depth" {
  for_each            = { for k, v in local.queues : k => v if v.alarm }
  alarm_name          = "${each.key}-dlq-depth"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dlq[each.key].name }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 300
  statistic           = "Maximum"
}
