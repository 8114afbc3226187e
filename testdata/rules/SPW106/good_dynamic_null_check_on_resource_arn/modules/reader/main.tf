variable "name" {
  type = string
}

variable "failure_arn" {
  type    = string
  default = null
}

resource "aws_lambda_function" "worker" {
  function_name = var.name
}

resource "aws_dynamodb_table" "t" {
  name             = var.name
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn  = aws_dynamodb_table.t.stream_arn
  function_name     = aws_lambda_function.worker.arn
  starting_position = "LATEST"
  dynamic "destination_config" {
    for_each = var.failure_arn == null ? [] : [var.failure_arn]
    content {
      on_failure {
        destination_arn = destination_config.value
      }
    }
  }
}
