package benchgen

import (
	"fmt"
	"strings"
)

// library lists the shared module directories written under modules/.
type library struct {
	// versions[kind] holds the directory names of the kind's copies, for
	// example ["lambda-function", "lambda-function-v2"]. Large trees keep
	// several versions of each module, as long-lived repositories do.
	versions map[string][]string
}

// dir returns the directory name of version i (0-based) of a module kind.
func (l *library) dir(kind string, i int) string {
	vs := l.versions[kind]
	return vs[i%len(vs)]
}

// modVar is one input variable of a shared module. An empty def makes the
// variable required.
type modVar struct {
	name, typ, desc, def string
}

// modCtx is what a module template needs: its version and how to name
// sibling modules of the same version.
type modCtx struct {
	kind    string
	version int // 1-based
}

func (m modCtx) suffix() string {
	if m.version == 1 {
		return ""
	}
	return fmt.Sprintf("-v%d", m.version)
}

// sibling is the source of another shared module of the same version.
func (m modCtx) sibling(kind string) string { return "../" + kind + m.suffix() }

// modFile is one file of a shared module.
type modFile struct {
	name string
	body *hb
}

type moduleKind struct {
	kind string
	gen  func(m modCtx) []modFile
}

// moduleKinds is the shared module catalog, in the order written.
var moduleKinds = []moduleKind{
	{"alb", modALB},
	{"asg-fleet", modASG},
	{"dynamodb-table", modDynamo},
	{"ecs-service", modECS},
	{"elasticache-redis", modRedis},
	{"event-rule", modEventRule},
	{"http-api", modHTTPAPI},
	{"iam-role", modIAMRole},
	{"kms-key", modKMS},
	{"lambda-function", modLambda},
	{"rds-postgres", modRDS},
	{"rest-api", modRestAPI},
	{"s3-bucket", modBucket},
	{"security-group", modSecurityGroup},
	{"sns-topic", modSNS},
	{"sqs-worker", modSQSWorker},
	{"stream-consumer", modStreamConsumer},
	{"vpc", modVPC},
}

// writeLibrary writes copies versions of every shared module.
func (g *gen) writeLibrary(copies int) (*library, error) {
	lib := &library{versions: map[string][]string{}}
	for _, k := range moduleKinds {
		for v := 1; v <= copies; v++ {
			m := modCtx{kind: k.kind, version: v}
			dir := k.kind + m.suffix()
			lib.versions[k.kind] = append(lib.versions[k.kind], dir)
			g.stats.SharedModules++
			for _, f := range k.gen(m) {
				if err := g.file("modules/"+dir+"/"+f.name, f.body.bytes()); err != nil {
					return nil, err
				}
			}
		}
	}
	return lib, nil
}

// stdFiles returns the variables.tf, outputs.tf and versions.tf of a
// module. Version 2 and later take extra_tags, as modules grow inputs over
// time.
func stdFiles(m modCtx, vars []modVar, outputs [][2]string) []modFile {
	if m.version > 1 {
		vars = append(vars, modVar{"extra_tags", "map(string)", "Tags added to every resource on top of tags.", "{}"})
	}
	vh := &hb{}
	for _, v := range vars {
		vh.f("variable %q {", v.name)
		vh.f("description = %q", v.desc)
		vh.f("type = %s", v.typ)
		if v.def != "" {
			vh.f("default = %s", v.def)
		}
		vh.f("}")
		vh.f("")
	}
	oh := &hb{}
	for _, o := range outputs {
		oh.f("output %q {", o[0])
		oh.f("description = %q", "The "+strings.ReplaceAll(o[0], "_", " ")+".")
		oh.f("value = %s", o[1])
		oh.f("}")
		oh.f("")
	}
	ver := &hb{}
	ver.add(`
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.40, < 6.0"
    }
  }
}`)
	return []modFile{{"variables.tf", vh}, {"outputs.tf", oh}, {"versions.tf", ver}}
}

// tagsLocal is the locals block every module starts with.
func tagsLocal(m modCtx, extra string) string {
	tags := "var.tags"
	if m.version > 1 {
		tags = fmt.Sprintf("merge(var.tags, var.extra_tags, { module_version = %q })", fmt.Sprintf("v%d", m.version))
	}
	return "locals {\ntags = " + tags + "\n" + extra + "}"
}

var tagsVar = modVar{"tags", "map(string)", "Tags applied to every resource.", "{}"}

func modLambda(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, `log_group_name = "/aws/lambda/${var.name}"
in_vpc = length(var.subnet_ids) > 0
`))
	main.add(`
resource "aws_lambda_function" "this" {
  function_name                  = var.name
  description                    = var.description
  role                           = aws_iam_role.this.arn
  runtime                        = var.runtime
  handler                        = var.handler
  architectures                  = [var.architecture]
  filename                       = var.package_path
  source_code_hash               = try(filebase64sha256(var.package_path), null)
  memory_size                    = var.memory_size
  timeout                        = var.timeout
  reserved_concurrent_executions = var.reserved_concurrency
  kms_key_arn                    = var.kms_key_arn
  publish                        = var.publish

  dynamic "environment" {
    for_each = length(var.environment_variables) > 0 ? [var.environment_variables] : []
    content {
      variables = environment.value
    }
  }

  dynamic "vpc_config" {
    for_each = local.in_vpc ? [1] : []
    content {
      subnet_ids         = var.subnet_ids
      security_group_ids = var.security_group_ids
    }
  }

  dynamic "dead_letter_config" {
    for_each = var.dead_letter_target_arn == null ? [] : [var.dead_letter_target_arn]
    content {
      target_arn = dead_letter_config.value
    }
  }

  tracing_config {
    mode = var.tracing_mode
  }

  tags = local.tags

  depends_on = [
    aws_cloudwatch_log_group.this,
    aws_iam_role_policy_attachment.basic,
  ]
}

resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = local.tags
}`)
	iam := &hb{}
	iam.add(`
resource "aws_iam_role" "this" {
  name = "${var.name}-exec"
  assume_role_policy = ` + assumeRolePolicy(`"lambda.amazonaws.com"`) + `
  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "basic" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy_attachment" "vpc" {
  count      = local.in_vpc ? 1 : 0
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_iam_role_policy_attachment" "tracing" {
  count      = var.tracing_mode == "Active" ? 1 : 0
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

resource "aws_iam_role_policy_attachment" "extra" {
  for_each   = var.managed_policy_arns
  role       = aws_iam_role.this.name
  policy_arn = each.value
}

resource "aws_iam_role_policy" "inline" {
  count = length(var.policy_statements) > 0 ? 1 : 0
  name  = "${var.name}-inline"
  role  = aws_iam_role.this.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = var.policy_statements
  })
}`)
	alarms := &hb{}
	alarms.add(`
resource "aws_cloudwatch_metric_alarm" "errors" {
  count               = var.alarms_enabled ? 1 : 0
  alarm_name          = "${var.name}-errors"
  alarm_description   = "Errors of ${var.name} above ${var.error_threshold} in 5 minutes."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.error_threshold
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = local.tags
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  count               = var.alarms_enabled ? 1 : 0
  alarm_name          = "${var.name}-throttles"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  tags                = local.tags
}

resource "aws_cloudwatch_metric_alarm" "duration" {
  count               = var.alarms_enabled ? 1 : 0
  alarm_name          = "${var.name}-duration-p99"
  namespace           = "AWS/Lambda"
  metric_name         = "Duration"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  extended_statistic  = "p99"
  period              = 300
  evaluation_periods  = 3
  threshold           = var.timeout * 1000 * 0.8
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  tags                = local.tags
}`)
	files := []modFile{{"main.tf", main}, {"iam.tf", iam}, {"alarms.tf", alarms}}
	return append(files, stdFiles(m, []modVar{
		{"name", "string", "Function name.", ""},
		{"description", "string", "Function description.", `""`},
		{"runtime", "string", "Lambda runtime.", `"python3.12"`},
		{"handler", "string", "Function entry point.", `"app.handler"`},
		{"architecture", "string", "Instruction set architecture.", `"arm64"`},
		{"package_path", "string", "Path of the deployment package built by CI.", `"build/lambda.zip"`},
		{"memory_size", "number", "Memory in MB.", "256"},
		{"timeout", "number", "Timeout in seconds.", "30"},
		{"reserved_concurrency", "number", "Reserved concurrent executions; null leaves the function unreserved.", "null"},
		{"publish", "bool", "Publish a version on every change.", "false"},
		{"environment_variables", "map(string)", "Environment variables.", "{}"},
		{"subnet_ids", "list(string)", "Subnets of the function when it runs in a VPC.", "[]"},
		{"security_group_ids", "list(string)", "Security groups of the function when it runs in a VPC.", "[]"},
		{"dead_letter_target_arn", "string", "SQS queue or SNS topic for failed asynchronous invocations.", "null"},
		{"tracing_mode", "string", "X-Ray tracing mode.", `"PassThrough"`},
		{"kms_key_arn", "string", "KMS key for environment variables and logs.", "null"},
		{"log_retention_days", "number", "Retention of the log group.", "30"},
		{"managed_policy_arns", "map(string)", "Managed policies attached to the role, by a stable name.", "{}"},
		{"policy_statements", "any", "IAM statements of the inline policy.", "[]"},
		{"alarms_enabled", "bool", "Create error, throttle and duration alarms.", "true"},
		{"error_threshold", "number", "Errors in 5 minutes that raise the alarm.", "5"},
		{"alarm_actions", "list(string)", "Alarm and OK actions.", "[]"},
		tagsVar,
	}, [][2]string{
		{"function_name", "aws_lambda_function.this.function_name"},
		{"arn", "aws_lambda_function.this.arn"},
		{"invoke_arn", "aws_lambda_function.this.invoke_arn"},
		{"qualified_arn", "aws_lambda_function.this.qualified_arn"},
		{"version", "aws_lambda_function.this.version"},
		{"role_arn", "aws_iam_role.this.arn"},
		{"role_name", "aws_iam_role.this.name"},
		{"log_group_name", "aws_cloudwatch_log_group.this.name"},
	})...)
}

