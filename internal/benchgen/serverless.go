package benchgen

import (
	"fmt"
	"strings"
)

// Serverless components of root modules: Lambda functions and what
// triggers them, the part of a repository spillway's rules look at.

func (r *rootGen) compFunctions(w *hb) {
	w.comment("Lambda functions of the service.")
	runtime := pick(r.rng, []string{"python3.12", "python3.11", "nodejs20.x", "nodejs18.x", "java21", "provided.al2023"})
	r.addVar(&variable{name: "lambda_runtime", typ: "string", desc: "Runtime of the service's functions.", def: q("python3.12"), tfvars: q(runtime)})
	vpc := ""
	if r.vpcFns {
		w.add(`
resource "aws_security_group" "lambda" {
  name        = "${local.name_prefix}-lambda"
  description = "Lambda functions of ${var.service}"
  vpc_id      = {{vpc}}

  egress {
    description = "HTTPS to AWS APIs and partners"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = merge(local.common_tags, { Name = "${local.name_prefix}-lambda" })
}`, "vpc", r.vpcID())
		vpc = fmt.Sprintf("\nsubnet_ids = %s\nsecurity_group_ids = [aws_security_group.lambda.id]", r.privateSubnets())
	}
	for i, f := range r.functions {
		reserved := "null"
		switch r.rng.IntN(4) {
		case 0:
			reserved = fmt.Sprintf("local.is_production ? %d : null", pick(r.rng, []int{20, 50, 100, 200}))
		case 1:
			reserved = itoa(pick(r.rng, []int{5, 10, 25, 50}))
			if i == 0 {
				name := f.key + "_reserved_concurrency"
				r.addVar(&variable{name: name, typ: "number", desc: "Reserved concurrency of the " + f.key + " function.", def: "null", tfvars: itoa(pick(r.rng, []int{10, 50, 100}))})
				reserved = "var." + name
			}
		}
		env := map[string]string{
			"LOG_LEVEL":               `local.is_production ? "INFO" : "DEBUG"`,
			"POWERTOOLS_SERVICE_NAME": "var.service",
			"STAGE":                   "var.environment",
		}
		if r.plan.has("database") {
			env["DB_SECRET_ARN"] = "aws_secretsmanager_secret.app_db.arn"
		}
		if r.plan.has("cache") {
			env["REDIS_HOST"] = "module.redis.primary_endpoint"
		}
		publish := f.key == r.functions[0].key
		w.add(`
module "fn_{{key}}" {
  source = "{{src}}"

  name                 = "${local.name_prefix}-{{key}}"
  description          = "{{desc}}"
  handler              = "{{handler}}"
  runtime              = var.lambda_runtime
  package_path         = "${path.module}/build/{{key}}.zip"
  memory_size          = {{memory}}
  timeout              = {{timeout}}
  reserved_concurrency = {{reserved}}
  publish              = {{publish}}
  tracing_mode         = local.is_production ? "Active" : "PassThrough"
  kms_key_arn          = {{kms}}
  alarm_actions        = {{alarms}}{{vpc}}
  environment_variables = {{env}}
  policy_statements = [{
    Effect   = "Allow"
    Action   = ["ssm:GetParameter", "ssm:GetParametersByPath"]
    Resource = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter/${var.service}/${var.environment}/*"
  }]
  tags = local.common_tags
}`, "key", f.key, "src", r.mod("lambda-function"), "desc", strings.ToUpper(f.key[:1])+f.key[1:]+" function of ${var.service}",
			"handler", f.key+".handler", "memory", itoa(pick(r.rng, []int{128, 256, 512, 1024, 2048})),
			"timeout", itoa(pick(r.rng, []int{3, 10, 15, 30, 60, 120, 300, 900})), "reserved", reserved, "publish", btoa(publish),
			"kms", r.kms(), "alarms", r.alarmActions(), "vpc", vpc, "env", hclMap(env))
		r.addOutput("function_"+f.key+"_name", f.name, "Name of the "+f.key+" function.")
	}
	first := r.functions[0]
	if chance(r.rng, 0.6) {
		r.addVar(&variable{name: "provisioned_concurrency", typ: "number", desc: "Provisioned concurrency of the live alias in production.", def: "0", tfvars: itoa(pick(r.rng, []int{0, 2, 5, 10}))})
		w.add(`
resource "aws_lambda_alias" "live" {
  name             = "live"
  description      = "Version receiving traffic"
  function_name    = {{name}}
  function_version = module.fn_{{key}}.version
}

resource "aws_lambda_provisioned_concurrency_config" "live" {
  count                             = local.is_production && var.provisioned_concurrency > 0 ? 1 : 0
  function_name                     = aws_lambda_alias.live.function_name
  qualifier                         = aws_lambda_alias.live.name
  provisioned_concurrent_executions = var.provisioned_concurrency
}`, "name", first.name, "key", first.key)
	}
	if chance(r.rng, 0.5) {
		w.add(`
resource "aws_sqs_queue" "async_failures" {
  name                      = "${local.name_prefix}-async-failures"
  message_retention_seconds = 1209600
  kms_master_key_id         = {{kms}}
  tags                      = local.common_tags
}

resource "aws_lambda_function_event_invoke_config" "{{key}}" {
  function_name                = {{name}}
  maximum_retry_attempts       = {{retries}}
  maximum_event_age_in_seconds = {{age}}

  destination_config {
    on_failure {
      destination = aws_sqs_queue.async_failures.arn
    }
  }
}`, "kms", r.kms(), "key", first.key, "name", first.name, "retries", itoa(r.rng.IntN(3)), "age", itoa(pick(r.rng, []int{60, 3600, 21600})))
	}
	if chance(r.rng, 0.25) {
		auth := pick(r.rng, []string{"AWS_IAM", "AWS_IAM", "NONE"})
		w.add(`
resource "aws_lambda_function_url" "{{key}}" {
  function_name      = {{name}}
  authorization_type = "{{auth}}"

  cors {
    allow_origins = ["https://${var.service}.example.com"]
    allow_methods = ["GET", "POST"]
    max_age       = 3600
  }
}`, "key", first.key, "name", first.name, "auth", auth)
	}
	handlers := map[string]string{}
	for _, h := range sample(r.rng, []string{"thumbnail", "audit", "cleanup", "digest", "replay", "backfill", "enrich"}, between(r.rng, 0, 3)) {
		attrs := []string{fmt.Sprintf("handler = %q", "handlers/"+h+".main")}
		if chance(r.rng, 0.5) {
			attrs = append(attrs, fmt.Sprintf("memory_size = %d", pick(r.rng, []int{512, 1024})))
		}
		if chance(r.rng, 0.4) {
			attrs = append(attrs, fmt.Sprintf("reserved_concurrency = %d", pick(r.rng, []int{1, 2, 5})))
		}
		handlers[h] = obj(attrs)
	}
	if len(handlers) > 0 {
		r.addVar(&variable{name: "handlers", typ: "map(object({\nhandler = string\nmemory_size = optional(number, 256)\ntimeout = optional(number, 60)\nreserved_concurrency = optional(number)\n}))",
			desc: "Small single-purpose functions by name.", def: "{}", tfvars: hclMap(handlers)})
		w.add(`
module "handlers" {
  source   = "{{src}}"
  for_each = var.handlers

  name                 = "${local.name_prefix}-${each.key}"
  handler              = each.value.handler
  runtime              = var.lambda_runtime
  memory_size          = each.value.memory_size
  timeout              = each.value.timeout
  reserved_concurrency = each.value.reserved_concurrency
  alarms_enabled       = local.is_production
  alarm_actions        = {{alarms}}
  tags                 = merge(local.common_tags, { Handler = each.key })
}`, "src", r.mod("lambda-function"), "alarms", r.alarmActions())
		r.addOutput("handler_function_names", "{ for k, m in module.handlers : k => m.function_name }", "Single-purpose functions.")
	}
	if chance(r.rng, 0.4) {
		r.addVar(&variable{name: "enable_canary", typ: "bool", desc: "Deploy the synthetic canary function.", def: "false", tfvars: btoa(chance(r.rng, 0.5))})
		w.add(`
module "fn_canary" {
  source = "{{src}}"
  count  = var.enable_canary ? 1 : 0

  name           = "${local.name_prefix}-canary"
  description    = "Synthetic checks of ${var.service}"
  handler        = "canary.handler"
  runtime        = var.lambda_runtime
  timeout        = 60
  alarms_enabled = false
  tags           = local.common_tags
}`, "src", r.mod("lambda-function"))
		r.addOutput("canary_function_name", "try(module.fn_canary[0].function_name, null)", "Canary function, when enabled.")
	}
}

