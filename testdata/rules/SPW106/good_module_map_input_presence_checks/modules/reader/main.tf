variable "streams" {
  type = map(any)
}

resource "aws_lambda_function" "f" {
  function_name = "reader"
}

resource "aws_lambda_event_source_mapping" "try_null" {
  for_each               = var.streams
  event_source_arn       = each.value.event_source_arn
  function_name          = aws_lambda_function.f.arn
  starting_position      = "LATEST"
  maximum_retry_attempts = 3

  dynamic "destination_config" {
    for_each = try(each.value.destination_arn_on_failure, null) != null ? [true] : []
    content {
      on_failure {
        destination_arn = each.value["destination_arn_on_failure"]
      }
    }
  }
}

resource "aws_lambda_event_source_mapping" "can" {
  for_each               = var.streams
  event_source_arn       = each.value.event_source_arn
  function_name          = aws_lambda_function.f.arn
  starting_position      = "LATEST"
  maximum_retry_attempts = 3

  dynamic "destination_config" {
    for_each = can(each.value.destination_arn_on_failure) ? [true] : []
    content {
      on_failure {
        destination_arn = each.value.destination_arn_on_failure
      }
    }
  }
}

resource "aws_lambda_event_source_mapping" "null_check" {
  for_each               = var.streams
  event_source_arn       = each.value.event_source_arn
  function_name          = aws_lambda_function.f.arn
  starting_position      = "LATEST"
  maximum_retry_attempts = 3

  dynamic "destination_config" {
    for_each = lookup(each.value, "destination_arn_on_failure", null) == null ? [] : [1]
    content {
      on_failure {
        destination_arn = each.value["destination_arn_on_failure"]
      }
    }
  }
}
