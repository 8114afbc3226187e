resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "a" {
  name = "a"
}

resource "aws_sqs_queue" "b" {
  name = "b"
}

resource "aws_sqs_queue" "c" {
  name = "c"
}

# No scaling_config at all.
resource "aws_lambda_event_source_mapping" "a" {
  event_source_arn = aws_sqs_queue.a.arn
  function_name    = aws_lambda_function.worker.arn
}

# An empty scaling_config on one line.
resource "aws_lambda_event_source_mapping" "b" {
  event_source_arn = aws_sqs_queue.b.arn
  function_name    = aws_lambda_function.worker.arn
  scaling_config {}
}

# A scaling_config that holds only a comment.
resource "aws_lambda_event_source_mapping" "c" {
  event_source_arn = aws_sqs_queue.c.arn
  function_name    = aws_lambda_function.worker.arn

  scaling_config {
    # TODO: cap the pollers
  }
}
