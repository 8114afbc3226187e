variable "enabled" {
  default = true
}

variable "unknown_flag" {
  type = bool
}

resource "aws_iam_role" "r" {
  name = "role"
}

resource "aws_lambda_function" "f" {
  function_name = "fn"
  timeout       = 45
  role          = aws_iam_role.r.arn
}

resource "aws_sqs_queue" "c" {
  count = 2
  name  = "c${count.index}"
}

resource "aws_sqs_queue" "k" {
  for_each = toset(["x"])
  name     = "k-${each.key}"
}

data "aws_caller_identity" "me" {}

locals {
  fn_arn     = aws_lambda_function.f.arn
  fn_timeout = aws_lambda_function.f.timeout
}

module "wrap" {
  source = "./wrap"
  arn    = local.fn_arn
}

resource "aws_sqs_queue" "q" {
  visibility_timeout_seconds = aws_lambda_function.f.timeout
  timeout_via_local          = local.fn_timeout
  timeout_times_six          = aws_lambda_function.f.timeout * 6
  arn_via_local              = local.fn_arn
  arn_via_module             = module.wrap.arn_out
  module_resource            = module.wrap.topic_arn
  arn_if_enabled             = var.enabled ? aws_lambda_function.f.arn : null
  arn_or_invoke              = var.unknown_flag ? aws_lambda_function.f.arn : aws_lambda_function.f.invoke_arn
  role_id                    = aws_iam_role.r.id
  role_name                  = aws_iam_role.r.name
  counted_name               = aws_sqs_queue.c[1].name
  counted_arn                = aws_sqs_queue.c[0].arn
  keyed_arn                  = aws_sqs_queue.k["x"].arn
  splat_names                = aws_sqs_queue.c[*].name
  account                    = data.aws_caller_identity.me.account_id
  policy = jsonencode({
    Statement = [{
      Action   = "lambda:InvokeFunction"
      Resource = aws_lambda_function.f.arn
    }]
  })
  template = <<EOT
{"arn": "${aws_lambda_function.f.arn}", "timeout": ${aws_lambda_function.f.timeout}}
EOT
  policy_from_module = module.wrap.policy
}
