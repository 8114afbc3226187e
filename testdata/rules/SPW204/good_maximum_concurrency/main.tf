resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "min" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  scaling_config {
    maximum_concurrency = 2
  }
}

resource "aws_lambda_event_source_mapping" "max" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.function_name
  scaling_config {
    maximum_concurrency = 1000
  }
}

# A dynamic block with a known for_each.
locals {
  scaling = [{ max = 20 }]
}

resource "aws_lambda_event_source_mapping" "dynamic" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
  dynamic "scaling_config" {
    for_each = local.scaling
    content {
      maximum_concurrency = scaling_config.value.max
    }
  }
}
