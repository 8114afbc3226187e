# A function outside this root module: its reservation is not part of this
# configuration.
resource "aws_lambda_function_url" "hook" {
  function_name      = "arn:aws:lambda:eu-west-1:123456789012:function:elsewhere"
  authorization_type = "NONE"
}
