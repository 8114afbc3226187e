# Amazon MQ, MSK, self-managed Kafka and DocumentDB sources are neither an
# SQS queue nor a stream: decided, no undetermined entry, whether the
# source is a resource here or an unknown ARN with arguments only one kind
# of source takes.
variable "source_arn" {
  type = string
}

resource "aws_mq_broker" "mq" {
  broker_name = "mq"
}

resource "aws_msk_cluster" "kafka" {
  cluster_name = "kafka"
}

resource "aws_docdb_cluster" "docs" {
  cluster_identifier = "docs"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_event_source_mapping" "mq" {
  event_source_arn = aws_mq_broker.mq.arn
  function_name    = aws_lambda_function.worker.arn
  queues           = ["orders"]
}

resource "aws_lambda_event_source_mapping" "msk" {
  event_source_arn  = aws_msk_cluster.kafka.arn
  function_name     = aws_lambda_function.worker.arn
  topics            = ["orders"]
  starting_position = "TRIM_HORIZON"
}

resource "aws_lambda_event_source_mapping" "docdb" {
  event_source_arn  = aws_docdb_cluster.docs.arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  document_db_event_source_config {
    database_name = "orders"
  }
}

resource "aws_lambda_event_source_mapping" "self_managed" {
  function_name     = aws_lambda_function.worker.arn
  topics            = ["orders"]
  starting_position = "TRIM_HORIZON"
  self_managed_event_source {
    endpoints = { KAFKA_BOOTSTRAP_SERVERS = "kafka1.example.com:9092" }
  }
}

resource "aws_lambda_event_source_mapping" "unknown_mq" {
  event_source_arn = var.source_arn
  function_name    = aws_lambda_function.worker.arn
  queues           = ["orders"]
}

resource "aws_lambda_event_source_mapping" "unknown_kafka" {
  event_source_arn  = var.source_arn
  function_name     = aws_lambda_function.worker.arn
  topics            = ["orders"]
  starting_position = "TRIM_HORIZON"
}
