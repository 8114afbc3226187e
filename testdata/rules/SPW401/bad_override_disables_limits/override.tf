# The settings block replaces the original one: no limits any more.
resource "aws_api_gateway_method_settings" "all" {
  settings {
    metrics_enabled = true
  }
}
