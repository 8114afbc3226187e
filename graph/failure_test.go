package graph_test

import (
	"testing"

	"github.com/spillway-iac/spillway/graph"
)

func functionNamed(t *testing.T, g *graph.Graph, addr string) *graph.Function {
	t.Helper()
	for _, f := range g.Functions {
		if f.Addr == addr {
			return f
		}
	}
	t.Fatalf("no function %s", addr)
	return nil
}

func queueNamed(t *testing.T, g *graph.Graph, addr string) *graph.Queue {
	t.Helper()
	for _, q := range g.Queues {
		if q.Addr == addr {
			return q
		}
	}
	t.Fatalf("no queue %s", addr)
	return nil
}

// TestFailureDestination: a dead_letter_config, an invoke config for the
// function, or one whose function is unknown decide the fact.
func TestFailureDestination(t *testing.T) {
	t.Parallel()
	g := build(t, `
variable "target" {}
variable "fn" {}
resource "aws_sqs_queue" "dlq" { name = "dlq" }
resource "aws_lambda_function" "dlc" {
  function_name = "dlc"
  dead_letter_config { target_arn = aws_sqs_queue.dlq.arn }
}
resource "aws_lambda_function" "ic" { function_name = "ic" }
resource "aws_lambda_function_event_invoke_config" "ic" {
  function_name = aws_lambda_function.ic.function_name
  destination_config {
    on_failure { destination = aws_sqs_queue.dlq.arn }
  }
}
resource "aws_lambda_function" "var" {
  function_name = "var"
  dead_letter_config { target_arn = var.target }
}
resource "aws_lambda_function" "none" { function_name = "none" }
`)
	tests := []struct {
		fn   string
		want graph.Fact
	}{
		{"aws_lambda_function.dlc", graph.Yes()},
		{"aws_lambda_function.ic", graph.Yes()},
		{"aws_lambda_function.var", graph.Maybe("var.target")},
		{"aws_lambda_function.none", graph.No()},
	}
	for _, tt := range tests {
		if got := g.FailureDestination(functionNamed(t, g, tt.fn)); got != tt.want {
			t.Errorf("FailureDestination(%s) = %+v, want %+v", tt.fn, got, tt.want)
		}
	}
	dlq := queueNamed(t, g, "aws_sqs_queue.dlq")
	if len(dlq.DeadLetterFor) != 2 {
		t.Errorf("the DLQ is used by %d resources, want 2", len(dlq.DeadLetterFor))
	}
	if len(g.UnresolvedDLQ) != 1 || g.UnresolvedDLQ[0].Why != "var.target" || g.UnresolvedDLQ[0].Resource.Addr != "aws_lambda_function.var" {
		t.Errorf("UnresolvedDLQ = %+v, want var.target of aws_lambda_function.var", g.UnresolvedDLQ)
	}

	g = build(t, `
variable "fn" {}
resource "aws_lambda_function" "f" { function_name = "f" }
resource "aws_lambda_function_event_invoke_config" "any" {
  function_name = var.fn
  destination_config {
    on_failure { destination = "arn:aws:sqs:eu-west-1:123456789012:dlq" }
  }
}
`)
	if got := g.FailureDestination(functionNamed(t, g, "aws_lambda_function.f")); got != graph.Maybe("var.fn") {
		t.Errorf("with an invoke config for an unknown function: %+v, want undecided by var.fn", got)
	}
}

// TestHasRedrive: the queue's argument or an aws_sqs_queue_redrive_policy
// for it give it a policy; one for an unknown queue may.
func TestHasRedrive(t *testing.T) {
	t.Parallel()
	g := build(t, `
variable "queue_url" {}
resource "aws_sqs_queue" "dlq" { name = "dlq" }
resource "aws_sqs_queue" "inline" {
  name           = "inline"
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 5 })
}
resource "aws_sqs_queue" "separate" { name = "separate" }
resource "aws_sqs_queue_redrive_policy" "separate" {
  queue_url      = aws_sqs_queue.separate.id
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 5 })
}
`)
	for addr, want := range map[string]graph.Fact{
		"aws_sqs_queue.inline":   graph.Yes(),
		"aws_sqs_queue.separate": graph.Yes(),
		"aws_sqs_queue.dlq":      graph.No(),
	} {
		if got := g.HasRedrive(queueNamed(t, g, addr)); got != want {
			t.Errorf("HasRedrive(%s) = %+v, want %+v", addr, got, want)
		}
	}

	g = build(t, `
variable "queue_url" {}
resource "aws_sqs_queue" "q" { name = "q" }
resource "aws_sqs_queue_redrive_policy" "any" {
  queue_url      = var.queue_url
  redrive_policy = "{}"
}
`)
	if got := g.HasRedrive(queueNamed(t, g, "aws_sqs_queue.q")); got != graph.Maybe("var.queue_url") {
		t.Errorf("with a policy for an unknown queue: %+v, want undecided by var.queue_url", got)
	}
}