func modSQSWorker(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, `suffix             = var.fifo ? ".fifo" : ""
visibility_timeout = coalesce(var.visibility_timeout_seconds, var.timeout * 6)
`))
	main.add(`
resource "aws_sqs_queue" "dlq" {
  name                      = "${var.name}-dlq${local.suffix}"
  fifo_queue                = var.fifo
  message_retention_seconds = var.dlq_retention_seconds
  kms_master_key_id         = var.kms_key_arn
  sqs_managed_sse_enabled   = var.kms_key_arn == null ? true : null
  tags                      = local.tags
}

resource "aws_sqs_queue" "this" {
  name                       = "${var.name}${local.suffix}"
  fifo_queue                 = var.fifo
  visibility_timeout_seconds = local.visibility_timeout
  message_retention_seconds  = var.message_retention_seconds
  receive_wait_time_seconds  = 20
  kms_master_key_id          = var.kms_key_arn
  sqs_managed_sse_enabled    = var.kms_key_arn == null ? true : null
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = var.max_receive_count
  })
  tags = local.tags
}

resource "aws_sqs_queue_redrive_allow_policy" "dlq" {
  queue_url = aws_sqs_queue.dlq.id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.this.arn]
  })
}

module "function" {
  source = "{{lambda}}"

  name                  = var.name
  description           = "Consumes ${aws_sqs_queue.this.name}."
  handler               = var.handler
  runtime               = var.runtime
  timeout               = var.timeout
  memory_size           = var.memory_size
  reserved_concurrency  = var.reserved_concurrency
  subnet_ids            = var.subnet_ids
  security_group_ids    = var.security_group_ids
  kms_key_arn           = var.kms_key_arn
  alarm_actions         = var.alarm_actions
  environment_variables = merge(var.environment_variables, { QUEUE_URL = aws_sqs_queue.this.url })
  policy_statements = [{
    Effect   = "Allow"
    Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"]
    Resource = [aws_sqs_queue.this.arn]
  }]
  tags = local.tags
}

resource "aws_lambda_event_source_mapping" "this" {
  event_source_arn                   = aws_sqs_queue.this.arn
  function_name                      = module.function.arn
  batch_size                         = var.batch_size
  maximum_batching_window_in_seconds = var.fifo ? null : var.maximum_batching_window
  function_response_types            = var.report_batch_item_failures ? ["ReportBatchItemFailures"] : []

  dynamic "scaling_config" {
    for_each = var.max_concurrency == null ? [] : [var.max_concurrency]
    content {
      maximum_concurrency = scaling_config.value
    }
  }
}`, "lambda", m.sibling("lambda-function"))
	alarms := &hb{}
	alarms.add(`
resource "aws_cloudwatch_metric_alarm" "dlq_depth" {
  alarm_name          = "${var.name}-dlq-not-empty"
  alarm_description   = "Messages of ${var.name} failed ${var.max_receive_count} times."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dlq.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = var.alarm_actions
  tags                = local.tags
}

resource "aws_cloudwatch_metric_alarm" "age" {
  alarm_name          = "${var.name}-oldest-message"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = aws_sqs_queue.this.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 3
  threshold           = var.max_message_age_seconds
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = var.alarm_actions
  tags                = local.tags
}`)
	files := []modFile{{"main.tf", main}, {"alarms.tf", alarms}}
	return append(files, stdFiles(m, []modVar{
		{"name", "string", "Name of the queue and its worker function.", ""},
		{"handler", "string", "Worker entry point.", `"worker.handler"`},
		{"runtime", "string", "Worker runtime.", `"python3.12"`},
		{"timeout", "number", "Worker timeout in seconds.", "30"},
		{"memory_size", "number", "Worker memory in MB.", "256"},
		{"reserved_concurrency", "number", "Reserved concurrency of the worker.", "null"},
		{"batch_size", "number", "Messages per invocation.", "10"},
		{"maximum_batching_window", "number", "Seconds to gather a batch.", "0"},
		{"max_concurrency", "number", "Maximum concurrency of the SQS event source.", "null"},
		{"max_receive_count", "number", "Receives before a message moves to the dead-letter queue.", "5"},
		{"message_retention_seconds", "number", "Retention of the queue.", "345600"},
		{"dlq_retention_seconds", "number", "Retention of the dead-letter queue.", "1209600"},
		{"visibility_timeout_seconds", "number", "Visibility timeout; null means six times the worker timeout.", "null"},
		{"max_message_age_seconds", "number", "Age of the oldest message that raises the alarm.", "900"},
		{"fifo", "bool", "Create FIFO queues.", "false"},
		{"report_batch_item_failures", "bool", "Let the worker report partial batch failures.", "true"},
		{"kms_key_arn", "string", "KMS key of the queues; null uses SQS-managed encryption.", "null"},
		{"subnet_ids", "list(string)", "Subnets of the worker.", "[]"},
		{"security_group_ids", "list(string)", "Security groups of the worker.", "[]"},
		{"environment_variables", "map(string)", "Environment variables of the worker.", "{}"},
		{"alarm_actions", "list(string)", "Alarm actions.", "[]"},
		tagsVar,
	}, [][2]string{
		{"queue_url", "aws_sqs_queue.this.url"},
		{"queue_arn", "aws_sqs_queue.this.arn"},
		{"queue_name", "aws_sqs_queue.this.name"},
		{"dlq_arn", "aws_sqs_queue.dlq.arn"},
		{"dlq_url", "aws_sqs_queue.dlq.url"},
		{"function_name", "module.function.function_name"},
		{"function_arn", "module.function.arn"},
	})...)
}

func modHTTPAPI(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  description   = var.description
  protocol_type = "HTTP"

  dynamic "cors_configuration" {
    for_each = length(var.cors_allow_origins) > 0 ? [var.cors_allow_origins] : []
    content {
      allow_origins = cors_configuration.value
      allow_methods = ["GET", "POST", "PUT", "DELETE", "OPTIONS"]
      allow_headers = ["content-type", "authorization", "x-request-id"]
      max_age       = 300
    }
  }

  tags = local.tags
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

resource "aws_apigatewayv2_stage" "this" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = var.stage_name
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit   = var.throttling_burst_limit
    throttling_rate_limit    = var.throttling_rate_limit
    detailed_metrics_enabled = true
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId = "$context.requestId"
      sourceIp  = "$context.identity.sourceIp"
      routeKey  = "$context.routeKey"
      status    = "$context.status"
      latency   = "$context.responseLatency"
    })
  }

  tags = local.tags
}