func (r *rootGen) compWorkers(w *hb) {
	w.comment("Queues and their workers.")
	workers := map[string]string{}
	for _, k := range sample(r.rng, []string{"orders", "emails", "exports", "webhooks", "invoices", "images", "sync", "ledger", "audit"}, between(r.rng, 1, 4)) {
		attrs := []string{fmt.Sprintf("handler = %q", "workers/"+k+".handler")}
		if chance(r.rng, 0.5) {
			attrs = append(attrs, fmt.Sprintf("timeout = %d", pick(r.rng, []int{10, 30, 60, 120, 300})))
		}
		if chance(r.rng, 0.4) {
			attrs = append(attrs, fmt.Sprintf("batch_size = %d", pick(r.rng, []int{1, 5, 10, 25})))
		}
		if chance(r.rng, 0.5) {
			attrs = append(attrs, fmt.Sprintf("max_concurrency = %d", pick(r.rng, []int{2, 5, 10, 20})))
		}
		if chance(r.rng, 0.5) {
			attrs = append(attrs, fmt.Sprintf("reserved_concurrency = %d", pick(r.rng, []int{2, 5, 10, 20, 40})))
		}
		if chance(r.rng, 0.3) {
			attrs = append(attrs, fmt.Sprintf("max_receive_count = %d", pick(r.rng, []int{1, 3, 5, 10})))
		}
		if chance(r.rng, 0.15) {
			attrs = append(attrs, "fifo = true")
		}
		workers[k] = obj(attrs)
	}
	r.addVar(&variable{name: "workers", typ: "map(object({\nhandler = string\ntimeout = optional(number, 30)\nbatch_size = optional(number, 10)\nmax_concurrency = optional(number)\nreserved_concurrency = optional(number)\nmax_receive_count = optional(number, 5)\nfifo = optional(bool, false)\n}))",
		desc: "Queue workers by name.", def: "{}", tfvars: hclMap(workers)})
	vpc := ""
	if r.vpcFns {
		vpc = fmt.Sprintf("\nsubnet_ids = %s\nsecurity_group_ids = [aws_security_group.lambda.id]", r.privateSubnets())
	}
	w.add(`
module "workers" {
  source   = "{{src}}"
  for_each = var.workers

  name                 = "${local.name_prefix}-${each.key}"
  handler              = each.value.handler
  runtime              = var.lambda_runtime
  timeout              = each.value.timeout
  batch_size           = each.value.batch_size
  max_concurrency      = each.value.max_concurrency
  reserved_concurrency = each.value.reserved_concurrency
  max_receive_count    = each.value.max_receive_count
  fifo                 = each.value.fifo
  kms_key_arn          = {{kms}}
  alarm_actions        = {{alarms}}{{vpc}}
  environment_variables = {
    STAGE  = var.environment
    WORKER = each.key
  }
  tags = merge(local.common_tags, { Worker = each.key })
}`, "src", r.mod("sqs-worker"), "kms", r.kms(), "alarms", r.alarmActions(), "vpc", vpc)
	fn := r.fn()
	redrive := ""
	extra := ""
	if chance(r.rng, 0.3) {
		extra = `

resource "aws_sqs_queue_redrive_policy" "inbound" {
  queue_url = aws_sqs_queue.inbound.id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.inbound_dlq.arn
    maxReceiveCount     = var.inbound_max_receive_count
  })
}`
	} else {
		redrive = `
redrive_policy = jsonencode({
  deadLetterTargetArn = aws_sqs_queue.inbound_dlq.arn
  maxReceiveCount     = var.inbound_max_receive_count
})`
	}
	r.addVar(&variable{name: "inbound_max_receive_count", typ: "number", desc: "Receives of an inbound message before it is dead-lettered.", def: "5", tfvars: itoa(pick(r.rng, []int{3, 5, 10}))})
	scaling := ""
	if chance(r.rng, 0.6) {
		scaling = fmt.Sprintf("\nscaling_config {\nmaximum_concurrency = %d\n}", pick(r.rng, []int{2, 5, 10, 50}))
	}
	w.add(`
resource "aws_sqs_queue" "inbound_dlq" {
  name                      = "${local.name_prefix}-inbound-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = local.common_tags
}

resource "aws_sqs_queue" "inbound" {
  name                       = "${local.name_prefix}-inbound"
  visibility_timeout_seconds = {{visibility}}
  message_retention_seconds  = 345600
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true{{redrive}}
  tags                       = local.common_tags
}{{extra}}

resource "aws_sqs_queue_policy" "inbound" {
  queue_url = aws_sqs_queue.inbound.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "FromTopics"
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.inbound.arn
      Condition = {
        ArnLike = { "aws:SourceArn" = "arn:${local.partition}:sns:${local.region}:${local.account_id}:*" }
      }
    }]
  })
}

resource "aws_lambda_event_source_mapping" "inbound" {
  event_source_arn        = aws_sqs_queue.inbound.arn
  function_name           = {{fn}}
  batch_size              = {{batch}}
  function_response_types = ["ReportBatchItemFailures"]{{scaling}}
}`, "visibility", itoa(pick(r.rng, []int{30, 60, 180, 360, 900})), "redrive", redrive, "extra", extra, "fn", fn.arn,
		"batch", itoa(pick(r.rng, []int{1, 10, 20})), "scaling", scaling)
	r.addOutput("worker_queue_urls", "{ for k, m in module.workers : k => m.queue_url }", "Queues of the workers.")
	r.addOutput("inbound_queue_url", "aws_sqs_queue.inbound.url", "Queue receiving events from other services.")
}

