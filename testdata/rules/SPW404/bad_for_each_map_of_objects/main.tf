locals {
  stages = {
    a = { cluster = false, caching = true }
    b = { cluster = true, caching = true }
    c = { cluster = true, caching = false }
  }
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "s" { # want "SPW404: ^aws_api_gateway_stage\\.s\\[\"a\"\\] has no cache cluster"
  for_each              = local.stages
  rest_api_id           = aws_api_gateway_rest_api.api.id
  deployment_id         = aws_api_gateway_deployment.api.id
  stage_name            = each.key
  cache_cluster_enabled = each.value.cluster
}

resource "aws_api_gateway_method_settings" "s" {
  for_each    = local.stages
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.s[each.key].stage_name
  method_path = "*/*"

  settings {
    caching_enabled = each.value.caching
  }
}