resource "aws_apigatewayv2_integration" "this" {
  for_each               = var.integrations
  api_id                 = aws_apigatewayv2_api.this.id
  integration_type       = "AWS_PROXY"
  integration_uri        = each.value.invoke_arn
  integration_method     = "POST"
  payload_format_version = "2.0"
  timeout_milliseconds   = each.value.timeout_ms
}

resource "aws_apigatewayv2_route" "this" {
  for_each           = var.routes
  api_id             = aws_apigatewayv2_api.this.id
  route_key          = each.key
  target             = "integrations/${aws_apigatewayv2_integration.this[each.value.integration].id}"
  authorization_type = each.value.authorization_type
}

resource "aws_lambda_permission" "this" {
  for_each      = var.integrations
  statement_id  = "AllowHttpApi-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = each.value.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/*/*"
}`)
	return append([]modFile{{"main.tf", main}}, stdFiles(m, []modVar{
		{"name", "string", "API name.", ""},
		{"description", "string", "API description.", `""`},
		{"stage_name", "string", "Stage name.", `"$default"`},
		{"integrations", "map(object({\nfunction_name = string\ninvoke_arn = string\ntimeout_ms = optional(number, 29000)\n}))", "Lambda integrations by name.", ""},
		{"routes", "map(object({\nintegration = string\nauthorization_type = optional(string, \"NONE\")\n}))", "Routes by route key, each naming an integration.", ""},
		{"throttling_burst_limit", "number", "Default route burst limit; null means the account limit.", "null"},
		{"throttling_rate_limit", "number", "Default route rate limit; null means the account limit.", "null"},
		{"cors_allow_origins", "list(string)", "CORS origins; empty disables CORS.", "[]"},
		{"log_retention_days", "number", "Retention of the access logs.", "30"},
		tagsVar,
	}, [][2]string{
		{"api_id", "aws_apigatewayv2_api.this.id"},
		{"api_endpoint", "aws_apigatewayv2_api.this.api_endpoint"},
		{"execution_arn", "aws_apigatewayv2_api.this.execution_arn"},
		{"stage_invoke_url", "aws_apigatewayv2_stage.this.invoke_url"},
	})...)
}

func modRestAPI(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
resource "aws_api_gateway_rest_api" "this" {
  name        = var.name
  description = var.description

  endpoint_configuration {
    types = [var.endpoint_type]
  }

  tags = local.tags
}

resource "aws_api_gateway_resource" "path" {
  for_each    = toset(var.paths)
  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_rest_api.this.root_resource_id
  path_part   = each.key
}

resource "aws_api_gateway_resource" "proxy" {
  for_each    = toset(var.paths)
  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_resource.path[each.key].id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "proxy" {
  for_each           = toset(var.paths)
  rest_api_id        = aws_api_gateway_rest_api.this.id
  resource_id        = aws_api_gateway_resource.proxy[each.key].id
  http_method        = "ANY"
  authorization      = var.authorization
  request_parameters = { "method.request.path.proxy" = true }
}

resource "aws_api_gateway_integration" "proxy" {
  for_each                = toset(var.paths)
  rest_api_id             = aws_api_gateway_rest_api.this.id
  resource_id             = aws_api_gateway_method.proxy[each.key].resource_id
  http_method             = aws_api_gateway_method.proxy[each.key].http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = var.function_invoke_arn
  timeout_milliseconds    = var.integration_timeout_ms
}

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id

  triggers = {
    redeployment = sha1(jsonencode([var.paths, var.function_invoke_arn, var.authorization]))
  }

  lifecycle {
    create_before_destroy = true
  }

  depends_on = [aws_api_gateway_integration.proxy]
}`)
	stage := &hb{}
	stage.add(`
resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name}/${var.stage_name}"
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id           = aws_api_gateway_rest_api.this.id
  deployment_id         = aws_api_gateway_deployment.this.id
  stage_name            = var.stage_name
  xray_tracing_enabled  = var.xray_tracing
  cache_cluster_enabled = var.caching_enabled
  cache_cluster_size    = var.caching_enabled ? "0.5" : null

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId      = "$context.requestId"
      ip             = "$context.identity.sourceIp"
      httpMethod     = "$context.httpMethod"
      resourcePath   = "$context.resourcePath"
      status         = "$context.status"
      responseLength = "$context.responseLength"
    })
  }

  tags = local.tags
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = true
    logging_level          = "ERROR"
    throttling_burst_limit = var.throttling_burst_limit
    throttling_rate_limit  = var.throttling_rate_limit
    caching_enabled        = var.caching_enabled
  }
}

resource "aws_api_gateway_usage_plan" "this" {
  count       = var.usage_plan_enabled ? 1 : 0
  name        = "${var.name}-${var.stage_name}"
  description = "Default usage plan of ${var.name}."

  api_stages {
    api_id = aws_api_gateway_rest_api.this.id
    stage  = aws_api_gateway_stage.this.stage_name
  }

  quota_settings {
    limit  = var.daily_quota
    period = "DAY"
  }

  throttle_settings {
    burst_limit = var.throttling_burst_limit
    rate_limit  = var.throttling_rate_limit
  }

  tags = local.tags
}

resource "aws_lambda_permission" "api" {
  statement_id  = "AllowRestApiInvoke"
  action        = "lambda:InvokeFunction"
  function_name = var.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*/*"
}`)
	return append([]modFile{{"main.tf", main}, {"stage.tf", stage}}, stdFiles(m, []modVar{
		{"name", "string", "API name.", ""},
		{"description", "string", "API description.", `""`},
		{"function_name", "string", "Name of the backend function.", ""},
		{"function_invoke_arn", "string", "Invoke ARN of the backend function.", ""},
		{"paths", "list(string)", "Top-level paths proxied to the function.", `["items"]`},
		{"authorization", "string", "Authorization of the proxy methods.", `"NONE"`},
		{"endpoint_type", "string", "REGIONAL, EDGE or PRIVATE.", `"REGIONAL"`},
		{"stage_name", "string", "Stage name.", `"v1"`},
		{"integration_timeout_ms", "number", "Integration timeout in milliseconds.", "29000"},
		{"throttling_burst_limit", "number", "Stage burst limit; null means the account limit.", "null"},
		{"throttling_rate_limit", "number", "Stage rate limit; null means the account limit.", "null"},
		{"caching_enabled", "bool", "Enable the stage cache.", "false"},
		{"xray_tracing", "bool", "Enable X-Ray tracing.", "true"},
		{"usage_plan_enabled", "bool", "Create a usage plan.", "false"},
		{"daily_quota", "number", "Requests per day of the usage plan.", "100000"},
		{"log_retention_days", "number", "Retention of the access logs.", "30"},
		tagsVar,
	}, [][2]string{
		{"rest_api_id", "aws_api_gateway_rest_api.this.id"},
		{"execution_arn", "aws_api_gateway_rest_api.this.execution_arn"},
		{"stage_name", "aws_api_gateway_stage.this.stage_name"},
		{"stage_arn", "aws_api_gateway_stage.this.arn"},
		{"invoke_url", "aws_api_gateway_stage.this.invoke_url"},
	})...)
}

func modStreamConsumer(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
resource "aws_sqs_queue" "failures" {
  name                      = "${var.name}-failures"
  message_retention_seconds = 1209600
  kms_master_key_id         = var.kms_key_arn
  tags                      = local.tags
}

resource "aws_lambda_event_source_mapping" "this" {
  event_source_arn               = var.event_source_arn
  function_name                  = var.function_name
  starting_position              = var.starting_position
  batch_size                     = var.batch_size
  parallelization_factor         = var.parallelization_factor
  maximum_retry_attempts         = var.maximum_retry_attempts
  maximum_record_age_in_seconds  = var.maximum_record_age_in_seconds
  bisect_batch_on_function_error = var.bisect_on_error
  function_response_types        = ["ReportBatchItemFailures"]

  destination_config {
    on_failure {
      destination_arn = aws_sqs_queue.failures.arn
    }
  }

  dynamic "filter_criteria" {
    for_each = length(var.filter_patterns) > 0 ? [var.filter_patterns] : []
    content {
      dynamic "filter" {
        for_each = filter_criteria.value
        content {
          pattern = filter.value
        }
      }
    }
  }
}

resource "aws_iam_role_policy" "stream" {
  name = "${var.name}-stream"
  role = var.role_name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = var.stream_actions
        Resource = [var.event_source_arn]
      },
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage"]
        Resource = [aws_sqs_queue.failures.arn]
      },
    ]
  })
}

