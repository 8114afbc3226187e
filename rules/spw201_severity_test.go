package rules_test

import (
	"context"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/ruletest"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

func analyzeSPW201(t *testing.T, files map[string]string) ruletest.Result {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	res := ruletest.Analyze(fsys, []*lint.Rule{rules.SPW201}, eval.Options{})
	for _, d := range res.Diagnostics {
		if d.Severity == hcl.DiagError {
			t.Errorf("unexpected error diagnostic: %s", d.Error())
		}
	}
	return res
}

const spw201Fn = `
resource "aws_lambda_function" "f" {
  function_name = "f"
}
`

// TestSPW201Severity checks that SPW201's severity follows the function's
// exposure: high on a public path, medium on an authenticated or event
// path or an undetermined one, low when internal or untriggered.
func TestSPW201Severity(t *testing.T) {
	cases := []struct {
		name    string
		trigger string
		want    lint.Severity
	}{
		{"no trigger", ``, lint.Low},
		{"rest integration AWS_PROXY", `
resource "aws_api_gateway_integration" "i" {
  rest_api_id             = "api"
  resource_id             = "res"
  http_method             = "POST"
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.f.invoke_arn
}
resource "aws_api_gateway_method" "m" {
  rest_api_id   = "api"
  resource_id   = "res"
  http_method   = "POST"
  authorization = "NONE"
}`, lint.High},
		{"rest integration without its method", `
resource "aws_api_gateway_integration" "i" {
  rest_api_id             = "api"
  resource_id             = "res"
  http_method             = "POST"
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.f.invoke_arn
}`, lint.Medium},
		{"rest integration behind cognito", `
resource "aws_api_gateway_integration" "i" {
  rest_api_id             = "api"
  resource_id             = "res"
  http_method             = "POST"
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.f.invoke_arn
}
resource "aws_api_gateway_method" "m" {
  rest_api_id   = "api"
  resource_id   = "res"
  http_method   = "POST"
  authorization = "COGNITO_USER_POOLS"
}`, lint.Medium},
		{"rest integration AWS", `
resource "aws_api_gateway_integration" "i" {
  rest_api_id             = "api"
  resource_id             = "res"
  http_method             = "POST"
  integration_http_method = "POST"
  type                    = "AWS"
  uri                     = aws_lambda_function.f.invoke_arn
}
resource "aws_api_gateway_method" "m" {
  rest_api_id   = "api"
  resource_id   = "res"
  http_method   = "POST"
  authorization = "NONE"
}`, lint.High},
		{"rest integration HTTP_PROXY", `
resource "aws_api_gateway_integration" "i" {
  rest_api_id = "api"
  resource_id = "res"
  http_method = "POST"
  type        = "HTTP_PROXY"
  uri         = "https://example.com/${aws_lambda_function.f.function_name}"
}`, lint.Low},
		{"http api integration", `
resource "aws_apigatewayv2_integration" "i" {
  api_id           = "api"
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.f.invoke_arn
}
resource "aws_apigatewayv2_route" "r" {
  api_id    = "api"
  route_key = "POST /orders"
  target    = "integrations/${aws_apigatewayv2_integration.i.id}"
}`, lint.High},
		{"function url NONE", `
resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.f.function_name
  authorization_type = "NONE"
}`, lint.High},
		{"function url AWS_IAM", `
resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.f.function_name
  authorization_type = "AWS_IAM"
}`, lint.Medium},
		{"cognito pre_sign_up", `
resource "aws_cognito_user_pool" "p" {
  name = "p"
  lambda_config {
    pre_sign_up = aws_lambda_function.f.arn
  }
}`, lint.High},
		{"cognito verify_auth_challenge_response", `
resource "aws_cognito_user_pool" "p" {
  name = "p"
  lambda_config {
    verify_auth_challenge_response = aws_lambda_function.f.arn
  }
}`, lint.High},
		{"cognito post_confirmation", `
resource "aws_cognito_user_pool" "p" {
  name = "p"
  lambda_config {
    post_confirmation = aws_lambda_function.f.arn
  }
}`, lint.Low},
		{"lb lambda target group", `
resource "aws_lb_target_group" "tg" {
  name        = "tg"
  target_type = "lambda"
}
resource "aws_lb_target_group_attachment" "a" {
  target_group_arn = aws_lb_target_group.tg.arn
  target_id        = aws_lambda_function.f.arn
}
resource "aws_lb" "lb" { name = "lb" }
resource "aws_lb_listener" "l" {
  load_balancer_arn = aws_lb.lb.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tg.arn
  }
}`, lint.High},
		{"permission apigateway", `
resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "apigateway.amazonaws.com"
}`, lint.Medium},
		{"permission elasticloadbalancing", `
resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "elasticloadbalancing.amazonaws.com"
}`, lint.Medium},
		{"permission cognito-idp", `
resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "cognito-idp.amazonaws.com"
}`, lint.High},
		{"permission s3", `
resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}`, lint.Medium},
		{"event source mapping", `
resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = "arn:aws:sqs:eu-west-1:123456789012:q"
  function_name    = aws_lambda_function.f.arn
}`, lint.Medium},
		{"unknown function", `
variable "fn" {
  type = string
}
resource "aws_lambda_function_url" "u" {
  function_name      = var.fn
  authorization_type = "NONE"
}`, lint.Low},
		{"schedule", `
resource "aws_cloudwatch_event_rule" "r" { schedule_expression = "rate(1 hour)" }
resource "aws_cloudwatch_event_target" "t" {
  rule = aws_cloudwatch_event_rule.r.name
  arn  = aws_lambda_function.f.arn
}`, lint.Low},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := analyzeSPW201(t, map[string]string{"main.tf": spw201Fn + c.trigger})
			if len(res.Undetermined) != 0 {
				t.Errorf("unexpected undetermined checks: %+v", res.Undetermined)
			}
			if len(res.Findings) != 1 {
				t.Fatalf("got %d findings, want 1: %+v", len(res.Findings), res.Findings)
			}
			f := res.Findings[0]
			if f.Severity != c.want {
				t.Errorf("severity = %s, want %s (message %q)", f.Severity, c.want, f.Message)
			}
			if f.Resource != "aws_lambda_function.f" {
				t.Errorf("resource = %s, want aws_lambda_function.f", f.Resource)
			}
		})
	}
}

