# An online shop's order pipeline: customers upload invoices to S3, an API
# takes orders, and workers process queues. It has the classic serverless
# availability mistakes that spillway reports.

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

# --- Uploads: S3 calls the invoice parser directly --------------------------

resource "aws_s3_bucket" "invoices" {
  bucket = "${local.prefix}-invoices"
  tags   = local.tags
}

resource "aws_lambda_function" "invoice_parser" {
  function_name = "${local.prefix}-invoice-parser"
  role          = aws_iam_role.lambda.arn
  handler       = "parser.handler"
  runtime       = "python3.12"
  filename      = "build/parser.zip"
  timeout       = 60
  memory_size   = 512
  tags          = local.tags
}

resource "aws_lambda_permission" "invoices" {
  statement_id  = "AllowS3Invoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.invoice_parser.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = aws_s3_bucket.invoices.arn
}

resource "aws_s3_bucket_notification" "invoices" {
  bucket = aws_s3_bucket.invoices.id

  lambda_function {
    lambda_function_arn = aws_lambda_function.invoice_parser.arn
    events              = ["s3:ObjectCreated:*"]
    filter_suffix       = ".pdf"
  }

  depends_on = [aws_lambda_permission.invoices]
}

# --- Orders API: REST API in front of a function ------------------------------

resource "aws_lambda_function" "orders_api" {
  function_name = "${local.prefix}-orders-api"
  role          = aws_iam_role.lambda.arn
  handler       = "api.handler"
  runtime       = "python3.12"
  filename      = "build/api.zip"
  timeout       = 10
  tags          = local.tags
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
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"
}

# --- Order processing: one worker module per queue ----------------------------

module "workers" {
  source   = "./modules/worker"
  for_each = var.workers

  name     = "${local.prefix}-${each.key}"
  role_arn = aws_iam_role.lambda.arn
  timeout  = each.value.timeout
  reserved = each.value.reserved
  tags     = local.tags
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

# --- Clickstream: a Kinesis stream consumed with the default (unbounded) retries

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

resource "aws_lambda_event_source_mapping" "clicks" {
  event_source_arn  = aws_kinesis_stream.clicks.arn
  function_name     = aws_lambda_function.click_aggregator.arn
  starting_position = "LATEST"
  batch_size        = 500
}

# --- The only alarm: errors of the orders API ---------------------------------

resource "aws_cloudwatch_metric_alarm" "orders_api_errors" {
  alarm_name          = "${local.prefix}-orders-api-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.orders_api.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 5
  comparison_operator = "GreaterThanThreshold"
}