resource "aws_cloudwatch_metric_alarm" "iterator_age" {
  alarm_name          = "${var.name}-iterator-age"
  alarm_description   = "Records of ${var.name} wait longer than ${var.iterator_age_threshold_ms} ms."
  namespace           = "AWS/Lambda"
  metric_name         = "IteratorAge"
  dimensions          = { FunctionName = var.function_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = var.iterator_age_threshold_ms
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = var.alarm_actions
  tags                = local.tags
}`)
	return append([]modFile{{"main.tf", main}}, stdFiles(m, []modVar{
		{"name", "string", "Name of the consumer.", ""},
		{"event_source_arn", "string", "Kinesis stream or DynamoDB stream ARN.", ""},
		{"function_name", "string", "Consuming function name.", ""},
		{"role_name", "string", "Execution role of the consuming function.", ""},
		{"stream_actions", "list(string)", "IAM actions needed on the stream.", `["kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream", "kinesis:ListShards"]`},
		{"starting_position", "string", "LATEST or TRIM_HORIZON.", `"LATEST"`},
		{"batch_size", "number", "Records per invocation.", "100"},
		{"parallelization_factor", "number", "Concurrent batches per shard.", "1"},
		{"maximum_retry_attempts", "number", "Retries of a failed batch.", "3"},
		{"maximum_record_age_in_seconds", "number", "Oldest record sent to the function.", "3600"},
		{"bisect_on_error", "bool", "Split a failed batch in two.", "true"},
		{"filter_patterns", "list(string)", "Event filter patterns (JSON).", "[]"},
		{"iterator_age_threshold_ms", "number", "Iterator age that raises the alarm.", "60000"},
		{"kms_key_arn", "string", "KMS key of the failure queue.", "null"},
		{"alarm_actions", "list(string)", "Alarm actions.", "[]"},
		tagsVar,
	}, [][2]string{
		{"mapping_uuid", "aws_lambda_event_source_mapping.this.uuid"},
		{"failure_queue_arn", "aws_sqs_queue.failures.arn"},
		{"failure_queue_url", "aws_sqs_queue.failures.url"},
	})...)
}

func modEventRule(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
resource "aws_cloudwatch_event_rule" "this" {
  name                = var.name
  description         = var.description
  schedule_expression = var.schedule_expression
  event_pattern       = var.event_pattern
  event_bus_name      = var.event_bus_name
  tags                = local.tags
}

resource "aws_sqs_queue" "dlq" {
  count                     = var.dlq_enabled ? 1 : 0
  name                      = "${var.name}-events-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = local.tags
}

resource "aws_sqs_queue_policy" "dlq" {
  count     = var.dlq_enabled ? 1 : 0
  queue_url = aws_sqs_queue.dlq[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.dlq[0].arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_cloudwatch_event_rule.this.arn } }
    }]
  })
}

resource "aws_cloudwatch_event_target" "this" {
  rule           = aws_cloudwatch_event_rule.this.name
  event_bus_name = var.event_bus_name
  target_id      = "lambda"
  arn            = var.function_arn
  input          = var.input

  dynamic "dead_letter_config" {
    for_each = var.dlq_enabled ? [1] : []
    content {
      arn = aws_sqs_queue.dlq[0].arn
    }
  }

  retry_policy {
    maximum_retry_attempts       = var.maximum_retry_attempts
    maximum_event_age_in_seconds = var.maximum_event_age_in_seconds
  }
}

resource "aws_lambda_permission" "events" {
  statement_id  = "AllowEventBridge-${var.name}"
  action        = "lambda:InvokeFunction"
  function_name = var.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.this.arn
}`)
	return append([]modFile{{"main.tf", main}}, stdFiles(m, []modVar{
		{"name", "string", "Rule name.", ""},
		{"description", "string", "Rule description.", `""`},
		{"schedule_expression", "string", "Schedule; null for an event pattern rule.", "null"},
		{"event_pattern", "string", "Event pattern (JSON); null for a scheduled rule.", "null"},
		{"event_bus_name", "string", "Event bus.", `"default"`},
		{"function_arn", "string", "Target function ARN.", ""},
		{"function_name", "string", "Target function name.", ""},
		{"input", "string", "Constant input (JSON) sent to the target.", "null"},
		{"dlq_enabled", "bool", "Send undeliverable events to a dead-letter queue.", "true"},
		{"maximum_retry_attempts", "number", "Delivery retries.", "4"},
		{"maximum_event_age_in_seconds", "number", "Oldest event delivered.", "3600"},
		tagsVar,
	}, [][2]string{
		{"rule_arn", "aws_cloudwatch_event_rule.this.arn"},
		{"rule_name", "aws_cloudwatch_event_rule.this.name"},
		{"dlq_arn", "try(aws_sqs_queue.dlq[0].arn, null)"},
	})...)
}

func modVPC(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, `nat_count = var.enable_nat_gateway ? (var.single_nat_gateway ? 1 : length(var.azs)) : 0
`))
	main.add(`
data "aws_region" "current" {}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr_block
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(local.tags, { Name = var.name })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = merge(local.tags, { Name = "${var.name}-igw" })
}

resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id
  tags   = merge(local.tags, { Name = "${var.name}-default-deny" })
}`)
	subnets := &hb{}
	subnets.add(`
resource "aws_subnet" "public" {
  count                   = length(var.azs)
  vpc_id                  = aws_vpc.this.id
  availability_zone       = var.azs[count.index]
  cidr_block              = cidrsubnet(var.cidr_block, var.subnet_newbits, count.index)
  map_public_ip_on_launch = false
  tags                    = merge(local.tags, { Name = "${var.name}-public-${var.azs[count.index]}", Tier = "public" })
}

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(var.cidr_block, var.subnet_newbits, count.index + 4)
  tags              = merge(local.tags, { Name = "${var.name}-private-${var.azs[count.index]}", Tier = "private" })
}

resource "aws_subnet" "database" {
  count             = var.create_database_subnets ? length(var.azs) : 0
  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(var.cidr_block, var.subnet_newbits, count.index + 8)
  tags              = merge(local.tags, { Name = "${var.name}-db-${var.azs[count.index]}", Tier = "database" })
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  tags   = merge(local.tags, { Name = "${var.name}-public" })
}

resource "aws_route" "public_internet" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this.id
}

resource "aws_route_table_association" "public" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table" "private" {
  count  = length(var.azs)
  vpc_id = aws_vpc.this.id
  tags   = merge(local.tags, { Name = "${var.name}-private-${var.azs[count.index]}" })
}

resource "aws_route_table_association" "private" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}`)
	nat := &hb{}
	nat.add(`
resource "aws_eip" "nat" {
  count  = local.nat_count
  domain = "vpc"
  tags   = merge(local.tags, { Name = "${var.name}-nat-${count.index}" })
}

resource "aws_nat_gateway" "this" {
  count         = local.nat_count
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
  tags          = merge(local.tags, { Name = "${var.name}-nat-${count.index}" })

  depends_on = [aws_internet_gateway.this]
}

resource "aws_route" "private_nat" {
  count                  = var.enable_nat_gateway ? length(var.azs) : 0
  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this[var.single_nat_gateway ? 0 : count.index].id
}

resource "aws_vpc_endpoint" "gateway" {
  for_each          = toset(var.gateway_endpoints)
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = aws_route_table.private[*].id
  tags              = merge(local.tags, { Name = "${var.name}-${each.key}" })
}`)
	flow := &hb{}
	flow.add(`
resource "aws_cloudwatch_log_group" "flow" {
  count             = var.enable_flow_logs ? 1 : 0
  name              = "/vpc/${var.name}/flow-logs"
  retention_in_days = var.flow_log_retention_days
  tags              = local.tags
}

resource "aws_iam_role" "flow" {
  count = var.enable_flow_logs ? 1 : 0
  name  = "${var.name}-flow-logs"
  assume_role_policy = ` + assumeRolePolicy(`"vpc-flow-logs.amazonaws.com"`) + `
  tags = local.tags
}

resource "aws_iam_role_policy" "flow" {
  count = var.enable_flow_logs ? 1 : 0
  name  = "write-logs"
  role  = aws_iam_role.flow[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
      Resource = "${aws_cloudwatch_log_group.flow[0].arn}:*"
    }]
  })
}

resource "aws_flow_log" "this" {
  count           = var.enable_flow_logs ? 1 : 0
  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  iam_role_arn    = aws_iam_role.flow[0].arn
  log_destination = aws_cloudwatch_log_group.flow[0].arn
  tags            = local.tags
}`)
	return append([]modFile{{"main.tf", main}, {"subnets.tf", subnets}, {"nat.tf", nat}, {"flow_logs.tf", flow}}, stdFiles(m, []modVar{
		{"name", "string", "VPC name.", ""},
		{"cidr_block", "string", "VPC CIDR block.", ""},
		{"azs", "list(string)", "Availability zones.", ""},
		{"subnet_newbits", "number", "Bits added to the VPC prefix for each subnet.", "4"},
		{"create_database_subnets", "bool", "Create isolated database subnets.", "false"},
		{"enable_nat_gateway", "bool", "Route private subnets through NAT gateways.", "true"},
		{"single_nat_gateway", "bool", "Share one NAT gateway between zones.", "false"},
		{"gateway_endpoints", "list(string)", "Gateway endpoints to create.", `["s3", "dynamodb"]`},
		{"enable_flow_logs", "bool", "Send flow logs to CloudWatch Logs.", "true"},
		{"flow_log_retention_days", "number", "Retention of the flow logs.", "90"},
		tagsVar,
	}, [][2]string{
		{"vpc_id", "aws_vpc.this.id"},
		{"vpc_cidr_block", "aws_vpc.this.cidr_block"},
		{"public_subnet_ids", "aws_subnet.public[*].id"},
		{"private_subnet_ids", "aws_subnet.private[*].id"},
		{"database_subnet_ids", "aws_subnet.database[*].id"},
		{"private_route_table_ids", "aws_route_table.private[*].id"},
		{"nat_public_ips", "aws_eip.nat[*].public_ip"},
	})...)
}

