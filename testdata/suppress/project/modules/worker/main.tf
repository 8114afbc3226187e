variable "name" {
  type = string
}

resource "aws_lambda_function" "worker" {
  // spillway:ignore SPW201 reason="bounded by the SQS event source's maximum_concurrency"
  function_name = "worker-${var.name}"
  role          = "arn:aws:iam::123456789012:role/worker"
}
