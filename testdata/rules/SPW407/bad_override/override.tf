resource "aws_lambda_function_url" "hook" {
  authorization_type = "NONE"
}
