resource "aws_lambda_function" "ingest" {
  function_name = "ingest"
  role          = "arn:aws:iam::123456789012:role/ingest"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "ingest.zip"
}

resource "aws_sqs_queue" "buffer" {
  name = "buffer"
}

module "direct" {
  source      = "./modules/bucket"
  name        = "direct"
  lambda_arns = [aws_lambda_function.ingest.arn]
}

module "buffered" {
  source     = "./modules/bucket"
  name       = "buffered"
  queue_arns = [aws_sqs_queue.buffer.arn]
}
