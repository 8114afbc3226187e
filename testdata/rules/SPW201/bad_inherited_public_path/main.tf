# A public route -> function -> queue -> function is one public path: the
# worker inherits the route's exposure through the queue the API function
# names in its environment.
resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "api" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.api.invoke_arn
}

resource "aws_apigatewayv2_route" "orders" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "POST /orders"
  target    = "integrations/${aws_apigatewayv2_integration.api.id}"
}

resource "aws_lambda_function" "api" { # want "SPW201: ^aws_lambda_function\\.api has no reserved_concurrent_executions and is reachable from the public route `POST /orders`; 100 slow requests per second hold all 900 executions"
  function_name = "api"
  timeout       = 9
  environment {
    variables = { QUEUE_URL = aws_sqs_queue.orders.url }
  }
}

resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn = aws_sqs_queue.orders.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_function" "worker" { # want "SPW201: ^aws_lambda_function\\.worker has no reserved_concurrent_executions and is reachable from the public route `POST /orders` via aws_lambda_function\\.api, aws_sqs_queue\\.orders; 3 slow requests per second hold all 900 executions"
  function_name = "worker"
  timeout       = 300
}

resource "aws_lambda_function" "reserved" {
  function_name                  = "reserved"
  reserved_concurrent_executions = 100
}
