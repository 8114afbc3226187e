locals {
  name    = "ingest"
  dlq_arn = "arn:aws:sqs:eu-west-1:123456789012:${local.name}-dlq"
  fn_arn  = "arn:aws:lambda:eu-west-1:123456789012:function:${local.name}"
}

resource "aws_lambda_function" "f" {
  function_name = local.name
}

resource "aws_lambda_function_event_invoke_config" "f" {
  function_name = local.fn_arn
  destination_config {
    on_failure {
      destination = local.dlq_arn
    }
  }
}

resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = local.name
  principal     = "sns.amazonaws.com"
}
