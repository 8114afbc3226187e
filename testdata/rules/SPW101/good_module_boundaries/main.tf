# The failure destination is configured from the root through the module's
# output.
module "fn" {
  source = "./modules/fn"
}

resource "aws_lambda_function_event_invoke_config" "fn" {
  function_name = module.fn.name
  destination_config {
    on_failure {
      destination = "arn:aws:sqs:eu-west-1:123456789012:failures"
    }
  }
}
