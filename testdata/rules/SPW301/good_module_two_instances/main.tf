resource "aws_sqs_queue" "a" {
  name = "a"
}

resource "aws_sns_topic" "b" {
  name = "b"
}

module "a" {
  source = "./modules/bucket"
  name   = "a"
  target = { kind = "queue", arn = aws_sqs_queue.a.arn }
}

module "b" {
  source = "./modules/bucket"
  name   = "b"
  target = { kind = "topic", arn = aws_sns_topic.b.arn }
}
