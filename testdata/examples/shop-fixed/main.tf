# The same online shop as ../shop, with every spillway finding fixed. Copy
# from here: each block carries the setting that makes it safe under load.

terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

locals {
  prefix = "${var.project}-${terraform.workspace}"
  tags = {
    project = var.project
    owner   = "orders-team"
  }
}

# --- Uploads: S3 -> SQS -> parser, bounded and with a dead-letter queue -------

resource "aws_s3_bucket" "invoices" {
  bucket = "${local.prefix}-invoices"
  tags   = local.tags
}

resource "aws_sqs_queue" "invoices_dlq" {
  name                      = "${local.prefix}-invoices-dlq"
  message_retention_seconds = 1209600 # 14 days: longer than the source queue
  tags                      = local.tags
}

resource "aws_sqs_queue" "invoices" {
  name                       = "${local.prefix}-invoices"
  visibility_timeout_seconds = 6 * 60 + 5 # 6 x the parser's timeout + the batching window
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.invoices_dlq.arn
    maxReceiveCount     = 5
  })
  tags = local.tags
}

resource "aws_s3_bucket_notification" "invoices" {
  bucket = aws_s3_bucket.invoices.id

  queue {
    queue_arn     = aws_sqs_queue.invoices.arn
    events        = ["s3:ObjectCreated:*"]
    filter_suffix = ".pdf"
  }
}

resource "aws_lambda_function" "invoice_parser" {
  function_name                  = "${local.prefix}-invoice-parser"
  role                           = aws_iam_role.lambda.arn
  handler                        = "parser.handler"
  runtime                        = "python3.12"
  filename                       = "build/parser.zip"
  timeout                        = 60
  memory_size                    = 512
  reserved_concurrent_executions = 10
  tags                           = local.tags
}

resource "aws_lambda_event_source_mapping" "invoices" {
  event_source_arn                   = aws_sqs_queue.invoices.arn
  function_name                      = aws_lambda_function.invoice_parser.arn
  batch_size                         = 10
  maximum_batching_window_in_seconds = 5
  function_response_types            = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = 10 # not above the reservation
  }
}

# --- Orders API: throttled, cached, behind a rate-limiting web ACL ----------

resource "aws_lambda_function" "orders_api" {
  function_name                  = "${local.prefix}-orders-api"
  role                           = aws_iam_role.lambda.arn
  handler                        = "api.handler"
  runtime                        = "python3.12"
  filename                       = "build/api.zip"
  timeout                        = 10 # below the 29 s integration timeout
  reserved_concurrent_executions = 50
  tags                           = local.tags
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "${local.prefix}-orders"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "post_order" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "post_order" {
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  resource_id             = aws_api_gateway_resource.orders.id
  http_method             = aws_api_gateway_method.post_order.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.orders_api.invoke_arn
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  depends_on  = [aws_api_gateway_integration.post_order]
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = aws_api_gateway_rest_api.orders.id
  deployment_id         = aws_api_gateway_deployment.orders.id
  stage_name            = "prod"
  cache_cluster_enabled = true
  cache_cluster_size    = "0.5"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
    caching_enabled        = true
    cache_ttl_in_seconds   = 60
  }
}

resource "aws_wafv2_web_acl" "orders" {
  name  = "${local.prefix}-orders"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "per-ip-rate"
    priority = 1

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit              = 1000
        aggregate_key_type = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "per-ip-rate"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${local.prefix}-orders"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.orders.arn
}

# --- Clickstream: bounded retries, bisected batches, failures kept ----------

resource "aws_kinesis_stream" "clicks" {
  name             = "${local.prefix}-clicks"
  shard_count      = 2
  retention_period = 24
}

resource "aws_lambda_function" "click_aggregator" {
  function_name                  = "${local.prefix}-click-aggregator"
  role                           = aws_iam_role.lambda.arn
  handler                        = "clicks.handler"
  runtime                        = "python3.12"
  filename                       = "build/clicks.zip"
  timeout                        = 30
  reserved_concurrent_executions = 4
}