// TestSPW201ModuleInstances checks that a module called twice reports the
// firing instance only, with its own severity.
func TestSPW201ModuleInstances(t *testing.T) {
	mod := `
variable "name" {
  type = string
}
variable "reserved" {
  type    = number
  default = null
}
variable "auth" {
  type    = string
  default = "AWS_IAM"
}
resource "aws_lambda_function" "f" {
  function_name                  = var.name
  reserved_concurrent_executions = var.reserved
}
resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.f.function_name
  authorization_type = var.auth
}
`
	t.Run("one firing", func(t *testing.T) {
		res := analyzeSPW201(t, map[string]string{
			"main.tf": `
module "reserved" {
  source   = "./modules/fn"
  name     = "reserved"
  reserved = 10
  auth     = "NONE"
}
module "open" {
  source = "./modules/fn"
  name   = "open"
  auth   = "NONE"
}
`,
			"modules/fn/main.tf": mod,
		})
		if len(res.Findings) != 1 {
			t.Fatalf("got %d findings, want 1: %+v", len(res.Findings), res.Findings)
		}
		f := res.Findings[0]
		if f.Resource != "module.open.aws_lambda_function.f" {
			t.Errorf("resource = %s, want module.open.aws_lambda_function.f", f.Resource)
		}
		if len(f.Instances) != 1 || f.Instances[0] != "module.open.aws_lambda_function.f" {
			t.Errorf("instances = %v, want [module.open.aws_lambda_function.f]", f.Instances)
		}
		if f.Severity != lint.High {
			t.Errorf("severity = %s, want high", f.Severity)
		}
		if f.Range.Filename != "modules/fn/main.tf" {
			t.Errorf("range in %s, want modules/fn/main.tf", f.Range.Filename)
		}
	})
	t.Run("mixed severity", func(t *testing.T) {
		res := analyzeSPW201(t, map[string]string{
			"main.tf": `
module "private" {
  source = "./modules/fn"
  name   = "private"
}
module "public" {
  source = "./modules/fn"
  name   = "public"
  auth   = "NONE"
}
`,
			"modules/fn/main.tf": mod,
		})
		got := map[string]lint.Severity{}
		for _, f := range res.Findings {
			got[f.Resource] = f.Severity
		}
		want := map[string]lint.Severity{
			"module.private.aws_lambda_function.f": lint.Medium,
			"module.public.aws_lambda_function.f":  lint.High,
		}
		if len(got) != len(want) {
			t.Fatalf("findings %v, want %v", got, want)
		}
		for r, s := range want {
			if got[r] != s {
				t.Errorf("%s: severity %s, want %s", r, got[r], s)
			}
		}
	})
	t.Run("for_each", func(t *testing.T) {
		res := analyzeSPW201(t, map[string]string{
			"main.tf": `
resource "aws_lambda_function" "f" {
  for_each = {
    a = { reserved = 5 }
    b = { reserved = -1 }
    c = { reserved = null }
  }
  function_name                  = each.key
  reserved_concurrent_executions = each.value.reserved
}
`,
		})
		if len(res.Findings) != 1 {
			t.Fatalf("got %d findings, want 1: %+v", len(res.Findings), res.Findings)
		}
		f := res.Findings[0]
		if strings.Join(f.Instances, " ") != `aws_lambda_function.f["b"] aws_lambda_function.f["c"]` {
			t.Errorf("instances = %v, want f[\"b\"] and f[\"c\"]", f.Instances)
		}
		if f.Severity != lint.Low {
			t.Errorf("severity = %s, want low (no trigger)", f.Severity)
		}
	})
}

