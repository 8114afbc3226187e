resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

# The function lives in another stack: its reservation is not part of this
# configuration, so there is nothing to prove.
resource "aws_lambda_event_source_mapping" "jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = "arn:aws:lambda:eu-west-1:123456789012:function:elsewhere"
}
