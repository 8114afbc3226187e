resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

# No stage_name: the deployment creates no stage.
resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}
