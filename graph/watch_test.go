package graph_test

import (
	"testing"

	"github.com/spillway-iac/spillway/graph"
)

// TestWatches checks the alarm-to-metric index: per-resource dimensions,
// account-wide alarms, metric_query blocks and unknowns.
func TestWatches(t *testing.T) {
	g := build(t, `
variable "metric" { type = string }

resource "aws_lambda_function" "a" { function_name = "a" }
resource "aws_lambda_function" "b" { function_name = "b" }
resource "aws_sqs_queue" "dlq" { name = "dlq" }

resource "aws_cloudwatch_metric_alarm" "errors_a" {
  namespace   = "AWS/Lambda"
  metric_name = "Errors"
  dimensions  = { FunctionName = aws_lambda_function.a.function_name }
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  namespace   = "AWS/Lambda"
  metric_name = "Throttles"
}

resource "aws_cloudwatch_metric_alarm" "depth" {
  metric_query {
    id = "m"
    metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateNumberOfMessagesVisible"
      dimensions  = { QueueName = "dlq" }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "open" {
  namespace   = "AWS/Lambda"
  metric_name = var.metric
  dimensions  = { FunctionName = "b" }
}
`)
	a, b := g.Functions[0], g.Functions[1]
	cases := []struct {
		name string
		got  graph.Fact
		want graph.Fact
	}{
		{"errors of a", g.WatchesFunction("AWS/Lambda", "Errors", a), graph.Yes()},
		{"errors of b", g.WatchesFunction("AWS/Lambda", "Errors", b), graph.Maybe("var.metric")},
		{"throttles account-wide", g.WatchesFunction("AWS/Lambda", "Throttles", b), graph.Yes()},
		{"duration of a", g.WatchesFunction("AWS/Lambda", "Duration", a), graph.No()},
		{"queue depth by name", g.WatchesQueue("AWS/SQS", "ApproximateNumberOfMessagesVisible", g.Queues[0]), graph.Yes()},
		{"any concurrency", g.WatchesAny("AWS/Lambda", "ConcurrentExecutions"), graph.Maybe("var.metric")},
		{"billing", g.WatchesAny("AWS/Billing", "EstimatedCharges"), graph.No()},
		{"unresolved function", g.WatchesAnyFunction("AWS/Lambda", "Errors", graph.Target{Why: "var.fn"}), graph.Maybe("var.fn")},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, c.got, c.want)
		}
	}
}

// TestIntegrationInvokes checks that an integration of unknown type
// leaves open whether it invokes its function.
func TestIntegrationInvokes(t *testing.T) {
	g := build(t, `
variable "type" { type = string }
resource "aws_lambda_function" "f" { function_name = "f" }
resource "aws_api_gateway_integration" "known" {
  type = "AWS_PROXY"
  uri  = aws_lambda_function.f.invoke_arn
}
resource "aws_api_gateway_integration" "open" {
  type = var.type
  uri  = aws_lambda_function.f.invoke_arn
}
`)
	f := g.Functions[0]
	if len(f.Integrations) != 1 || !f.Integrations[0].Invokes().True() {
		t.Errorf("known integration: %+v", f.Integrations)
	}
	if len(f.MaybeIntegrations) != 1 || f.MaybeIntegrations[0].Invokes() != graph.Maybe("var.type") {
		t.Errorf("integration of unknown type: %+v", f.MaybeIntegrations)
	}
}

// TestDeadLetterUse checks the users of a dead-letter queue and an
// unresolved reference that may name one.
func TestDeadLetterUse(t *testing.T) {
	g := build(t, `
variable "dlq_arn" { type = string }
resource "aws_sqs_queue" "dlq" { name = "dlq" }
resource "aws_sqs_queue" "src" {
  name           = "src"
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 5 })
}
resource "aws_lambda_function" "f" {
  function_name = "f"
  dead_letter_config { target_arn = var.dlq_arn }
}
`)
	for _, q := range g.Queues {
		users, used := g.DeadLetterUse(q)
		switch q.Name {
		case "dlq":
			if len(users) != 1 || users[0].Addr != "aws_sqs_queue.src" || !used.True() {
				t.Errorf("dlq: users %v, used %+v", users, used)
			}
		case "src":
			if len(users) != 0 || used != graph.Maybe("var.dlq_arn") {
				t.Errorf("src: users %v, used %+v", users, used)
			}
		}
	}
}