func (r *rootGen) compStreams(w *hb) {
	w.comment("Streams and their consumers.")
	fn := r.fn()
	r.addVar(&variable{name: "stream_retention_hours", typ: "number", desc: "Retention of the event stream.", def: "24", tfvars: itoa(pick(r.rng, []int{24, 48, 168}))})
	w.add(`
resource "aws_kinesis_stream" "events" {
  name             = "${local.name_prefix}-events"
  retention_period = var.stream_retention_hours
  shard_count      = local.is_production ? {{shards}} : 1
  encryption_type  = "KMS"
  kms_key_id       = "alias/aws/kinesis"

  stream_mode_details {
    stream_mode = "PROVISIONED"
  }

  tags = local.common_tags
}

module "events_consumer" {
  source = "{{src}}"

  name                   = "${local.name_prefix}-events"
  event_source_arn       = aws_kinesis_stream.events.arn
  function_name          = {{fn}}
  role_name              = {{role}}
  starting_position      = "TRIM_HORIZON"
  batch_size             = {{batch}}
  parallelization_factor = {{parallel}}
  maximum_retry_attempts = {{retries}}
  alarm_actions          = {{alarms}}
  tags                   = local.common_tags
}`, "shards", itoa(pick(r.rng, []int{2, 4, 8})), "src", r.mod("stream-consumer"), "fn", fn.name, "role", fn.role,
		"batch", itoa(pick(r.rng, []int{100, 200, 500})), "parallel", itoa(pick(r.rng, []int{1, 2, 4})),
		"retries", itoa(pick(r.rng, []int{2, 3, 5, 10})), "alarms", r.alarmActions())
	fn2 := r.fn()
	if chance(r.rng, 0.5) {
		w.add(`
module "table" {
  source = "{{src}}"

  name           = "${local.name_prefix}-items"
  hash_key       = "pk"
  range_key      = "sk"
  stream_enabled = true
  ttl_attribute  = "expires_at"
  kms_key_arn    = {{kms}}
  attributes = [
    { name = "pk", type = "S" },
    { name = "sk", type = "S" },
    { name = "gsi1pk", type = "S" },
  ]
  global_secondary_indexes = [
    { name = "gsi1", hash_key = "gsi1pk", range_key = "sk" },
  ]
  deletion_protection = local.is_production
  alarm_actions       = {{alarms}}
  tags                = local.common_tags
}

module "table_consumer" {
  source = "{{consumer}}"

  name              = "${local.name_prefix}-items"
  event_source_arn  = module.table.stream_arn
  function_name     = {{fn}}
  role_name         = {{role}}
  stream_actions    = ["dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams"]
  starting_position = "LATEST"
  filter_patterns   = [jsonencode({ eventName = ["INSERT", "MODIFY"] })]
  alarm_actions     = {{alarms}}
  tags              = local.common_tags
}`, "src", r.mod("dynamodb-table"), "kms", r.kms(), "alarms", r.alarmActions(), "consumer", r.mod("stream-consumer"), "fn", fn2.name, "role", fn2.role)
		r.addOutput("table_name", "module.table.name", "DynamoDB table.")
	} else {
		dest := ""
		if chance(r.rng, 0.5) {
			dest = "\n\ndestination_config {\non_failure {\ndestination_arn = aws_sqs_queue.changes_failures.arn\n}\n}"
		}
		w.add(`
resource "aws_dynamodb_table" "changes" {
  name             = "${local.name_prefix}-changes"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = local.is_production
  }

  tags = local.common_tags
}

resource "aws_lambda_event_source_mapping" "changes" {
  event_source_arn               = aws_dynamodb_table.changes.stream_arn
  function_name                  = {{fn}}
  starting_position              = "LATEST"
  batch_size                     = 100
  maximum_retry_attempts         = {{retries}}
  bisect_batch_on_function_error = {{bisect}}
  maximum_record_age_in_seconds  = 3600{{dest}}
}`, "fn", fn2.arn, "retries", pick(r.rng, []string{"-1", "2", "5"}), "bisect", btoa(chance(r.rng, 0.6)),
			"dest", dest)
		if dest != "" {
			w.add(`
resource "aws_sqs_queue" "changes_failures" {
  name                      = "${local.name_prefix}-changes-failures"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = local.common_tags
}`)
		}
		r.addOutput("changes_table_name", "aws_dynamodb_table.changes.name", "Table whose changes are streamed.")
	}
	r.addOutput("event_stream_arn", "aws_kinesis_stream.events.arn", "Event stream.")
}

