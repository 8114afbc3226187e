# Shadowed by main.tofu: this unreserved version would fire, but OpenTofu
# never reads it.
resource "aws_lambda_function" "f" {
  function_name = "f"
}
