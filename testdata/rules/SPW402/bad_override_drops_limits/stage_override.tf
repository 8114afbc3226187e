# Replaces the whole default_route_settings block.
resource "aws_apigatewayv2_stage" "default" {
  default_route_settings {
    logging_level = "INFO"
  }
}
