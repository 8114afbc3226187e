resource "aws_lambda_function" "fns" {
  for_each      = toset(["a"])
  function_name = each.key
}

resource "aws_cloudwatch_log_group" "lg" {
  for_each   = aws_lambda_function.fns
  name       = "/aws/lambda/${each.value.function_name}"
  kms_key_id = each.value.signing_profile_version_arn
}

module "m" {
  source = "./m"
}

locals {
  whole    = aws_lambda_function.fns["a"]
  fn_size  = local.whole.source_code_size
  sse      = module.m.queue.sqs_managed_sse_enabled
  via_for  = [for f in aws_lambda_function.fns : f.last_modified]
  settings = { a = 1 }
  typo     = local.settings.b
}