func (r *rootGen) compAPI(w *hb) {
	w.comment("Public API.")
	fn := r.fn()
	r.addVar(&variable{name: "api_burst_limit", typ: "number", desc: "Burst limit of the API stage.", def: "null", tfvars: pick(r.rng, []string{"", "100", "500", "1000"})})
	r.addVar(&variable{name: "api_rate_limit", typ: "number", desc: "Steady-state rate limit of the API stage.", def: "null", tfvars: pick(r.rng, []string{"", "50", "200", "1000"})})
	switch r.rng.IntN(4) {
	case 0:
		integrations := map[string]string{}
		routes := map[string]string{}
		for i, f := range r.functions {
			integrations[f.key] = fmt.Sprintf("{\nfunction_name = %s\ninvoke_arn = %s\n}", f.name, f.invoke)
			routes["GET /"+f.key] = fmt.Sprintf("{ integration = %q }", f.key)
			if i == 0 {
				routes["POST /"+f.key] = fmt.Sprintf("{ integration = %q, authorization_type = \"AWS_IAM\" }", f.key)
				routes["ANY /"+f.key+"/{proxy+}"] = fmt.Sprintf("{ integration = %q }", f.key)
			}
		}
		w.add(`
module "http_api" {
  source = "{{src}}"

  name                   = "${local.name_prefix}-http"
  description            = "HTTP API of ${var.service}"
  throttling_burst_limit = var.api_burst_limit
  throttling_rate_limit  = var.api_rate_limit
  cors_allow_origins     = ["https://${var.service}.example.com"]
  integrations           = {{integrations}}
  routes                 = {{routes}}
  tags                   = local.common_tags
}`, "src", r.mod("http-api"), "integrations", hclMap(integrations), "routes", hclMap(routes))
		r.apiAlarms(w, `{ ApiId = module.http_api.api_id, Stage = "$default" }`)
		r.addOutput("api_url", "module.http_api.stage_invoke_url", "Base URL of the API.")
	case 1:
		paths := sample(r.rng, []string{"orders", "customers", "items", "reports", "events", "users"}, between(r.rng, 1, 3))
		w.add(`
module "rest_api" {
  source = "{{src}}"

  name                   = "${local.name_prefix}-rest"
  description            = "REST API of ${var.service}"
  function_name          = {{name}}
  function_invoke_arn    = {{invoke}}
  paths                  = {{paths}}
  stage_name             = var.environment
  throttling_burst_limit = var.api_burst_limit
  throttling_rate_limit  = var.api_rate_limit
  caching_enabled        = {{caching}}
  usage_plan_enabled     = {{plan}}
  tags                   = local.common_tags
}`, "src", r.mod("rest-api"), "name", fn.name, "invoke", fn.invoke, "paths", qlist(paths),
			"caching", pick(r.rng, []string{"false", "local.is_production"}), "plan", btoa(chance(r.rng, 0.4)))
		if chance(r.rng, 0.5) {
			r.wafForAPI(w, "module.rest_api.stage_arn")
		}
		r.apiAlarms(w, `{ ApiName = "${local.name_prefix}-rest", Stage = var.environment }`)
		r.addOutput("api_url", "module.rest_api.invoke_url", "Base URL of the API.")
	case 2:
		w.add(`
resource "aws_api_gateway_rest_api" "main" {
  name        = "${local.name_prefix}-api"
  description = "API of ${var.service}"

  endpoint_configuration {
    types = ["REGIONAL"]
  }

  tags = local.common_tags
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "items_get" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "items_get" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = aws_api_gateway_method.items_get.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = {{invoke}}
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.items_get.id,
      aws_api_gateway_integration.items_get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id          = aws_api_gateway_rest_api.main.id
  deployment_id        = aws_api_gateway_deployment.main.id
  stage_name           = var.environment
  xray_tracing_enabled = local.is_production
  tags                 = local.common_tags
}

resource "aws_api_gateway_method_settings" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = aws_api_gateway_stage.main.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = true
    throttling_burst_limit = var.api_burst_limit
    throttling_rate_limit  = var.api_rate_limit
  }
}

resource "aws_lambda_permission" "api" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = {{name}}
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
}`, "invoke", fn.invoke, "name", fn.name)
		if chance(r.rng, 0.4) {
			r.wafForAPI(w, "aws_api_gateway_stage.main.arn")
		}
		r.apiAlarms(w, `{ ApiName = aws_api_gateway_rest_api.main.name, Stage = aws_api_gateway_stage.main.stage_name }`)
		r.addOutput("api_url", "aws_api_gateway_stage.main.invoke_url", "Base URL of the API.")
	default:
		w.add(`
resource "aws_apigatewayv2_api" "main" {
  name          = "${local.name_prefix}-http"
  protocol_type = "HTTP"
  tags          = local.common_tags
}

resource "aws_apigatewayv2_integration" "main" {
  api_id                 = aws_apigatewayv2_api.main.id
  integration_type       = "AWS_PROXY"
  integration_uri        = {{invoke}}
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "main" {
  for_each  = toset(["GET /health", "GET /items", "POST /items", "DELETE /items/{id}"])
  api_id    = aws_apigatewayv2_api.main.id
  route_key = each.key
  target    = "integrations/${aws_apigatewayv2_integration.main.id}"
}

resource "aws_apigatewayv2_stage" "main" {
  api_id      = aws_apigatewayv2_api.main.id
  name        = "$default"
  auto_deploy = true
{{throttle}}
  tags = local.common_tags
}

resource "aws_lambda_permission" "http" {
  statement_id  = "AllowHttpApiInvoke"
  action        = "lambda:InvokeFunction"
  function_name = {{name}}
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.main.execution_arn}/*/*"
}`, "invoke", fn.invoke, "name", fn.name, "throttle", pick(r.rng, []string{"", `
default_route_settings {
  throttling_burst_limit = var.api_burst_limit
  throttling_rate_limit  = var.api_rate_limit
}
`}))
		r.apiAlarms(w, `{ ApiId = aws_apigatewayv2_api.main.id, Stage = "$default" }`)
		r.addOutput("api_url", "aws_apigatewayv2_stage.main.invoke_url", "Base URL of the API.")
	}
}

