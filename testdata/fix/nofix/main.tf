# Findings whose argument is set (to a variable, null or a sentinel) or
# written with a dynamic block get no fix.

variable "reserved" {
  type    = number
  default = null
}

resource "aws_lambda_function" "from_var" {
  function_name                  = "from_var"
  reserved_concurrent_executions = var.reserved
}

resource "aws_lambda_function" "minus_one" {
  function_name                  = "minus_one"
  reserved_concurrent_executions = -1
}

resource "aws_lambda_function" "null" {
  function_name                  = "null"
  reserved_concurrent_executions = null
}

resource "aws_kinesis_stream" "s" {
  name        = "s"
  shard_count = 1
}

resource "aws_lambda_event_source_mapping" "bisect_false" {
  event_source_arn               = aws_kinesis_stream.s.arn
  function_name                  = aws_lambda_function.minus_one.arn
  starting_position              = "LATEST"
  bisect_batch_on_function_error = false
}

resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_lambda_event_source_mapping" "empty_types" {
  event_source_arn        = aws_sqs_queue.q.arn
  function_name           = aws_lambda_function.minus_one.arn
  function_response_types = []
  scaling_config {
    maximum_concurrency = null
  }
}

resource "aws_lambda_event_source_mapping" "dynamic_scaling" {
  event_source_arn        = aws_sqs_queue.q.arn
  function_name           = aws_lambda_function.minus_one.arn
  function_response_types = ["ReportBatchItemFailures"]
  dynamic "scaling_config" {
    for_each = []
    content {
      maximum_concurrency = 10
    }
  }
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "burst_null" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "burst_null"
  default_route_settings {
    throttling_burst_limit = null
  }
}

resource "aws_apigatewayv2_stage" "dynamic" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "dynamic"
  dynamic "default_route_settings" {
    for_each = []
    content {
      throttling_burst_limit = 10
      throttling_rate_limit  = 5
    }
  }
}
