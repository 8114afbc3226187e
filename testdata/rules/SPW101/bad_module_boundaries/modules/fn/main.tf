resource "aws_lambda_function" "f" { # want "SPW101: ^module.fn.aws_lambda_function.f is invoked asynchronously by aws_sns_topic_subscription.s"
  function_name = "in-module"
}

output "arn" {
  value = aws_lambda_function.f.arn
}