// TestSPW201UndeterminedNamesUnknown checks that an undetermined check
// names the unknown expression, in the root module and in a module
// instance that receives it.
func TestSPW201UndeterminedNamesUnknown(t *testing.T) {
	res := analyzeSPW201(t, map[string]string{
		"main.tf": `
variable "reserved" {
  type = number
}
resource "aws_lambda_function" "f" {
  function_name                  = "f"
  reserved_concurrent_executions = var.reserved
}
module "m" {
  source   = "./modules/fn"
  reserved = var.reserved
}
`,
		"modules/fn/main.tf": `
variable "reserved" {
  type = number
}
resource "aws_lambda_function" "f" {
  function_name                  = "g"
  reserved_concurrent_executions = var.reserved
}
`,
	})
	if len(res.Findings) != 0 {
		t.Errorf("unexpected findings: %+v", res.Findings)
	}
	got := map[string]string{}
	for _, u := range res.Undetermined {
		got[u.Resource] = u.Unknown
	}
	for _, r := range []string{"aws_lambda_function.f", "module.m.aws_lambda_function.f"} {
		if got[r] != "var.reserved" {
			t.Errorf("%s: unknown %q, want var.reserved (all: %v)", r, got[r], got)
		}
	}
}

// TestTopologyOptionsOf checks that the price and limit settings reach
// the capacity figures: 2000 x 128/1024 GB x 3600 s at 10,000,000
// pico-dollars per GB-second is $9, plus 2000/3 rps x 3600 requests at
// 1,000,000 pico-dollars is $2.40.
func TestTopologyOptionsOf(t *testing.T) {
	opts := rules.TopologyOptionsOf(lint.Settings{
		"account_concurrency_limit":      2000,
		"price_gb_second_x86_64_picousd": 10_000_000,
		"price_request_picousd":          1_000_000,
	})
	if opts.AccountLimit != 2000 || opts.Pricing.GBSecondX86 != 10_000_000 || opts.Pricing.GBSecondARM != 13_333_400 || opts.Pricing.Request != 1_000_000 {
		t.Fatalf("options = %+v", opts)
	}
	graphs, _, err := checker.Graphs(context.Background(), fstest.MapFS{"main.tf": {Data: []byte(spw201Fn)}}, checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := graphs["."]
	c := g.FunctionCapacity(g.Functions[0], opts)
	if c.Concurrency != 2000 || math.Abs(c.CostPerHourUSD-11.4) > 1e-9 {
		t.Errorf("capacity = %+v, want 2000 executions and $11.40 an hour", c)
	}
}
