# When the unknown part of a principal is the service itself, it decides:
# no trigger of a known kind, and a synchronous service's templated
# principal is no asynchronous trigger.
data "aws_region" "current" {}

variable "service" {
  type = string
}

resource "aws_lambda_function" "f" {
  function_name = "f"
}

resource "aws_lambda_permission" "unknown_service" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "${var.service}.amazonaws.com"
}

resource "aws_lambda_permission" "apigw" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "apigateway.${data.aws_region.current.name}.amazonaws.com"
}