// apiAlarms watches the API's server errors and latency. HTTP APIs
// (dimension ApiId) name their error metric 5xx, REST APIs 5XXError.
func (r *rootGen) apiAlarms(w *hb, dims string) {
	metric := "5XXError"
	if strings.Contains(dims, "ApiId") {
		metric = "5xx"
	}
	w.add(`
resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name          = "${local.name_prefix}-api-5xx"
  alarm_description   = "Server errors of the ${var.service} API."
  namespace           = "AWS/ApiGateway"
  metric_name         = "{{metric}}"
  dimensions          = {{dims}}
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  threshold           = 5
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = {{alarms}}
  tags                = local.common_tags
}

resource "aws_cloudwatch_metric_alarm" "api_latency" {
  alarm_name          = "${local.name_prefix}-api-latency-p99"
  alarm_description   = "p99 latency of the ${var.service} API above {{latency}} ms."
  namespace           = "AWS/ApiGateway"
  metric_name         = "Latency"
  dimensions          = {{dims}}
  extended_statistic  = "p99"
  period              = 300
  evaluation_periods  = 3
  threshold           = {{latency}}
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = {{alarms}}
  tags                = local.common_tags
}`, "metric", metric, "dims", dims, "alarms", r.alarmActions(), "latency", itoa(pick(r.rng, []int{500, 1000, 2500})))
}

