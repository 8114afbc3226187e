resource "aws_api_gateway_method" "get" {
  api_key_required = true
}
