# A destination given as a queue ARN, a topic ARN, a literal ARN, a module
# output, and inside a dynamic block with a known for_each.
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_sqs_queue" "failures" {
  name = "failures"
}

resource "aws_sns_topic" "failures" {
  name = "failures"
}

module "failures" {
  source = "./modules/queue"
}

resource "aws_lambda_event_source_mapping" "queue" {
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.failures.arn
    }
  }
}

resource "aws_lambda_event_source_mapping" "topic" {
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  destination_config {
    on_failure {
      destination_arn = aws_sns_topic.failures.arn
    }
  }
}

resource "aws_lambda_event_source_mapping" "literal" {
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  destination_config {
    on_failure {
      destination_arn = "arn:aws:sqs:eu-west-1:123456789012:elsewhere"
    }
  }
}

resource "aws_lambda_event_source_mapping" "module" {
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  destination_config {
    on_failure {
      destination_arn = module.failures.arn
    }
  }
}

resource "aws_lambda_event_source_mapping" "dynamic" {
  event_source_arn  = aws_kinesis_stream.events.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  dynamic "destination_config" {
    for_each = [aws_sqs_queue.failures.arn]
    content {
      on_failure {
        destination_arn = destination_config.value
      }
    }
  }
}