// wafForAPI protects a REST API stage with a rate-based web ACL.
func (r *rootGen) wafForAPI(w *hb, stageArn string) {
	w.add(`
resource "aws_wafv2_web_acl" "api" {
  name  = "${local.name_prefix}-api"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "per-ip-rate"
    priority = 1

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit              = {{limit}}
        aggregate_key_type = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name_prefix}-api-rate"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${local.name_prefix}-api"
    sampled_requests_enabled   = true
  }

  tags = local.common_tags
}

resource "aws_wafv2_web_acl_association" "api" {
  resource_arn = {{stage}}
  web_acl_arn  = aws_wafv2_web_acl.api.arn
}`, "limit", itoa(pick(r.rng, []int{300, 1000, 2000})), "stage", stageArn)
}

func (r *rootGen) compEvents(w *hb) {
	w.comment("Event sources that invoke the functions.")
	fn := r.fn()
	w.add(`
resource "aws_s3_bucket" "uploads" {
  bucket = "${local.name_prefix}-uploads-${local.account_id}"
  tags   = local.common_tags
}

resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`)
	if chance(r.rng, 0.5) {
		w.add(`
resource "aws_lambda_permission" "uploads" {
  statement_id   = "AllowS3Invoke"
  action         = "lambda:InvokeFunction"
  function_name  = {{name}}
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads.arn
  source_account = local.account_id
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  lambda_function {
    lambda_function_arn = {{arn}}
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = "incoming/"
    filter_suffix       = "{{suffix}}"
  }

  depends_on = [aws_lambda_permission.uploads]
}`, "name", fn.name, "arn", fn.arn, "suffix", pick(r.rng, []string{".json", ".csv", ".pdf", ".jpg"}))
	} else {
		w.add(`
resource "aws_sqs_queue" "uploads_dlq" {
  name                      = "${local.name_prefix}-uploads-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = local.common_tags
}

resource "aws_sqs_queue" "uploads" {
  name                       = "${local.name_prefix}-uploads"
  visibility_timeout_seconds = 900
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.uploads_dlq.arn
    maxReceiveCount     = 3
  })
  tags = local.common_tags
}

resource "aws_sqs_queue_policy" "uploads" {
  queue_url = aws_sqs_queue.uploads.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.uploads.arn
      Condition = {
        ArnEquals = { "aws:SourceArn" = aws_s3_bucket.uploads.arn }
      }
    }]
  })
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  queue {
    queue_arn     = aws_sqs_queue.uploads.arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = "incoming/"
  }

  depends_on = [aws_sqs_queue_policy.uploads]
}

resource "aws_lambda_event_source_mapping" "uploads" {
  event_source_arn                   = aws_sqs_queue.uploads.arn
  function_name                      = {{arn}}
  batch_size                         = 10
  maximum_batching_window_in_seconds = 5
  function_response_types            = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = {{conc}}
  }
}`, "arn", fn.arn, "conc", itoa(pick(r.rng, []int{2, 5, 10})))
	}
	fn = r.fn()
	if chance(r.rng, 0.5) {
		w.add(`
module "topic" {
  source = "{{src}}"

  name               = "${local.name_prefix}-events"
  kms_key_arn        = {{kms}}
  publisher_services = ["events.amazonaws.com", "s3.amazonaws.com"]
  subscriptions = {
    processor = { protocol = "lambda", endpoint = {{arn}} }
  }
  tags = local.common_tags
}

resource "aws_lambda_permission" "topic" {
  statement_id  = "AllowSNSInvoke"
  action        = "lambda:InvokeFunction"
  function_name = {{name}}
  principal     = "sns.amazonaws.com"
  source_arn    = module.topic.arn
}`, "src", r.mod("sns-topic"), "kms", r.kms(), "arn", fn.arn, "name", fn.name)
		r.addOutput("events_topic_arn", "module.topic.arn", "Topic other services publish to.")
	} else {
		w.add(`
resource "aws_sns_topic" "events" {
  name = "${local.name_prefix}-events"
  tags = local.common_tags
}

resource "aws_sqs_queue" "events_dlq" {
  name                    = "${local.name_prefix}-events-sns-dlq"
  sqs_managed_sse_enabled = true
  tags                    = local.common_tags
}

resource "aws_sns_topic_subscription" "events" {
  topic_arn = aws_sns_topic.events.arn
  protocol  = "lambda"
  endpoint  = {{arn}}
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.events_dlq.arn
  })
}

resource "aws_lambda_permission" "events" {
  statement_id  = "AllowSNSInvoke"
  action        = "lambda:InvokeFunction"
  function_name = {{name}}
  principal     = "sns.amazonaws.com"
  source_arn    = aws_sns_topic.events.arn
}`, "arn", fn.arn, "name", fn.name)
		r.addOutput("events_topic_arn", "aws_sns_topic.events.arn", "Topic other services publish to.")
	}
	fn = r.fn()
	w.add(`
module "nightly" {
  source = "{{src}}"

  name                = "${local.name_prefix}-nightly"
  description         = "Nightly maintenance of ${var.service}"
  schedule_expression = "cron({{minute}} {{hour}} * * ? *)"
  function_arn        = {{arn}}
  function_name       = {{name}}
  dlq_enabled         = {{dlq}}
  input               = jsonencode({ job = "nightly", environment = var.environment })
  tags                = local.common_tags
}

resource "aws_cloudwatch_event_rule" "uploads" {
  name        = "${local.name_prefix}-object-created"
  description = "Objects created in the uploads bucket"
  event_pattern = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = ["Object Created"]
    detail = {
      bucket = { name = [aws_s3_bucket.uploads.id] }
    }
  })
  tags = local.common_tags
}

resource "aws_cloudwatch_event_target" "uploads" {
  rule      = aws_cloudwatch_event_rule.uploads.name
  target_id = "indexer"
  arn       = {{arn}}

  retry_policy {
    maximum_retry_attempts       = {{retries}}
    maximum_event_age_in_seconds = 3600
  }
}

resource "aws_lambda_permission" "uploads_rule" {
  statement_id  = "AllowEventBridgeUploads"
  action        = "lambda:InvokeFunction"
  function_name = {{name}}
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.uploads.arn
}`, "src", r.mod("event-rule"), "minute", itoa(r.rng.IntN(60)), "hour", itoa(r.rng.IntN(6)), "arn", fn.arn, "name", fn.name,
		"dlq", btoa(chance(r.rng, 0.6)), "retries", itoa(pick(r.rng, []int{0, 2, 8})))
	r.addOutput("uploads_bucket", "aws_s3_bucket.uploads.bucket", "Bucket whose uploads are processed.")
}

