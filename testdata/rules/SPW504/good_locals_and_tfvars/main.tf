variable "env" {
  type    = string
  default = "dev"
}

variable "alarmed_queues" {
  type    = list(string)
  default = []
}

locals {
  dlq_name = "${var.env}-jobs-dlq"
}

resource "aws_sqs_queue" "jobs" {
  name = "${var.env}-jobs"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "jobs_dlq" {
  name = local.dlq_name
}

# Alarms by literal queue name, listed in terraform.tfvars.
resource "aws_cloudwatch_metric_alarm" "depth" {
  for_each            = toset(var.alarmed_queues)
  alarm_name          = "${each.value}-depth"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  threshold           = 0
  period              = 300
  statistic           = "Maximum"
}
