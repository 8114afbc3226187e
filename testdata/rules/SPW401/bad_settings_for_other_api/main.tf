resource "aws_api_gateway_rest_api" "public" {
  name = "public"
}

resource "aws_api_gateway_rest_api" "internal" {
  name = "internal"
}

resource "aws_api_gateway_deployment" "public" {
  rest_api_id = aws_api_gateway_rest_api.public.id
}

resource "aws_api_gateway_deployment" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
}

# Same stage name on two APIs; the settings name the stage by its literal
# name but belong to the internal API.
resource "aws_api_gateway_stage" "public" { # want "SPW401: aws_api_gateway_stage.public "
  rest_api_id   = aws_api_gateway_rest_api.public.id
  deployment_id = aws_api_gateway_deployment.public.id
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "internal" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  deployment_id = aws_api_gateway_deployment.internal.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  stage_name  = "prod"
  method_path = "*/*"

  settings {
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
  }
}
