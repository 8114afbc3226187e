module "api" {
  source = "./modules/api"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = module.api.rest_api_id
  stage_name  = module.api.dev_stage_name
  method_path = "*/*"

  settings {
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
  }
}