resource "aws_sqs_queue" "click_failures" {
  name                      = "${local.prefix}-click-failures"
  message_retention_seconds = 1209600
}

resource "aws_lambda_event_source_mapping" "clicks" {
  event_source_arn               = aws_kinesis_stream.clicks.arn
  function_name                  = aws_lambda_function.click_aggregator.arn
  starting_position              = "LATEST"
  batch_size                     = 500
  maximum_retry_attempts         = 3
  maximum_record_age_in_seconds  = 3600
  bisect_batch_on_function_error = true

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.click_failures.arn
    }
  }
}

# --- Nightly report: an EventBridge schedule with dead-letter queues --------

resource "aws_lambda_function" "nightly_report" {
  function_name                  = "${local.prefix}-nightly-report"
  role                           = aws_iam_role.lambda.arn
  handler                        = "report.handler"
  runtime                        = "python3.12"
  filename                       = "build/report.zip"
  timeout                        = 300
  reserved_concurrent_executions = 1
}

resource "aws_sqs_queue" "report_failures" {
  name                      = "${local.prefix}-report-failures"
  message_retention_seconds = 1209600
}

resource "aws_lambda_function_event_invoke_config" "nightly_report" {
  function_name                = aws_lambda_function.nightly_report.function_name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 3600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.report_failures.arn
    }
  }
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "${local.prefix}-nightly"
  schedule_expression = "cron(0 2 * * ? *)"
}

resource "aws_cloudwatch_event_target" "nightly_report" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = aws_lambda_function.nightly_report.arn

  dead_letter_config {
    arn = aws_sqs_queue.report_failures.arn
  }
}

resource "aws_lambda_permission" "nightly_report" {
  statement_id  = "AllowEventBridge"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.nightly_report.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.nightly.arn
}

# --- Order processing: one bounded worker per queue -------------------------

module "workers" {
  source   = "./modules/worker"
  for_each = var.workers

  name            = "${local.prefix}-${each.key}"
  role_arn        = aws_iam_role.lambda.arn
  timeout         = each.value.timeout
  reserved        = each.value.reserved
  alarm_topic_arn = aws_sns_topic.oncall.arn
  tags            = local.tags
}

# --- Monitoring: account-wide Lambda alarms, DLQ depth, iterator age, budget

resource "aws_sns_topic" "oncall" {
  name = "${local.prefix}-oncall"
}

resource "aws_cloudwatch_metric_alarm" "lambda_account" {
  for_each = {
    Throttles            = { statistic = "Sum", threshold = 0 }
    Errors               = { statistic = "Sum", threshold = 10 }
    ConcurrentExecutions = { statistic = "Maximum", threshold = 800 }
  }

  alarm_name          = "${local.prefix}-lambda-${lower(each.key)}"
  namespace           = "AWS/Lambda"
  metric_name         = each.key
  statistic           = each.value.statistic
  period              = 60
  evaluation_periods  = 3
  threshold           = each.value.threshold
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
}

resource "aws_cloudwatch_metric_alarm" "clicks_iterator_age" {
  alarm_name          = "${local.prefix}-clicks-iterator-age"
  namespace           = "AWS/Lambda"
  metric_name         = "IteratorAge"
  dimensions          = { FunctionName = aws_lambda_function.click_aggregator.function_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 600000
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
}

resource "aws_cloudwatch_metric_alarm" "dlq_depth" {
  for_each = {
    invoices = aws_sqs_queue.invoices_dlq.name
    clicks   = aws_sqs_queue.click_failures.name
    reports  = aws_sqs_queue.report_failures.name
  }

  alarm_name          = "${local.prefix}-${each.key}-dlq-not-empty"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
}

resource "aws_budgets_budget" "monthly" {
  name         = "${local.prefix}-monthly"
  budget_type  = "COST"
  limit_amount = "500"
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 80
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = ["oncall@example.com"]
  }
}

# --- Shared IAM ----------------------------------------------------------------

resource "aws_iam_role" "lambda" {
  name = "${local.prefix}-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}
