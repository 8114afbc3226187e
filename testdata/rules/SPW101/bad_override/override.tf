resource "aws_lambda_permission" "p" {
  principal = "events.amazonaws.com"
}
