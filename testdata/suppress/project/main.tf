# Suppressions fixture: lint/suppress_test.go runs SPW201 over this tree
# with the real pipeline, applies the directives below on 2025-06-01 and
# checks which findings end up suppressed and which SPW000 problems appear.

# spillway:ignore SPW201 reason="nightly batch, one invocation at a time"
resource "aws_lambda_function" "batch" {
  function_name = "batch"
  role          = "arn:aws:iam::123456789012:role/batch"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
}

resource "aws_lambda_function" "legacy" {
  #checkov:skip=CKV_AWS_115:owned by the legacy team, migrating in Q3
  function_name = "legacy"
  role          = "arn:aws:iam::123456789012:role/legacy"
}

# spillway:ignore SPW201 reason="temporary, until the queue lands" until=2024-12-31
resource "aws_lambda_function" "expired" {
  function_name = "expired"
  role          = "arn:aws:iam::123456789012:role/expired"
}

resource "aws_lambda_function" "reserved" {
  /* spillway:ignore SPW201 reason="left over from before reserved concurrency was set" */
  function_name                  = "reserved"
  role                           = "arn:aws:iam::123456789012:role/reserved"
  reserved_concurrent_executions = 10
}

module "workers" {
  source   = "./modules/worker"
  for_each = toset(["eu", "us"])
  name     = each.key
}
