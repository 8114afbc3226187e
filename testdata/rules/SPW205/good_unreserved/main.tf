resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

# Without a reservation any cap fits the function.
resource "aws_lambda_function" "absent" {
  function_name = "absent"
}

resource "aws_lambda_event_source_mapping" "absent" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.absent.arn
  scaling_config {
    maximum_concurrency = 1000
  }
}

resource "aws_lambda_function" "minus_one" {
  function_name                  = "minus-one"
  reserved_concurrent_executions = -1
}

resource "aws_lambda_event_source_mapping" "minus_one" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.minus_one.arn
  scaling_config {
    maximum_concurrency = 1000
  }
}

resource "aws_lambda_function" "null" {
  function_name                  = "null"
  reserved_concurrent_executions = null
}

resource "aws_lambda_event_source_mapping" "null" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.null.arn
  scaling_config {
    maximum_concurrency = 1000
  }
}

# An unknown cap on an unreserved function cannot exceed anything.
variable "max_concurrency" {
  type = number
}

resource "aws_lambda_event_source_mapping" "unknown_cap" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.absent.arn
  scaling_config {
    maximum_concurrency = var.max_concurrency
  }
}

# A function outside this root module.
resource "aws_lambda_event_source_mapping" "external" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = "arn:aws:lambda:eu-west-1:123456789012:function:elsewhere"
  scaling_config {
    maximum_concurrency = 1000
  }
}
