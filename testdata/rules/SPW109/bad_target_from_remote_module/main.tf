# The target's arn is an output of a registry module that is not
# analyzed: it may be a function, so the missing dead_letter_config is
# undetermined, naming the output, not silent. An arn read from another
# resource here, or a template of another service, is no function.
module "lambda" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"
}

resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_cloudwatch_event_target" "remote" { # undetermined "SPW109"
  rule = "nightly"
  arn  = module.lambda.lambda_function_arn
}

resource "aws_cloudwatch_event_target" "queue" {
  rule = "nightly"
  arn  = aws_sqs_queue.q.arn
}

resource "aws_cloudwatch_event_target" "topic" {
  rule = "nightly"
  arn  = "arn:aws:sns:${module.lambda.region}:123456789012:alerts"
}

# Blocks only another service's target takes decide: no function.
resource "aws_cloudwatch_event_target" "ecs" {
  rule     = "nightly"
  arn      = module.lambda.cluster_arn
  role_arn = "arn:aws:iam::123456789012:role/events"
  ecs_target {
    task_definition_arn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/job:1"
  }
}

resource "aws_scheduler_schedule" "kinesis" {
  name                = "kinesis"
  schedule_expression = "rate(1 hour)"
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = module.lambda.stream_arn
    role_arn = "arn:aws:iam::123456789012:role/scheduler"
    kinesis_parameters {
      partition_key = "k"
    }
  }
}

resource "aws_scheduler_schedule" "remote" { # undetermined "SPW109"
  name                = "remote"
  schedule_expression = "rate(1 hour)"
  flexible_time_window {
    mode = "OFF"
  }
  target {
    arn      = module.lambda.lambda_function_arn
    role_arn = "arn:aws:iam::123456789012:role/scheduler"
  }
}
