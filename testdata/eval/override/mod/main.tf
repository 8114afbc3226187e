variable "label" {}

resource "aws_sns_topic" "t" {
  name = var.label
}
