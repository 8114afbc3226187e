resource "aws_apigatewayv2_stage" "default" {
  default_route_settings {
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
  }
}
