# Two mappings read the queue; the slower function is the one named.
resource "aws_sqs_queue" "jobs" { # want "SPW302: ^the visibility timeout 30 s of aws_sqs_queue.jobs is below the 120 s timeout of aws_lambda_function.slow, which consumes it through aws_lambda_event_source_mapping.slow"
  name = "jobs"
}

resource "aws_lambda_function" "fast" {
  function_name = "fast"
  timeout       = 10
}

resource "aws_lambda_function" "medium" {
  function_name = "medium"
  timeout       = 60
}

resource "aws_lambda_function" "slow" {
  function_name = "slow"
  timeout       = 120
}

resource "aws_lambda_event_source_mapping" "fast" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.fast.arn
}

resource "aws_lambda_event_source_mapping" "medium" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.medium.arn
}

resource "aws_lambda_event_source_mapping" "slow" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.slow.arn
}
