# Unknown until apply but never null: a template with literal text, a
# data source attribute, a module output carrying a resource attribute.
variable "region" {
  type = string
}

data "aws_caller_identity" "current" {}

data "aws_sqs_queue" "shared" {
  name = "shared-dlq"
}

module "queues" {
  source = "./modules/queue"
}

resource "aws_lambda_function" "template" {
  function_name = "template"
  dead_letter_config {
    target_arn = "arn:aws:sqs:${var.region}:${data.aws_caller_identity.current.account_id}:template-dlq"
  }
}

resource "aws_lambda_function" "data" {
  function_name = "data"
  dead_letter_config {
    target_arn = data.aws_sqs_queue.shared.arn
  }
}

resource "aws_lambda_function" "module" {
  function_name = "module"
  dead_letter_config {
    target_arn = module.queues.arn
  }
}

resource "aws_sns_topic_subscription" "template" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:t"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.template.arn
}

resource "aws_sns_topic_subscription" "data" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:t"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.data.arn
}

resource "aws_sns_topic_subscription" "module" {
  topic_arn = "arn:aws:sns:eu-west-1:123456789012:t"
  protocol  = "lambda"
  endpoint  = aws_lambda_function.module.arn
}
