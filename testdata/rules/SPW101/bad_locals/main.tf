locals {
  name      = "ingest"
  principal = "events.amazonaws.com"
}

resource "aws_lambda_function" "f" { # want "SPW101: aws_lambda_function.f is invoked asynchronously by aws_lambda_permission.p"
  function_name = local.name
}

# The permission names the function through the same local, not through a
# reference to the resource.
resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = local.name
  principal     = local.principal
}
