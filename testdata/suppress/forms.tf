# Every directive form ParseDirectives understands; lint/suppress_test.go
# checks the directives found here and uses the file as a fuzz seed.

# spillway:ignore SPW201 reason="hash comment above the block"
resource "aws_lambda_function" "hash_above" {
  function_name = "a"
}

// spillway:ignore SPW201,SPW204 reason='slashes, two rules, single quotes' until=2030-01-31
resource "aws_lambda_function" "slashes_above" {
  function_name = "b"
}

/* spillway:ignore SPW201 reason="block comment above" */
resource "aws_lambda_function" "block_above" {
  function_name = "c"
}

# spillway:ignore SPW201 reason="other comments may sit between"
# (this one is just a note)
resource "aws_lambda_function" "stacked" {
  function_name = "d"
}

resource "aws_lambda_function" "inside" {
  dead_letter_config {
    # spillway:ignore SPW101 reason="nested block, enclosing resource"
    target_arn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
  }
  function_name = "e"
}

resource "aws_lambda_function" "trailing" { # spillway:ignore SPW201 reason="trailing on the header"
  function_name = "f"
} # spillway:ignore SPW101 reason="trailing on the closing brace"

resource "aws_sqs_queue" "checkov" {
  # checkov:skip=CKV_AWS_116:replayed from the source bucket
  # checkov:skip=CKV_AWS_27:not spillway's business
  name = "g"
}

locals {
  text = <<-EOT
    # spillway:ignore SPW201 reason="inside a heredoc: not a comment"
  EOT
  str = "// spillway:ignore SPW201 reason=\"inside a string\""
}

# spillway:ignore SPW201 reason="a blank line detaches the comment"

resource "aws_lambda_function" "detached" {
  function_name = "h"
}