// TestMappingSource: IsSQS and IsStream for known and unknown sources.
func TestMappingSource(t *testing.T) {
	t.Parallel()
	g := build(t, `
variable "src" {}
resource "aws_sqs_queue" "q" { name = "q" }
resource "aws_kinesis_stream" "s" { name = "s" }
resource "aws_lambda_event_source_mapping" "sqs" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = "f"
}
resource "aws_lambda_event_source_mapping" "stream" {
  event_source_arn  = aws_kinesis_stream.s.arn
  function_name     = "f"
  starting_position = "LATEST"
}
resource "aws_lambda_event_source_mapping" "unknown_positioned" {
  event_source_arn  = var.src
  function_name     = "f"
  starting_position = "LATEST"
}
resource "aws_lambda_event_source_mapping" "unknown" {
  event_source_arn = var.src
  function_name    = "f"
}
`)
	want := map[string][2]graph.Fact{
		"aws_lambda_event_source_mapping.sqs":                {graph.Yes(), graph.No()},
		"aws_lambda_event_source_mapping.stream":             {graph.No(), graph.Yes()},
		"aws_lambda_event_source_mapping.unknown_positioned": {graph.No(), graph.Maybe("var.src")},
		"aws_lambda_event_source_mapping.unknown":            {graph.Maybe("var.src"), graph.No()},
	}
	for _, m := range g.Mappings {
		w := want[m.Addr]
		if got := m.IsSQS(); got != w[0] {
			t.Errorf("%s: IsSQS = %+v, want %+v", m.Addr, got, w[0])
		}
		if got := m.IsStream(); got != w[1] {
			t.Errorf("%s: IsStream = %+v, want %+v", m.Addr, got, w[1])
		}
	}
}

// TestDeadLetterFIFO: the type of a dead-letter target of this
// configuration, of a literal ARN, and of an unknown value.
func TestDeadLetterFIFO(t *testing.T) {
	t.Parallel()
	g := build(t, `
variable "arn" {}
resource "aws_sqs_queue" "fifo" {
  name       = "q.fifo"
  fifo_queue = true
}
resource "aws_lambda_function" "queue" {
  function_name = "queue"
  dead_letter_config { target_arn = aws_sqs_queue.fifo.arn }
}
resource "aws_lambda_function" "literal" {
  function_name = "literal"
  dead_letter_config { target_arn = "arn:aws:sqs:eu-west-1:123456789012:other" }
}
resource "aws_lambda_function" "var" {
  function_name = "var"
  dead_letter_config { target_arn = var.arn }
}
resource "aws_lambda_function" "topic" {
  function_name = "topic"
  dead_letter_config { target_arn = "arn:aws:sns:eu-west-1:123456789012:t" }
}
`)
	tests := []struct {
		fn   string
		fifo graph.Fact
		name string
		ok   bool
	}{
		{"aws_lambda_function.queue", graph.Yes(), "aws_sqs_queue.fifo", true},
		{"aws_lambda_function.literal", graph.No(), "other", true},
		{"aws_lambda_function.var", graph.Maybe("var.arn"), "", true},
		{"aws_lambda_function.topic", graph.No(), "", false},
	}
	for _, tt := range tests {
		f := functionNamed(t, g, tt.fn)
		if len(f.DeadLetters) != 1 {
			t.Fatalf("%s: %d dead letters, want 1", tt.fn, len(f.DeadLetters))
		}
		fifo, name, ok := f.DeadLetters[0].FIFO()
		if fifo != tt.fifo || name != tt.name || ok != tt.ok {
			t.Errorf("%s: FIFO() = %+v, %q, %v; want %+v, %q, %v", tt.fn, fifo, name, ok, tt.fifo, tt.name, tt.ok)
		}
	}
}