func modSecurityGroup(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
resource "aws_security_group" "this" {
  name_prefix = "${var.name}-"
  description = var.description
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.ingress_rules
    content {
      description     = ingress.value.description
      from_port       = ingress.value.from_port
      to_port         = ingress.value.to_port
      protocol        = ingress.value.protocol
      cidr_blocks     = ingress.value.cidr_blocks
      security_groups = ingress.value.security_groups
    }
  }

  egress {
    description = "All outbound traffic"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = var.egress_cidr_blocks
  }

  tags = merge(local.tags, { Name = var.name })

  lifecycle {
    create_before_destroy = true
  }
}`)
	return append([]modFile{{"main.tf", main}}, stdFiles(m, []modVar{
		{"name", "string", "Security group name prefix.", ""},
		{"description", "string", "Security group description.", `"Managed by Terraform"`},
		{"vpc_id", "string", "VPC of the group.", ""},
		{"ingress_rules", "list(object({\ndescription = string\nfrom_port = number\nto_port = number\nprotocol = optional(string, \"tcp\")\ncidr_blocks = optional(list(string), [])\nsecurity_groups = optional(list(string), [])\n}))", "Ingress rules.", "[]"},
		{"egress_cidr_blocks", "list(string)", "Destinations of outbound traffic.", `["0.0.0.0/0"]`},
		tagsVar,
	}, [][2]string{
		{"id", "aws_security_group.this.id"},
		{"arn", "aws_security_group.this.arn"},
	})...)
}

func modBucket(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
resource "aws_s3_bucket" "this" {
  bucket        = var.bucket_name
  force_destroy = var.force_destroy
  tags          = local.tags
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.kms_key_arn != null
  }
}

resource "aws_s3_bucket_logging" "this" {
  count         = var.access_log_bucket == "" ? 0 : 1
  bucket        = aws_s3_bucket.this.id
  target_bucket = var.access_log_bucket
  target_prefix = "${var.bucket_name}/"
}`)
	lifecycle := &hb{}
	lifecycle.add(`
resource "aws_s3_bucket_lifecycle_configuration" "this" {
  count  = length(var.lifecycle_rules) > 0 ? 1 : 0
  bucket = aws_s3_bucket.this.id

  dynamic "rule" {
    for_each = var.lifecycle_rules
    content {
      id     = rule.value.id
      status = "Enabled"

      filter {
        prefix = rule.value.prefix
      }

      dynamic "transition" {
        for_each = rule.value.transition_days == null ? [] : [rule.value.transition_days]
        content {
          days          = transition.value
          storage_class = rule.value.storage_class
        }
      }

      dynamic "expiration" {
        for_each = rule.value.expiration_days == null ? [] : [rule.value.expiration_days]
        content {
          days = expiration.value
        }
      }

      noncurrent_version_expiration {
        noncurrent_days = rule.value.noncurrent_days
      }
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat([
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      }],
      [for arn in var.reader_role_arns : {
        Sid       = "Read${md5(arn)}"
        Effect    = "Allow"
        Principal = { AWS = arn }
        Action    = ["s3:GetObject", "s3:ListBucket"]
        Resource  = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
      }]
    )
  })

  depends_on = [aws_s3_bucket_public_access_block.this]
}`)
	return append([]modFile{{"main.tf", main}, {"lifecycle.tf", lifecycle}}, stdFiles(m, []modVar{
		{"bucket_name", "string", "Bucket name.", ""},
		{"force_destroy", "bool", "Delete objects when the bucket is destroyed.", "false"},
		{"versioning", "bool", "Enable versioning.", "true"},
		{"kms_key_arn", "string", "KMS key; null uses S3-managed keys.", "null"},
		{"access_log_bucket", "string", "Bucket receiving access logs; empty disables logging.", `""`},
		{"reader_role_arns", "list(string)", "Roles allowed to read the bucket.", "[]"},
		{"lifecycle_rules", "list(object({\nid = string\nprefix = optional(string, \"\")\ntransition_days = optional(number)\nstorage_class = optional(string, \"STANDARD_IA\")\nexpiration_days = optional(number)\nnoncurrent_days = optional(number, 30)\n}))", "Lifecycle rules.", "[]"},
		tagsVar,
	}, [][2]string{
		{"bucket_id", "aws_s3_bucket.this.id"},
		{"bucket_arn", "aws_s3_bucket.this.arn"},
		{"bucket_domain_name", "aws_s3_bucket.this.bucket_regional_domain_name"},
	})...)
}

func modKMS(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
data "aws_caller_identity" "current" {}

resource "aws_kms_key" "this" {
  description             = var.description
  deletion_window_in_days = var.deletion_window_in_days
  enable_key_rotation     = var.enable_key_rotation
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat([
      {
        Sid       = "AccountAdmin"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      }],
      length(var.service_principals) == 0 ? [] : [{
        Sid       = "ServiceUse"
        Effect    = "Allow"
        Principal = { Service = var.service_principals }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
      }]
    )
  })
  tags = local.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.alias}"
  target_key_id = aws_kms_key.this.key_id
}`)
	return append([]modFile{{"main.tf", main}}, stdFiles(m, []modVar{
		{"alias", "string", "Alias without the alias/ prefix.", ""},
		{"description", "string", "Key description.", `"Managed by Terraform"`},
		{"deletion_window_in_days", "number", "Waiting period before deletion.", "30"},
		{"enable_key_rotation", "bool", "Rotate the key every year.", "true"},
		{"service_principals", "list(string)", "Services allowed to use the key.", "[]"},
		tagsVar,
	}, [][2]string{
		{"key_arn", "aws_kms_key.this.arn"},
		{"key_id", "aws_kms_key.this.key_id"},
		{"alias_arn", "aws_kms_alias.this.arn"},
	})...)
}

func modRDS(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, `port = 5432
`))
	main.add(`
resource "aws_db_subnet_group" "this" {
  name       = var.identifier
  subnet_ids = var.subnet_ids
  tags       = local.tags
}

resource "aws_db_parameter_group" "this" {
  name_prefix = "${var.identifier}-"
  family      = "postgres${split(".", var.engine_version)[0]}"

  dynamic "parameter" {
    for_each = var.parameters
    content {
      name         = parameter.key
      value        = parameter.value
      apply_method = "pending-reboot"
    }
  }

  lifecycle {
    create_before_destroy = true
  }

  tags = local.tags
}

resource "aws_security_group" "this" {
  name_prefix = "${var.identifier}-db-"
  description = "PostgreSQL access to ${var.identifier}"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.allowed_security_group_ids
    content {
      description     = "PostgreSQL from ${ingress.key}"
      from_port       = local.port
      to_port         = local.port
      protocol        = "tcp"
      security_groups = [ingress.value]
    }
  }

  tags = merge(local.tags, { Name = "${var.identifier}-db" })
}

