package graph_test

import (
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/graph"
)

// fn returns the function with an address.
func fn(t *testing.T, g *graph.Graph, addr string) *graph.Function {
	t.Helper()
	for _, f := range g.Functions {
		if f.Addr == addr {
			return f
		}
	}
	t.Fatalf("no function %s", addr)
	return nil
}

const exposureFn = `
resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = aws_iam_role.r.arn
}
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
}
`

const restAPI = `
resource "aws_api_gateway_rest_api" "api" { name = "api" }
resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "orders"
}
resource "aws_api_gateway_method" "post" {
  rest_api_id      = aws_api_gateway_rest_api.api.id
  resource_id      = aws_api_gateway_resource.orders.id
  http_method      = "POST"
  authorization    = AUTH
  api_key_required = true
}
`

// TestFunctionExposure checks the class of each entry point and of each
// route by which an event source inherits its writer's exposure.
func TestFunctionExposure(t *testing.T) {
	cases := []struct {
		name, src string
		want      graph.Exposure
		why       string
	}{
		{"no trigger", ``, graph.ExposureInternal, "no trigger"},
		{"rest NONE with api key", strings.Replace(restAPI, "AUTH", `"NONE"`, 1) + `
resource "aws_api_gateway_integration" "i" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.post.http_method
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.f.invoke_arn
}`, graph.ExposurePublic, "public route `POST /orders`"},
		{"rest cognito", strings.Replace(restAPI, "AUTH", `"COGNITO_USER_POOLS"`, 1) + `
resource "aws_api_gateway_integration" "i" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.post.http_method
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.f.invoke_arn
}`, graph.ExposureAuthenticated, "COGNITO_USER_POOLS"},
		{"rest unknown authorization", `variable "auth" { type = string }` + strings.Replace(restAPI, "AUTH", `var.auth`, 1) + `
resource "aws_api_gateway_integration" "i" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.post.http_method
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.f.invoke_arn
}`, graph.ExposureUndetermined, "var.auth"},
		{"http route default NONE", `
resource "aws_apigatewayv2_api" "h" {
  name          = "h"
  protocol_type = "HTTP"
}
resource "aws_apigatewayv2_integration" "i" {
  api_id           = aws_apigatewayv2_api.h.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.f.invoke_arn
}
resource "aws_apigatewayv2_route" "r" {
  api_id    = aws_apigatewayv2_api.h.id
  route_key = "POST /orders"
  target    = "integrations/${aws_apigatewayv2_integration.i.id}"
}`, graph.ExposurePublic, "public route `POST /orders`"},
		{"http route JWT", `
resource "aws_apigatewayv2_api" "h" {
  name          = "h"
  protocol_type = "HTTP"
}
resource "aws_apigatewayv2_integration" "i" {
  api_id           = aws_apigatewayv2_api.h.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.f.invoke_arn
}
resource "aws_apigatewayv2_route" "r" {
  api_id             = aws_apigatewayv2_api.h.id
  route_key          = "GET /me"
  authorization_type = "JWT"
  target             = "integrations/${aws_apigatewayv2_integration.i.id}"
}`, graph.ExposureAuthenticated, "JWT"},
		{"function url NONE", `
resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.f.function_name
  authorization_type = "NONE"
}`, graph.ExposurePublic, "function URL"},
		{"function url AWS_IAM", `
resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.f.function_name
  authorization_type = "AWS_IAM"
}`, graph.ExposureAuthenticated, "AWS_IAM"},
		{"internet-facing load balancer", `
resource "aws_lb" "lb" { name = "lb" }
resource "aws_lb_target_group" "tg" {
  name        = "tg"
  target_type = "lambda"
}
resource "aws_lb_listener" "l" {
  load_balancer_arn = aws_lb.lb.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tg.arn
  }
}
resource "aws_lb_target_group_attachment" "a" {
  target_group_arn = aws_lb_target_group.tg.arn
  target_id        = aws_lambda_function.f.arn
}`, graph.ExposurePublic, "internet-facing load balancer aws_lb.lb"},
		{"internal load balancer", `
resource "aws_lb" "lb" {
  name     = "lb"
  internal = true
}
resource "aws_lb_target_group" "tg" {
  name        = "tg"
  target_type = "lambda"
}
resource "aws_lb_listener" "l" {
  load_balancer_arn = aws_lb.lb.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tg.arn
  }
}
resource "aws_lb_target_group_attachment" "a" {
  target_group_arn = aws_lb_target_group.tg.arn
  target_id        = aws_lambda_function.f.arn
}`, graph.ExposureInternal, "internal load balancer"},
		{"cloudfront", `
resource "aws_cloudfront_distribution" "d" {
  default_cache_behavior {
    lambda_function_association {
      event_type = "viewer-request"
      lambda_arn = aws_lambda_function.f.qualified_arn
    }
  }
}`, graph.ExposurePublic, "CloudFront"},
		{"cognito sign-up", `
resource "aws_cognito_user_pool" "p" {
  name = "p"
  lambda_config {
    pre_sign_up = aws_lambda_function.f.arn
  }
}`, graph.ExposurePublic, "pre_sign_up"},
		{"appsync api key", `
resource "aws_appsync_graphql_api" "a" {
  name                = "a"
  authentication_type = "API_KEY"
}
resource "aws_appsync_datasource" "d" {
  api_id = aws_appsync_graphql_api.a.id
  name   = "d"
  type   = "AWS_LAMBDA"
  lambda_config {
    function_arn = aws_lambda_function.f.arn
  }
}`, graph.ExposurePublic, "API_KEY"},
		{"appsync iam", `
resource "aws_appsync_graphql_api" "a" {
  name                = "a"
  authentication_type = "AWS_IAM"
}
resource "aws_appsync_datasource" "d" {
  api_id = aws_appsync_graphql_api.a.id
  name   = "d"
  type   = "AWS_LAMBDA"
  lambda_config {
    function_arn = aws_lambda_function.f.arn
  }
}`, graph.ExposureAuthenticated, "AWS_IAM"},
		{"sqs without producers", `
resource "aws_sqs_queue" "q" { name = "q" }
resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.arn
}`, graph.ExposureEvent, "producers are not shown"},
		{"s3 notification", `
resource "aws_s3_bucket" "b" { bucket = "b" }
resource "aws_s3_bucket_notification" "n" {
  bucket = aws_s3_bucket.b.id
  lambda_function {
    lambda_function_arn = aws_lambda_function.f.arn
    events              = ["s3:ObjectCreated:*"]
  }
}`, graph.ExposureEvent, "aws_s3_bucket.b"},
		{"eventbridge schedule", `
resource "aws_cloudwatch_event_rule" "r" { schedule_expression = "rate(5 minutes)" }
resource "aws_cloudwatch_event_target" "t" {
  rule = aws_cloudwatch_event_rule.r.name
  arn  = aws_lambda_function.f.arn
}`, graph.ExposureInternal, "schedule aws_cloudwatch_event_rule.r"},
		{"eventbridge pattern", `
resource "aws_cloudwatch_event_rule" "r" { event_pattern = "{}" }
resource "aws_cloudwatch_event_target" "t" {
  rule = aws_cloudwatch_event_rule.r.name
  arn  = aws_lambda_function.f.arn
}`, graph.ExposureEvent, "EventBridge rule"},
		{"scheduler", `
resource "aws_scheduler_schedule" "s" {
  schedule_expression = "rate(1 hour)"
  flexible_time_window { mode = "OFF" }
  target {
    arn      = aws_lambda_function.f.arn
    role_arn = "arn:aws:iam::123456789012:role/s"
  }
}`, graph.ExposureInternal, "schedule"},
		{"step functions", `
resource "aws_sfn_state_machine" "s" {
  name       = "s"
  role_arn   = "arn:aws:iam::123456789012:role/s"
  definition = jsonencode({ States = { A = { Resource = aws_lambda_function.f.arn } } })
}`, graph.ExposureInternal, "Step Functions"},
		// Inheritance: API -> function -> queue -> function.
		{"inherit by environment", publicWriter + `
resource "aws_lambda_function" "api" {
  function_name = "api"
  environment {
    variables = { QUEUE_URL = aws_sqs_queue.q.url }
  }
}`, graph.ExposurePublic, "via aws_lambda_function.api, aws_sqs_queue.q"},
		{"inherit by role policy", publicWriter + `
resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.w.arn
}
resource "aws_iam_role" "w" {
  name               = "w"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "w" {
  role = aws_iam_role.w.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage"], Resource = aws_sqs_queue.q.arn }]
  })
}`, graph.ExposurePublic, "via aws_lambda_function.api, aws_sqs_queue.q"},
		{"inherit by attached policy", publicWriter + `
resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.w.arn
}
resource "aws_iam_role" "w" {
  name               = "w"
  assume_role_policy = "{}"
}
resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sqs:*", Resource = [aws_sqs_queue.q.arn] }]
  })
}
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.w.name
  policy_arn = aws_iam_policy.p.arn
}`, graph.ExposurePublic, "via aws_lambda_function.api, aws_sqs_queue.q"},
		{"read-only policy does not inherit", publicWriter + `
resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.w.arn
}
resource "aws_iam_role" "w" {
  name               = "w"
  assume_role_policy = "{}"
  inline_policy {
    name   = "read"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["sqs:ReceiveMessage"], Resource = aws_sqs_queue.q.arn }] })
  }
}`, graph.ExposureEvent, "producers are not shown"},
		{"inherit by inline policy", publicWriter + `
resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.w.arn
}
resource "aws_iam_role" "w" {
  name               = "w"
  assume_role_policy = "{}"
  inline_policy {
    name   = "send"
    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage"], Resource = aws_sqs_queue.q.arn }] })
  }
}`, graph.ExposurePublic, "via aws_lambda_function.api, aws_sqs_queue.q"},
		{"inherit by api service integration", `
resource "aws_sqs_queue" "q" { name = "q" }
resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.arn
}
resource "aws_apigatewayv2_api" "h" {
  name          = "h"
  protocol_type = "HTTP"
}
resource "aws_apigatewayv2_integration" "sqs" {
  api_id              = aws_apigatewayv2_api.h.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMessage"
  request_parameters = {
    QueueUrl    = aws_sqs_queue.q.url
    MessageBody = "$request.body"
  }
}
resource "aws_apigatewayv2_route" "r" {
  api_id    = aws_apigatewayv2_api.h.id
  route_key = "POST /events"
  target    = "integrations/${aws_apigatewayv2_integration.sqs.id}"
}`, graph.ExposurePublic, "public route `POST /events` via aws_sqs_queue.q"},
		{"inherit into sns topic", `
resource "aws_sns_topic" "t" { name = "t" }
resource "aws_sns_topic_subscription" "s" {
  topic_arn = aws_sns_topic.t.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.f.arn
}
resource "aws_lambda_function" "api" {
  function_name = "api"
  environment {
    variables = { TOPIC = aws_sns_topic.t.arn }
  }
}
resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "AWS_IAM"
}`, graph.ExposureAuthenticated, "via aws_lambda_function.api, aws_sns_topic.t"},
		{"inherit into kinesis stream", `
resource "aws_kinesis_stream" "s" {
  name        = "s"
  shard_count = 1
}
resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn  = aws_kinesis_stream.s.arn
  function_name     = aws_lambda_function.f.arn
  starting_position = "LATEST"
}
resource "aws_lambda_function" "api" {
  function_name = "api"
  environment {
    variables = { STREAM = aws_kinesis_stream.s.name }
  }
}
resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "NONE"
}`, graph.ExposurePublic, "via aws_lambda_function.api, aws_kinesis_stream.s"},
		{"unknown trigger function", `
variable "fn" { type = string }
resource "aws_lambda_function_url" "u" {
  function_name      = var.fn
  authorization_type = "NONE"
}`, graph.ExposureInternal, "no trigger"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			g := build(t, exposureFn+c.src)
			got, why := g.FunctionExposure(fn(t, g, "aws_lambda_function.f"))
			if got != c.want || !strings.Contains(why, c.why) {
				t.Errorf("exposure = %s (%s), want %s (%s)", got, why, c.want, c.why)
			}
		})
	}
}

