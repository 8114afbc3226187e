# An installed registry queue module (under .terraform/modules) whose queue
# has no redrive policy: the finding is anchored at the call.
module "queue" { # want "SPW102: ^in module `queue`, whose code is not in your tree: "
  source  = "terraform-aws-modules/sqs/aws"
  version = "4.0.0"
  name    = "orders"
}

resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  role                           = "arn:aws:iam::123456789012:role/lambda"
  handler                        = "index.handler"
  runtime                        = "python3.12"
  reserved_concurrent_executions = 10
}

resource "aws_lambda_event_source_mapping" "orders" {
  event_source_arn = module.queue.queue_arn
  function_name    = aws_lambda_function.worker.arn
}
