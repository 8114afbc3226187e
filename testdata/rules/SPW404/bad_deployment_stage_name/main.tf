resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

# A deployment's stage_name creates a stage that cannot have a cache
# cluster, whatever its method settings say.
resource "aws_api_gateway_deployment" "api" { # want "SPW404: aws_api_gateway_deployment\\.api is created by a deployment's stage_name"
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_deployment.api.stage_name
  method_path = "*/*"

  settings {
    caching_enabled = true
  }
}
