resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "report"
}

variable "routes" {
  type = map(object({
    timeout            = optional(number)
    integration_millis = optional(number)
  }))
  default = {
    GET    = {}
    POST   = { timeout = 29 }
    PUT    = { timeout = 20, integration_millis = 15000 }
    DELETE = { timeout = 30 }
  }
}

# DELETE and PUT exceed: one finding, on DELETE.
resource "aws_lambda_function" "f" {
  for_each      = var.routes
  function_name = lower(each.key)
  timeout       = each.value.timeout # want "SPW406: ^aws_lambda_function.f\\[\"DELETE\"\\] has a timeout of 30 s but aws_api_gateway_integration.i\\[\"DELETE\"\\] gives up after 29000 ms"
}

resource "aws_api_gateway_integration" "i" {
  for_each                = var.routes
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.r.id
  http_method             = each.key
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.f[each.key].invoke_arn
  timeout_milliseconds    = each.value.integration_millis
}
