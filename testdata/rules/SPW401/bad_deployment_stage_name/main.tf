resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

# stage_name on a deployment creates a stage (deprecated but still used).
resource "aws_api_gateway_deployment" "api" { # want "SPW401: aws_api_gateway_deployment.api \\(stage \"v1\"\\)"
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = "v1"
}
