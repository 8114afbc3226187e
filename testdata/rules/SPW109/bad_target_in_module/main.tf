# The function is in the root module; the target is in a module that
# receives its ARN.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

module "schedule" {
  source       = "./modules/schedule"
  function_arn = aws_lambda_function.worker.arn
}
