# Functions with only synchronous or poll-based triggers: a DLQ does
# nothing there, so SPW101 never fires.
resource "aws_lambda_function" "rest" {
  function_name = "rest"
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "m" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.r.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "i" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = aws_api_gateway_method.m.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.rest.invoke_arn
}

resource "aws_lambda_permission" "rest" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.rest.function_name
  principal     = "apigateway.amazonaws.com"
}

resource "aws_lambda_function" "http" {
  function_name = "http"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "i" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.http.invoke_arn
}

resource "aws_lambda_function" "url" {
  function_name = "url"
}

resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.url.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_function" "cognito" {
  function_name = "cognito"
}

resource "aws_cognito_user_pool" "pool" {
  name = "users"
  lambda_config {
    pre_sign_up = aws_lambda_function.cognito.arn
  }
}

resource "aws_lambda_permission" "cognito" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.cognito.function_name
  principal     = "cognito-idp.amazonaws.com"
}

resource "aws_lambda_function" "alb" {
  function_name = "alb"
}

resource "aws_lb_target_group" "tg" {
  name        = "alb"
  target_type = "lambda"
}

resource "aws_lb_target_group_attachment" "a" {
  target_group_arn = aws_lb_target_group.tg.arn
  target_id        = aws_lambda_function.alb.arn
}

resource "aws_lambda_permission" "alb" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.alb.function_name
  principal     = "elasticloadbalancing.amazonaws.com"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_kinesis_stream" "clicks" {
  name        = "clicks"
  shard_count = 1
}

resource "aws_lambda_function" "poll" {
  function_name = "poll"
}

resource "aws_lambda_event_source_mapping" "sqs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.poll.arn
}

resource "aws_lambda_event_source_mapping" "kinesis" {
  event_source_arn  = aws_kinesis_stream.clicks.arn
  function_name     = aws_lambda_function.poll.function_name
  starting_position = "LATEST"
}
