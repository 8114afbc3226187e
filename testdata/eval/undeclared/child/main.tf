variable "input" {}

resource "aws_sns_topic" "t" {
  name = "${var.input}-${var.child_missing}"
}