// publicWriter is a queue consumed by f, and a public function URL of
// aws_lambda_function.api, which the case shows writing to the queue.
const publicWriter = `
resource "aws_sqs_queue" "q" { name = "q" }
resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.arn
}
resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "NONE"
}
`

// TestExposureAuthorizerAndLBPermission checks two entry points the
// trigger model leaves out: a Lambda authorizer runs for every request
// (public), and a permission for elasticloadbalancing names its target
// group, whose listener's load balancer decides.
func TestExposureAuthorizerAndLBPermission(t *testing.T) {
	g := build(t, exposureFn+`
resource "aws_apigatewayv2_api" "h" {
  name          = "h"
  protocol_type = "HTTP"
}
resource "aws_apigatewayv2_authorizer" "a" {
  api_id          = aws_apigatewayv2_api.h.id
  authorizer_type = "REQUEST"
  authorizer_uri  = aws_lambda_function.f.invoke_arn
  name            = "a"
}
resource "aws_lambda_function" "lb" { function_name = "lb" }
resource "aws_lb" "lb" { name = "lb" }
resource "aws_lb_target_group" "tg" {
  name        = "tg"
  target_type = "lambda"
}
resource "aws_lb_listener" "l" {
  load_balancer_arn = aws_lb.lb.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tg.arn
  }
}
resource "aws_lambda_permission" "lb" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.lb.function_name
  principal     = "elasticloadbalancing.amazonaws.com"
  source_arn    = aws_lb_target_group.tg.arn
}`)
	for addr, want := range map[string]string{
		"aws_lambda_function.f":  "Lambda authorizer aws_apigatewayv2_authorizer.a",
		"aws_lambda_function.lb": "internet-facing load balancer aws_lb.lb",
	} {
		e, why := g.FunctionExposure(fn(t, g, addr))
		if e != graph.ExposurePublic || why != want {
			t.Errorf("%s: %s (%s), want public (%s)", addr, e, why, want)
		}
	}
}

// TestExposureOpenAPIBody checks a REST API defined by its OpenAPI body,
// invoked through a permission: an operation without security is public,
// one with a security requirement authenticated.
func TestExposureOpenAPIBody(t *testing.T) {
	for _, c := range []struct {
		security string
		want     graph.Exposure
		why      string
	}{
		{``, graph.ExposurePublic, "public route `POST /chat`"},
		{`security = [{ cognito = [] }]`, graph.ExposureAuthenticated, "authenticated route `POST /chat`"},
	} {
		g := build(t, exposureFn+`
resource "aws_api_gateway_rest_api" "api" {
  name = "api"
  body = jsonencode({
    openapi = "3.0.1"
    paths = {
      "/chat" = {
        post = {
          `+c.security+`
          x-amazon-apigateway-integration = {
            type = "aws_proxy"
            uri  = aws_lambda_function.f.invoke_arn
          }
        }
      }
    }
  })
}
resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.api.execution_arn}/*/*"
}`)
		e, why := g.FunctionExposure(fn(t, g, "aws_lambda_function.f"))
		if e != c.want || why != c.why {
			t.Errorf("security %q: %s (%s), want %s (%s)", c.security, e, why, c.want, c.why)
		}
	}
}
