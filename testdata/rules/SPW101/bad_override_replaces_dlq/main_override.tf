# The override's dead_letter_config replaces the base one; its target is
# null, so the function ends up without a failure destination.
resource "aws_lambda_function" "f" {
  dead_letter_config {
    target_arn = null
  }
}
