resource "aws_api_gateway_method_settings" "all" {
  method_path = "*/*"
}
