# Every GET of the body streams its response.
resource "aws_api_gateway_rest_api" "api" {
  name = "api"
  body = jsonencode({
    openapi = "3.0.1"
    paths = {
      "/chat" = {
        get = {
          x-amazon-apigateway-integration = {
            type                 = "aws_proxy"
            httpMethod           = "POST"
            uri                  = "arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/arn:aws:lambda:us-east-1:123456789012:function:chat/response-streaming-invocations"
            responseTransferMode = "STREAM"
          }
        }
      }
    }
  })
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}
