# Whatever var.cache_cluster is, no method settings enable caching.
variable "cache_cluster" {
  type = bool
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" { # want "SPW404: has no method settings with caching_enabled = true, so nothing is cached whatever"
  rest_api_id           = aws_api_gateway_rest_api.api.id
  deployment_id         = aws_api_gateway_deployment.api.id
  stage_name            = "prod"
  cache_cluster_enabled = var.cache_cluster
}
