# A literal name in the root matches the known function_name of a function
# inside a module instance.
module "worker" {
  source = "./modules/worker"
  name   = "image-worker"
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = "image-worker"
  principal     = "s3.amazonaws.com"
}