resource "aws_db_instance" "this" {
  identifier                            = var.identifier
  engine                                = "postgres"
  engine_version                        = var.engine_version
  instance_class                        = var.instance_class
  allocated_storage                     = var.allocated_storage
  max_allocated_storage                 = var.max_allocated_storage
  storage_type                          = "gp3"
  storage_encrypted                     = true
  kms_key_id                            = var.kms_key_arn
  db_name                               = var.database_name
  username                              = var.master_username
  manage_master_user_password           = true
  port                                  = local.port
  multi_az                              = var.multi_az
  db_subnet_group_name                  = aws_db_subnet_group.this.name
  parameter_group_name                  = aws_db_parameter_group.this.name
  vpc_security_group_ids                = [aws_security_group.this.id]
  backup_retention_period               = var.backup_retention_period
  backup_window                         = "02:00-03:00"
  maintenance_window                    = "sun:04:00-sun:05:00"
  deletion_protection                   = var.deletion_protection
  skip_final_snapshot                   = !var.deletion_protection
  final_snapshot_identifier             = var.deletion_protection ? "${var.identifier}-final" : null
  performance_insights_enabled          = var.performance_insights
  performance_insights_retention_period = var.performance_insights ? 7 : null
  monitoring_interval                   = var.monitoring_interval
  monitoring_role_arn                   = var.monitoring_interval > 0 ? aws_iam_role.monitoring[0].arn : null
  auto_minor_version_upgrade            = true
  copy_tags_to_snapshot                 = true
  tags                                  = local.tags
}

resource "aws_iam_role" "monitoring" {
  count = var.monitoring_interval > 0 ? 1 : 0
  name  = "${var.identifier}-rds-monitoring"
  assume_role_policy = ` + assumeRolePolicy(`"monitoring.rds.amazonaws.com"`) + `
  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  count      = var.monitoring_interval > 0 ? 1 : 0
  role       = aws_iam_role.monitoring[0].name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}`)
	alarms := &hb{}
	alarms.add(`
resource "aws_cloudwatch_metric_alarm" "cpu" {
  alarm_name          = "${var.identifier}-cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.this.identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = var.alarm_actions
  tags                = local.tags
}

resource "aws_cloudwatch_metric_alarm" "storage" {
  alarm_name          = "${var.identifier}-free-storage"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.this.identifier }
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = var.allocated_storage * 1073741824 * 0.1
  comparison_operator = "LessThanThreshold"
  alarm_actions       = var.alarm_actions
  tags                = local.tags
}

resource "aws_cloudwatch_metric_alarm" "connections" {
  alarm_name          = "${var.identifier}-connections"
  namespace           = "AWS/RDS"
  metric_name         = "DatabaseConnections"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.this.identifier }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = var.max_connections_alarm
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = var.alarm_actions
  tags                = local.tags
}`)
	return append([]modFile{{"main.tf", main}, {"alarms.tf", alarms}}, stdFiles(m, []modVar{
		{"identifier", "string", "Instance identifier.", ""},
		{"engine_version", "string", "PostgreSQL version.", `"16.3"`},
		{"instance_class", "string", "Instance class.", `"db.t4g.medium"`},
		{"allocated_storage", "number", "Storage in GiB.", "50"},
		{"max_allocated_storage", "number", "Storage autoscaling ceiling in GiB.", "200"},
		{"database_name", "string", "Initial database.", `"app"`},
		{"master_username", "string", "Master user name; the password is managed in Secrets Manager.", `"app_admin"`},
		{"multi_az", "bool", "Run a standby in another zone.", "false"},
		{"subnet_ids", "list(string)", "Database subnets.", ""},
		{"vpc_id", "string", "VPC of the instance.", ""},
		{"allowed_security_group_ids", "map(string)", "Security groups allowed to connect, by a stable name.", "{}"},
		{"parameters", "map(string)", "Parameter group settings.", "{}"},
		{"backup_retention_period", "number", "Days of automated backups.", "7"},
		{"deletion_protection", "bool", "Protect against deletion.", "true"},
		{"performance_insights", "bool", "Enable Performance Insights.", "false"},
		{"monitoring_interval", "number", "Enhanced monitoring interval; 0 disables it.", "0"},
		{"kms_key_arn", "string", "KMS key of the storage.", "null"},
		{"max_connections_alarm", "number", "Connections that raise the alarm.", "400"},
		{"alarm_actions", "list(string)", "Alarm actions.", "[]"},
		tagsVar,
	}, [][2]string{
		{"endpoint", "aws_db_instance.this.endpoint"},
		{"address", "aws_db_instance.this.address"},
		{"port", "aws_db_instance.this.port"},
		{"security_group_id", "aws_security_group.this.id"},
		{"master_secret_arn", "aws_db_instance.this.master_user_secret[0].secret_arn"},
	})...)
}

func modECS(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
data "aws_region" "current" {}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = local.tags
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  container_definitions = jsonencode([{
    name      = var.name
    image     = var.image
    essential = true
    portMappings = [{
      containerPort = var.container_port
      protocol      = "tcp"
    }]
    environment = [for k, v in var.environment : { name = k, value = v }]
    secrets     = [for k, v in var.secrets : { name = k, valueFrom = v }]
    healthCheck = {
      command  = ["CMD-SHELL", "curl -fs http://localhost:${var.container_port}${var.health_check_path} || exit 1"]
      interval = 30
      retries  = 3
    }
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = data.aws_region.current.name
        awslogs-stream-prefix = var.name
      }
    }
  }])

  tags = local.tags
}

resource "aws_security_group" "this" {
  name_prefix = "${var.name}-task-"
  description = "Tasks of ${var.name}"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.ingress_security_group_ids
    content {
      description     = "Traffic from ${ingress.key}"
      from_port       = var.container_port
      to_port         = var.container_port
      protocol        = "tcp"
      security_groups = [ingress.value]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}

resource "aws_ecs_service" "this" {
  name                               = var.name
  cluster                            = var.cluster_arn
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.desired_count
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  enable_execute_command             = var.enable_execute_command
  propagate_tags                     = "SERVICE"

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.this.id]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = var.target_group_arns
    content {
      target_group_arn = load_balancer.value
      container_name   = var.name
      container_port   = var.container_port
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    ignore_changes = [desired_count]
  }

  tags = local.tags
}`)
	iam := &hb{}
	iam.add(`
resource "aws_iam_role" "execution" {
  name = "${var.name}-execution"
  assume_role_policy = ` + assumeRolePolicy(`"ecs-tasks.amazonaws.com"`) + `
  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "secrets" {
  count = length(var.secrets) > 0 ? 1 : 0
  name  = "read-secrets"
  role  = aws_iam_role.execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue", "ssm:GetParameters"]
      Resource = values(var.secrets)
    }]
  })
}

resource "aws_iam_role" "task" {
  name = "${var.name}-task"
  assume_role_policy = ` + assumeRolePolicy(`"ecs-tasks.amazonaws.com"`) + `
  tags = local.tags
}

resource "aws_iam_role_policy" "task" {
  count = length(var.task_policy_statements) > 0 ? 1 : 0
  name  = "task"
  role  = aws_iam_role.task.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = var.task_policy_statements
  })
}`)
	scaling := &hb{}
	scaling.add(`
resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/${element(split("/", var.cluster_arn), 1)}/${aws_ecs_service.this.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.min_capacity
  max_capacity       = var.max_capacity
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}`)
	return append([]modFile{{"main.tf", main}, {"iam.tf", iam}, {"autoscaling.tf", scaling}}, stdFiles(m, []modVar{
		{"name", "string", "Service name.", ""},
		{"cluster_arn", "string", "ECS cluster ARN.", ""},
		{"vpc_id", "string", "VPC of the tasks.", ""},
		{"subnet_ids", "list(string)", "Subnets of the tasks.", ""},
		{"image", "string", "Container image.", ""},
		{"cpu", "number", "Task CPU units.", "512"},
		{"memory", "number", "Task memory in MiB.", "1024"},
		{"container_port", "number", "Port the container listens on.", "8080"},
		{"health_check_path", "string", "Container health check path.", `"/healthz"`},
		{"desired_count", "number", "Initial number of tasks.", "2"},
		{"min_capacity", "number", "Fewest tasks.", "2"},
		{"max_capacity", "number", "Most tasks.", "10"},
		{"cpu_target", "number", "Target CPU utilisation.", "60"},
		{"environment", "map(string)", "Environment variables.", "{}"},
		{"secrets", "map(string)", "Secrets by variable name (ARNs).", "{}"},
		{"target_group_arns", "map(string)", "Target groups by a stable name.", "{}"},
		{"ingress_security_group_ids", "map(string)", "Security groups allowed to reach the tasks, by a stable name.", "{}"},
		{"task_policy_statements", "any", "IAM statements of the task role.", "[]"},
		{"enable_execute_command", "bool", "Allow ECS Exec.", "false"},
		{"log_retention_days", "number", "Retention of the logs.", "30"},
		tagsVar,
	}, [][2]string{
		{"service_name", "aws_ecs_service.this.name"},
		{"task_role_arn", "aws_iam_role.task.arn"},
		{"security_group_id", "aws_security_group.this.id"},
		{"log_group_name", "aws_cloudwatch_log_group.this.name"},
	})...)
}

