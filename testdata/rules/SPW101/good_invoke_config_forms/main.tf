# Each function has an asynchronous trigger and an event invoke config with
# an on_failure destination, referenced in a different way.
resource "aws_sqs_queue" "failures" {
  name = "failures"
}

resource "aws_sns_topic" "events" {
  name = "events"
}

# function_name as the function's name.
resource "aws_lambda_function" "by_name" {
  function_name = "by-name"
}

resource "aws_lambda_function_event_invoke_config" "by_name" {
  function_name = aws_lambda_function.by_name.function_name
  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures.arn
    }
  }
}

# function_name as the function's ARN.
resource "aws_lambda_function" "by_arn" {
  function_name = "by-arn"
}

resource "aws_lambda_function_event_invoke_config" "by_arn" {
  function_name = aws_lambda_function.by_arn.arn
  destination_config {
    on_failure {
      destination = aws_sns_topic.events.arn
    }
  }
}

# function_name as an alias ARN.
resource "aws_lambda_function" "by_alias" {
  function_name = "by-alias"
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.by_alias.function_name
  function_version = "1"
}

resource "aws_lambda_function_event_invoke_config" "by_alias" {
  function_name = aws_lambda_alias.live.arn
  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures.arn
    }
  }
}

# function_name plus a qualifier.
resource "aws_lambda_function" "qualified" {
  function_name = "qualified"
  publish       = true
}

resource "aws_lambda_alias" "prod" {
  name             = "prod"
  function_name    = aws_lambda_function.qualified.arn
  function_version = aws_lambda_function.qualified.version
}

resource "aws_lambda_function_event_invoke_config" "qualified" {
  function_name = aws_lambda_function.qualified.function_name
  qualifier     = aws_lambda_alias.prod.name
  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures.arn
    }
  }
}

# function_name as a literal name, qualifier "$LATEST", literal destination.
resource "aws_lambda_function" "literal_name" {
  function_name = "literal-name"
}

resource "aws_lambda_function_event_invoke_config" "literal_name" {
  function_name = "literal-name"
  qualifier     = "$LATEST"
  destination_config {
    on_failure {
      destination = "arn:aws:sqs:eu-west-1:123456789012:failures"
    }
  }
}

# function_name as a literal alias ARN.
resource "aws_lambda_function" "literal_arn" {
  function_name = "literal-arn"
}

resource "aws_lambda_function_event_invoke_config" "literal_arn" {
  function_name = "arn:aws:lambda:eu-west-1:123456789012:function:literal-arn:live"
  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures.arn
    }
  }
}

resource "aws_sns_topic_subscription" "by_name" {
  topic_arn = aws_sns_topic.events.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.by_name.arn
}

resource "aws_sns_topic_subscription" "by_arn" {
  topic_arn = aws_sns_topic.events.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.by_arn.arn
}

resource "aws_sns_topic_subscription" "by_alias" {
  topic_arn = aws_sns_topic.events.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_alias.live.arn
}

resource "aws_sns_topic_subscription" "qualified" {
  topic_arn = aws_sns_topic.events.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_alias.prod.arn
}

resource "aws_lambda_permission" "literal_name" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.literal_name.function_name
  principal     = "events.amazonaws.com"
}

resource "aws_lambda_permission" "literal_arn" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.literal_arn.function_name
  principal     = "s3.amazonaws.com"
}
