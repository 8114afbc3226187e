module "up" {
  source = "../../.."
}

resource "aws_lambda_function" "g" {
  function_name                  = "g"
  reserved_concurrent_executions = length(file("../../../go.mod"))
}
