variable "cache" {
  type = object({
    cluster = bool
    ttl     = number
  })
  default = { cluster = false, ttl = 0 }
}

locals {
  caching = var.cache.ttl > 0
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" { # want "SPW404: has a cache cluster but no method settings"
  rest_api_id           = aws_api_gateway_rest_api.api.id
  deployment_id         = aws_api_gateway_deployment.api.id
  stage_name            = "prod"
  cache_cluster_enabled = var.cache.cluster
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    caching_enabled      = local.caching
    cache_ttl_in_seconds = var.cache.ttl
  }
}
