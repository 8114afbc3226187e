resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}

resource "aws_sqs_queue" "five" {
  name = "five"
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "string_ten" {
  name           = "string-ten"
  redrive_policy = <<-EOT
    {"deadLetterTargetArn": "${aws_sqs_queue.dlq.arn}", "maxReceiveCount": "10"}
  EOT
}

resource "aws_sqs_queue" "separate" {
  name = "separate"
}

resource "aws_sqs_queue_redrive_policy" "separate" {
  queue_url      = "https://sqs.eu-west-1.amazonaws.com/123456789012/separate"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:dlq\",\"maxReceiveCount\":100}"
}

resource "aws_lambda_event_source_mapping" "five" {
  event_source_arn = aws_sqs_queue.five.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "string_ten" {
  event_source_arn = aws_sqs_queue.string_ten.arn
  function_name    = aws_lambda_function.worker.arn
}

resource "aws_lambda_event_source_mapping" "separate" {
  event_source_arn = aws_sqs_queue.separate.arn
  function_name    = aws_lambda_function.worker.arn
}
