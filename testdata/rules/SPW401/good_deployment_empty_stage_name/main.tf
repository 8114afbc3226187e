resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

# An empty stage_name creates no stage.
resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = ""
}
