resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = aws_api_gateway_rest_api.api.id
  deployment_id         = aws_api_gateway_deployment.api.id
  stage_name            = "prod"
  cache_cluster_enabled = true
}

# A literal stage name on the same API; one method path is enough.
resource "aws_api_gateway_method_settings" "items_get" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = "prod"
  method_path = "items/GET"

  settings {
    caching_enabled = true
  }
}
