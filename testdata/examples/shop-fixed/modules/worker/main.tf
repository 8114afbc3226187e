variable "name" {
  type = string
}

variable "role_arn" {
  type = string
}

variable "timeout" {
  type    = number
  default = 30
}

variable "reserved" {
  description = "Reserved concurrency: required, so no worker can take the account's pool."
  type        = number
}

variable "alarm_topic_arn" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_sqs_queue" "dlq" {
  name                      = "${var.name}-dlq"
  message_retention_seconds = 1209600
  tags                      = var.tags
}

resource "aws_sqs_queue" "jobs" {
  name                       = var.name
  visibility_timeout_seconds = var.timeout * 6
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
  tags = var.tags
}

resource "aws_lambda_function" "worker" {
  function_name                  = var.name
  role                           = var.role_arn
  handler                        = "worker.handler"
  runtime                        = "python3.12"
  filename                       = "${path.module}/build/worker.zip"
  timeout                        = var.timeout
  reserved_concurrent_executions = var.reserved
  tags                           = var.tags
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn        = aws_sqs_queue.jobs.arn
  function_name           = aws_lambda_function.worker.arn
  batch_size              = 10
  function_response_types = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = var.reserved
  }
}

resource "aws_cloudwatch_metric_alarm" "dlq_depth" {
  alarm_name          = "${var.name}-dlq-not-empty"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dlq.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [var.alarm_topic_arn]
}

output "queue_url" {
  value = aws_sqs_queue.jobs.url
}
