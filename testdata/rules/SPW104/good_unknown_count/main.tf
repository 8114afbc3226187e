variable "max_receive" {
  type = number
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_sqs_queue" "jsonencode" { # undetermined "SPW104"
  name = "jsonencode"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = var.max_receive
  })
}

resource "aws_sqs_queue" "heredoc" { # undetermined "SPW104"
  name           = "heredoc"
  redrive_policy = <<-EOT
    {"deadLetterTargetArn": "${aws_sqs_queue.dlq.arn}", "maxReceiveCount": ${var.max_receive}}
  EOT
}

resource "aws_lambda_event_source_mapping" "jsonencode" {
  event_source_arn = aws_sqs_queue.jsonencode.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "heredoc" {
  event_source_arn = aws_sqs_queue.heredoc.arn
  function_name    = aws_lambda_function.worker.arn
}