func modIAMRole(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
resource "aws_iam_role" "this" {
  name                 = var.name
  path                 = var.path
  description          = var.description
  max_session_duration = var.max_session_duration
  permissions_boundary = var.permissions_boundary
  assume_role_policy = ` + assumeRolePolicy("var.trusted_services") + `
  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "managed" {
  for_each   = var.managed_policy_arns
  role       = aws_iam_role.this.name
  policy_arn = each.value
}

resource "aws_iam_role_policy" "inline" {
  for_each = var.inline_policies
  name     = each.key
  role     = aws_iam_role.this.id
  policy   = each.value
}

resource "aws_iam_instance_profile" "this" {
  count = var.create_instance_profile ? 1 : 0
  name  = var.name
  role  = aws_iam_role.this.name
  tags  = local.tags
}`)
	return append([]modFile{{"main.tf", main}}, stdFiles(m, []modVar{
		{"name", "string", "Role name.", ""},
		{"path", "string", "Role path.", `"/"`},
		{"description", "string", "Role description.", `""`},
		{"trusted_services", "list(string)", "Services that may assume the role.", ""},
		{"max_session_duration", "number", "Longest session in seconds.", "3600"},
		{"permissions_boundary", "string", "Permissions boundary policy ARN.", "null"},
		{"managed_policy_arns", "map(string)", "Managed policies by a stable name.", "{}"},
		{"inline_policies", "map(string)", "Inline policy documents (JSON) by name.", "{}"},
		{"create_instance_profile", "bool", "Create an instance profile.", "false"},
		tagsVar,
	}, [][2]string{
		{"arn", "aws_iam_role.this.arn"},
		{"name", "aws_iam_role.this.name"},
		{"instance_profile_name", "try(aws_iam_instance_profile.this[0].name, null)"},
	})...)
}

func modALB(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
resource "aws_security_group" "this" {
  name_prefix = "${var.name}-alb-"
  description = "Load balancer ${var.name}"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = toset([80, 443])
    content {
      description = "HTTP${ingress.value == 443 ? "S" : ""} from allowed networks"
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = var.ingress_cidr_blocks
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}

resource "aws_lb" "this" {
  name                       = var.name
  internal                   = var.internal
  load_balancer_type         = "application"
  security_groups            = [aws_security_group.this.id]
  subnets                    = var.subnet_ids
  idle_timeout               = var.idle_timeout
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection

  dynamic "access_logs" {
    for_each = var.access_logs_bucket == "" ? [] : [var.access_logs_bucket]
    content {
      bucket  = access_logs.value
      prefix  = var.name
      enabled = true
    }
  }

  tags = local.tags
}

resource "aws_lb_target_group" "this" {
  name_prefix          = substr(var.name, 0, 6)
  port                 = var.target_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = 30

  health_check {
    path                = var.health_check_path
    matcher             = "200-299"
    interval            = 15
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  lifecycle {
    create_before_destroy = true
  }

  tags = local.tags
}`)
	listeners := &hb{}
	listeners.add(`
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}

resource "aws_cloudwatch_metric_alarm" "target_5xx" {
  alarm_name          = "${var.name}-target-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  dimensions          = { LoadBalancer = aws_lb.this.arn_suffix, TargetGroup = aws_lb_target_group.this.arn_suffix }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = var.error_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  tags                = local.tags
}

resource "aws_cloudwatch_metric_alarm" "unhealthy" {
  alarm_name          = "${var.name}-unhealthy-hosts"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "UnHealthyHostCount"
  dimensions          = { LoadBalancer = aws_lb.this.arn_suffix, TargetGroup = aws_lb_target_group.this.arn_suffix }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = var.alarm_actions
  tags                = local.tags
}`)
	return append([]modFile{{"main.tf", main}, {"listeners.tf", listeners}}, stdFiles(m, []modVar{
		{"name", "string", "Load balancer name.", ""},
		{"vpc_id", "string", "VPC.", ""},
		{"subnet_ids", "list(string)", "Subnets of the load balancer.", ""},
		{"internal", "bool", "Internal load balancer.", "false"},
		{"certificate_arn", "string", "ACM certificate of the HTTPS listener.", ""},
		{"target_port", "number", "Port of the targets.", "8080"},
		{"health_check_path", "string", "Health check path.", `"/healthz"`},
		{"idle_timeout", "number", "Idle timeout in seconds.", "60"},
		{"deletion_protection", "bool", "Protect against deletion.", "true"},
		{"access_logs_bucket", "string", "Bucket for access logs; empty disables them.", `""`},
		{"ingress_cidr_blocks", "list(string)", "Networks allowed to connect.", `["0.0.0.0/0"]`},
		{"error_threshold", "number", "Target 5xx per minute that raise the alarm.", "10"},
		{"alarm_actions", "list(string)", "Alarm actions.", "[]"},
		tagsVar,
	}, [][2]string{
		{"arn", "aws_lb.this.arn"},
		{"dns_name", "aws_lb.this.dns_name"},
		{"zone_id", "aws_lb.this.zone_id"},
		{"target_group_arn", "aws_lb_target_group.this.arn"},
		{"security_group_id", "aws_security_group.this.id"},
	})...)
}