func (r *rootGen) compAlarms(w *hb) {
	w.comment("Alarms on the functions.")
	fns := map[string]string{}
	for _, f := range r.functions {
		fns[f.key] = f.name
	}
	w.add(`
locals {
  monitored_functions = {{fns}}
}

resource "aws_cloudwatch_metric_alarm" "error_rate" {
  for_each            = local.monitored_functions
  alarm_name          = "${local.name_prefix}-${each.key}-error-rate"
  alarm_description   = "More than {{rate}}% of ${each.value} invocations fail."
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 3
  threshold           = {{rate}}
  treat_missing_data  = "notBreaching"
  alarm_actions       = {{alarms}}

  metric_query {
    id          = "rate"
    expression  = "100 * errors / MAX([errors, invocations])"
    label       = "Error rate"
    return_data = true
  }

  metric_query {
    id = "errors"
    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Errors"
      period      = 300
      stat        = "Sum"
      dimensions  = { FunctionName = each.value }
    }
  }

  metric_query {
    id = "invocations"
    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Invocations"
      period      = 300
      stat        = "Sum"
      dimensions  = { FunctionName = each.value }
    }
  }

  tags = local.common_tags
}

resource "aws_cloudwatch_metric_alarm" "account_concurrency" {
  alarm_name          = "${local.name_prefix}-account-concurrency"
  alarm_description   = "Account-wide Lambda concurrency close to the limit."
  namespace           = "AWS/Lambda"
  metric_name         = "ConcurrentExecutions"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  threshold           = {{conc}}
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = {{alarms}}
  tags                = local.common_tags
}`, "fns", hclMap(fns), "rate", itoa(pick(r.rng, []int{1, 2, 5})), "alarms", r.alarmActions(), "conc", itoa(pick(r.rng, []int{700, 800, 900})))
}
