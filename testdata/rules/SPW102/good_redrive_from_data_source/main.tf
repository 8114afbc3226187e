# The policy comes from a data source: its content is known only at apply
# time, but it is never null, so the queue has a redrive policy.
data "aws_ssm_parameter" "redrive" {
  name = "/queues/redrive"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "jobs" {
  name           = "jobs"
  redrive_policy = data.aws_ssm_parameter.redrive.value
}

resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.worker.arn
}
