variable "arn" {
  type = string
}

resource "aws_lambda_permission" "p" {
  function_name = var.arn
}

resource "aws_sns_topic" "t" {
  name = "topic"
}

output "arn_out" {
  value = var.arn
}

output "topic_arn" {
  value = aws_sns_topic.t.arn
}

output "policy" {
  value = jsonencode({ Resource = var.arn })
}
