package graph_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/internal/checker"
)

// build returns the graph of a root module made of one main.tf, built by
// the pipeline a scan runs.
func build(t *testing.T, src string) *graph.Graph {
	t.Helper()
	graphs, diags, err := checker.Graphs(context.Background(), fstest.MapFS{"main.tf": {Data: []byte(src)}}, checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	g := graphs["."]
	if g == nil {
		t.Fatalf("no graph of the root module; graphs: %v", graphs)
	}
	return g
}

// TestRedrivePolicySpellings: the same redrive policy written in each form
// the spec lists decodes to the same DLQ and maxReceiveCount.
func TestRedrivePolicySpellings(t *testing.T) {
	g := build(t, `
variable "n" { default = 7 }
data "aws_caller_identity" "me" {}

resource "aws_sqs_queue" "dlq" { name = "dlq" }

resource "aws_sqs_queue" "encoded" {
  name = "encoded"
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 7 })
}

resource "aws_sqs_queue" "heredoc" {
  name = "heredoc"
  redrive_policy = <<EOT
{
  "deadLetterTargetArn": "${aws_sqs_queue.dlq.arn}",
  "maxReceiveCount": ${var.n}
}
EOT
}

resource "aws_sqs_queue" "quoted" {
  name           = "quoted"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:${data.aws_caller_identity.me.account_id}:dlq\",\"maxReceiveCount\":\"7\"}"
}

resource "aws_sqs_queue" "literal" {
  name           = "literal"
  redrive_policy = "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:dlq\",\"maxReceiveCount\":7}"
}

resource "aws_sqs_queue" "separate" { name = "separate" }

resource "aws_sqs_queue_redrive_policy" "separate" {
  queue_url      = aws_sqs_queue.separate.id
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 7 })
}
`)
	seen := 0
	for _, q := range g.Queues {
		if q.Name == "dlq" {
			if len(q.Sources) != 5 {
				t.Errorf("the DLQ has %d sources, want 5", len(q.Sources))
			}
			continue
		}
		seen++
		if q.Redrive == nil {
			t.Errorf("%s: no redrive policy", q.Addr)
			continue
		}
		if n, ok := q.Redrive.MaxReceiveCount.Int(); !ok || n != 7 {
			t.Errorf("%s: maxReceiveCount %v (known %v), want 7", q.Addr, n, ok)
		}
		if q.Redrive.DLQ == nil || q.Redrive.DLQ.Addr != "aws_sqs_queue.dlq" {
			t.Errorf("%s: DLQ %v, want aws_sqs_queue.dlq", q.Addr, q.Redrive.DLQ)
		}
		wantHolder := q.Addr
		if q.Name == "separate" {
			wantHolder = "aws_sqs_queue_redrive_policy.separate"
		}
		if q.Redrive.Holder.Addr != wantHolder {
			t.Errorf("%s: holder %s, want %s", q.Addr, q.Redrive.Holder.Addr, wantHolder)
		}
	}
	if seen != 5 {
		t.Errorf("saw %d source queues, want 5", seen)
	}
}

// TestFunctionReferences: a function is found by reference, alias, literal
// ARN, API Gateway invocation ARN and literal name; an unknown reference
// stays unresolved and a foreign name is external.
func TestFunctionReferences(t *testing.T) {
	g := build(t, `
variable "fn" {}

resource "aws_lambda_function" "f" { function_name = "orders" }

resource "aws_lambda_alias" "live" {
  name          = "live"
  function_name = aws_lambda_function.f.function_name
}

resource "aws_lambda_permission" "p" {
  for_each = {
    ref     = aws_lambda_function.f.arn
    alias   = aws_lambda_alias.live.arn
    arn     = "arn:aws:lambda:eu-west-1:123456789012:function:orders:live"
    apigw   = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders/invocations"
    name    = "orders"
    foreign = "payments"
    unknown = var.fn
  }
  function_name = each.value
  principal     = "s3.amazonaws.com"
}
`)
	want := map[string]string{"ref": "f", "alias": "f", "arn": "f", "apigw": "f", "name": "f", "foreign": "external", "unknown": "unknown"}
	for _, p := range g.Resources("aws_lambda_permission") {
		fn, target := g.ResolveFunction(p.Attr("function_name"))
		got := "?"
		switch {
		case fn != nil:
			got = fn.Name
		case target.External:
			got = "external"
		case target.Unresolved():
			got = "unknown"
		}
		key := p.Addr[len(`aws_lambda_permission.p["`) : len(p.Addr)-2]
		if got != want[key] {
			t.Errorf("%s resolves to %s, want %s", p.Addr, got, want[key])
		}
	}
	if n := len(g.Functions[0].TriggersOf(graph.Async)); n != 5 {
		t.Errorf("the function has %d asynchronous triggers, want 5", n)
	}
}