func modDynamo(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
resource "aws_dynamodb_table" "this" {
  name             = var.name
  billing_mode     = var.billing_mode
  read_capacity    = var.billing_mode == "PROVISIONED" ? var.read_capacity : null
  write_capacity   = var.billing_mode == "PROVISIONED" ? var.write_capacity : null
  hash_key         = var.hash_key
  range_key        = var.range_key
  stream_enabled   = var.stream_enabled
  stream_view_type = var.stream_enabled ? var.stream_view_type : null

  dynamic "attribute" {
    for_each = var.attributes
    content {
      name = attribute.value.name
      type = attribute.value.type
    }
  }

  dynamic "global_secondary_index" {
    for_each = var.global_secondary_indexes
    content {
      name            = global_secondary_index.value.name
      hash_key        = global_secondary_index.value.hash_key
      range_key       = global_secondary_index.value.range_key
      projection_type = global_secondary_index.value.projection_type
      read_capacity   = var.billing_mode == "PROVISIONED" ? var.read_capacity : null
      write_capacity  = var.billing_mode == "PROVISIONED" ? var.write_capacity : null
    }
  }

  dynamic "ttl" {
    for_each = var.ttl_attribute == "" ? [] : [var.ttl_attribute]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  deletion_protection_enabled = var.deletion_protection

  tags = local.tags
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  for_each            = toset(["ReadThrottleEvents", "WriteThrottleEvents"])
  alarm_name          = "${var.name}-${lower(each.key)}"
  namespace           = "AWS/DynamoDB"
  metric_name         = each.key
  dimensions          = { TableName = aws_dynamodb_table.this.name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 2
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  tags                = local.tags
}`)
	return append([]modFile{{"main.tf", main}}, stdFiles(m, []modVar{
		{"name", "string", "Table name.", ""},
		{"billing_mode", "string", "PAY_PER_REQUEST or PROVISIONED.", `"PAY_PER_REQUEST"`},
		{"read_capacity", "number", "Read capacity when provisioned.", "5"},
		{"write_capacity", "number", "Write capacity when provisioned.", "5"},
		{"hash_key", "string", "Partition key.", ""},
		{"range_key", "string", "Sort key.", "null"},
		{"attributes", "list(object({\nname = string\ntype = string\n}))", "Key attributes.", ""},
		{"global_secondary_indexes", "list(object({\nname = string\nhash_key = string\nrange_key = optional(string)\nprojection_type = optional(string, \"ALL\")\n}))", "Global secondary indexes.", "[]"},
		{"stream_enabled", "bool", "Enable the table stream.", "false"},
		{"stream_view_type", "string", "Stream view type.", `"NEW_AND_OLD_IMAGES"`},
		{"ttl_attribute", "string", "TTL attribute; empty disables TTL.", `""`},
		{"point_in_time_recovery", "bool", "Enable point-in-time recovery.", "true"},
		{"deletion_protection", "bool", "Protect against deletion.", "true"},
		{"kms_key_arn", "string", "KMS key; null uses the AWS owned key.", "null"},
		{"alarm_actions", "list(string)", "Alarm actions.", "[]"},
		tagsVar,
	}, [][2]string{
		{"name", "aws_dynamodb_table.this.name"},
		{"arn", "aws_dynamodb_table.this.arn"},
		{"stream_arn", "aws_dynamodb_table.this.stream_arn"},
	})...)
}

func modSNS(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
data "aws_caller_identity" "current" {}

resource "aws_sns_topic" "this" {
  name              = var.fifo ? "${var.name}.fifo" : var.name
  fifo_topic        = var.fifo
  kms_master_key_id = var.kms_key_arn
  tags              = local.tags
}

resource "aws_sns_topic_policy" "this" {
  arn = aws_sns_topic.this.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat([
      {
        Sid       = "Owner"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = ["sns:Publish", "sns:Subscribe", "sns:GetTopicAttributes"]
        Resource  = aws_sns_topic.this.arn
      }],
      [for svc in var.publisher_services : {
        Sid       = "Publish${replace(title(replace(svc, ".amazonaws.com", "")), "-", "")}"
        Effect    = "Allow"
        Principal = { Service = svc }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.this.arn
      }]
    )
  })
}

resource "aws_sns_topic_subscription" "this" {
  for_each             = var.subscriptions
  topic_arn            = aws_sns_topic.this.arn
  protocol             = each.value.protocol
  endpoint             = each.value.endpoint
  raw_message_delivery = each.value.protocol == "sqs" ? each.value.raw_message_delivery : null
}`)
	return append([]modFile{{"main.tf", main}}, stdFiles(m, []modVar{
		{"name", "string", "Topic name.", ""},
		{"fifo", "bool", "FIFO topic.", "false"},
		{"kms_key_arn", "string", "KMS key of the topic.", "null"},
		{"publisher_services", "list(string)", "Services allowed to publish.", "[]"},
		{"subscriptions", "map(object({\nprotocol = string\nendpoint = string\nraw_message_delivery = optional(bool, true)\n}))", "Subscriptions by a stable name.", "{}"},
		tagsVar,
	}, [][2]string{
		{"arn", "aws_sns_topic.this.arn"},
		{"name", "aws_sns_topic.this.name"},
	})...)
}

func modRedis(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
resource "aws_elasticache_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
  tags       = local.tags
}

resource "aws_elasticache_parameter_group" "this" {
  name   = "${var.name}-params"
  family = var.parameter_group_family

  dynamic "parameter" {
    for_each = var.parameters
    content {
      name  = parameter.key
      value = parameter.value
    }
  }

  tags = local.tags
}

resource "aws_security_group" "this" {
  name_prefix = "${var.name}-redis-"
  description = "Redis ${var.name}"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.allowed_security_group_ids
    content {
      description     = "Redis from ${ingress.key}"
      from_port       = 6379
      to_port         = 6379
      protocol        = "tcp"
      security_groups = [ingress.value]
    }
  }

  tags = local.tags
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = var.name
  description                = "Redis for ${var.name}"
  engine                     = "redis"
  engine_version             = var.engine_version
  node_type                  = var.node_type
  num_cache_clusters         = var.num_cache_clusters
  port                       = 6379
  parameter_group_name       = aws_elasticache_parameter_group.this.name
  subnet_group_name          = aws_elasticache_subnet_group.this.name
  security_group_ids         = [aws_security_group.this.id]
  automatic_failover_enabled = var.num_cache_clusters > 1
  multi_az_enabled           = var.num_cache_clusters > 1
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = var.snapshot_retention_limit
  apply_immediately          = false
  tags                       = local.tags
}`)
	return append([]modFile{{"main.tf", main}}, stdFiles(m, []modVar{
		{"name", "string", "Replication group name.", ""},
		{"engine_version", "string", "Redis version.", `"7.1"`},
		{"parameter_group_family", "string", "Parameter group family.", `"redis7"`},
		{"node_type", "string", "Node type.", `"cache.t4g.small"`},
		{"num_cache_clusters", "number", "Nodes in the group.", "2"},
		{"subnet_ids", "list(string)", "Subnets.", ""},
		{"vpc_id", "string", "VPC.", ""},
		{"allowed_security_group_ids", "map(string)", "Security groups allowed to connect, by a stable name.", "{}"},
		{"parameters", "map(string)", "Parameter group settings.", "{}"},
		{"snapshot_retention_limit", "number", "Days of snapshots.", "3"},
		tagsVar,
	}, [][2]string{
		{"primary_endpoint", "aws_elasticache_replication_group.this.primary_endpoint_address"},
		{"security_group_id", "aws_security_group.this.id"},
	})...)
}

func modASG(m modCtx) []modFile {
	main := &hb{}
	main.add(tagsLocal(m, ""))
	main.add(`
resource "aws_iam_role" "this" {
  name = "${var.name}-instance"
  assume_role_policy = ` + assumeRolePolicy(`"ec2.amazonaws.com"`) + `
  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "ssm" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "this" {
  name = "${var.name}-instance"
  role = aws_iam_role.this.name
}

resource "aws_security_group" "this" {
  name_prefix = "${var.name}-"
  description = "Instances of ${var.name}"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.ingress_rules
    content {
      description = ingress.key
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidr_blocks
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}

resource "aws_launch_template" "this" {
  name_prefix            = "${var.name}-"
  image_id               = var.ami_id
  instance_type          = var.instance_type
  vpc_security_group_ids = [aws_security_group.this.id]
  user_data              = base64encode(var.user_data)

  iam_instance_profile {
    name = aws_iam_instance_profile.this.name
  }

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = var.volume_size
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge(local.tags, { Name = var.name })
  }
}

resource "aws_autoscaling_group" "this" {
  name_prefix         = "${var.name}-"
  min_size            = var.min_size
  max_size            = var.max_size
  desired_capacity    = var.desired_capacity
  vpc_zone_identifier = var.subnet_ids
  health_check_type   = "EC2"

  launch_template {
    id      = aws_launch_template.this.id
    version = "$Latest"
  }

  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 90
    }
  }

  dynamic "tag" {
    for_each = merge(local.tags, { Name = var.name })
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }
}

resource "aws_autoscaling_policy" "cpu" {
  name                   = "${var.name}-cpu"
  autoscaling_group_name = aws_autoscaling_group.this.name
  policy_type            = "TargetTrackingScaling"

  target_tracking_configuration {
    target_value = var.cpu_target
    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
  }
}`)
	return append([]modFile{{"main.tf", main}}, stdFiles(m, []modVar{
		{"name", "string", "Fleet name.", ""},
		{"ami_id", "string", "AMI of the instances.", ""},
		{"instance_type", "string", "Instance type.", `"t4g.medium"`},
		{"vpc_id", "string", "VPC.", ""},
		{"subnet_ids", "list(string)", "Subnets.", ""},
		{"min_size", "number", "Fewest instances.", "1"},
		{"max_size", "number", "Most instances.", "4"},
		{"desired_capacity", "number", "Initial instances.", "2"},
		{"cpu_target", "number", "Target CPU utilisation.", "50"},
		{"volume_size", "number", "Root volume size in GiB.", "30"},
		{"user_data", "string", "Cloud-init user data.", `""`},
		{"ingress_rules", "map(object({\nport = number\ncidr_blocks = list(string)\n}))", "Ingress rules by description.", "{}"},
		tagsVar,
	}, [][2]string{
		{"autoscaling_group_name", "aws_autoscaling_group.this.name"},
		{"security_group_id", "aws_security_group.this.id"},
		{"role_name", "aws_iam_role.this.name"},
	})...)
}
