package graph_test

import (
	"math"
	"testing"

	"github.com/spillway-iac/spillway/graph"
)

// edge returns the topology edge from one node to another.
func edge(t *testing.T, top *graph.Topology, from, to string) *graph.Edge {
	t.Helper()
	for _, e := range top.Edges {
		if e.From == from && e.To == to {
			return e
		}
	}
	t.Fatalf("no edge %s -> %s in %+v", from, to, top.Edges)
	return nil
}

func node(t *testing.T, top *graph.Topology, id string) *graph.Node {
	t.Helper()
	for _, n := range top.Nodes {
		if n.ID == id {
			return n
		}
	}
	t.Fatalf("no node %s", id)
	return nil
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// TestCapacityIssueExample is the issue's example: a 5-minute function
// sharing the default account pool of 1000, reading a 4-day queue
// without a DLQ, loses messages once 1000 x 345,600 / 300 = 1,152,000
// arrive at once.
func TestCapacityIssueExample(t *testing.T) {
	g := build(t, `
resource "aws_sqs_queue" "q" { name = "q" }
resource "aws_lambda_function" "f" {
  function_name = "f"
  timeout       = 300
}
resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.arn
}`)
	top := g.Topology(graph.TopologyOptions{})
	c := node(t, top, "aws_lambda_function.f").Capacity
	if !c.Known || c.Pool != "shared" || c.Concurrency != 1000 || c.TimeoutS != 300 {
		t.Fatalf("capacity = %+v", c)
	}
	// 1000 / 300 slow requests per second hold every execution.
	if !near(c.SaturationRPS, 1000.0/300) {
		t.Errorf("saturation = %v, want 3.333", c.SaturationRPS)
	}
	// 1000 x 128/1024 GB x 3600 s x $0.0000166667 = $7.500015, plus
	// 3.333 x 3600 requests x $0.0000002 = $0.0024.
	if !near(c.CostPerHourUSD, 7.500015+0.0024) {
		t.Errorf("cost = %v, want 7.502415", c.CostPerHourUSD)
	}
	e := edge(t, top, "aws_sqs_queue.q", "aws_lambda_function.f")
	if e.Invocation != graph.InvokePoll || e.Loss == nil || e.Loss.HorizonS != 345_600 || e.Loss.RequestsToLoss != 1_152_000 {
		t.Errorf("edge = %+v loss %+v, want poll, 345600 s, 1152000", e, e.Loss)
	}
}

// TestCapacityFormulas checks each formula against hand computation.
func TestCapacityFormulas(t *testing.T) {
	t.Run("reserved arm64 async", func(t *testing.T) {
		g := build(t, `
resource "aws_lambda_function" "f" {
  function_name                  = "f"
  reserved_concurrent_executions = 50
  timeout                        = 10
  memory_size                    = 1024
  architectures                  = ["arm64"]
}
resource "aws_sns_topic" "t" { name = "t" }
resource "aws_sns_topic_subscription" "s" {
  topic_arn = aws_sns_topic.t.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.f.arn
}`)
		top := g.Topology(graph.TopologyOptions{})
		c := node(t, top, "aws_lambda_function.f").Capacity
		// 50 / 10 = 5 rps; 50 x 1 GB x 3600 x $0.0000133334 = $2.400012,
		// plus 5 x 3600 x $0.0000002 = $0.0036.
		if c.Pool != "reserved" || c.Concurrency != 50 || !near(c.SaturationRPS, 5) || !near(c.CostPerHourUSD, 2.400012+0.0036) {
			t.Errorf("capacity = %+v", c)
		}
		// 50 x 21,600 / 10 = 108,000.
		e := edge(t, top, "aws_sns_topic.t", "aws_lambda_function.f")
		if e.Invocation != graph.InvokeAsync || e.Loss == nil || e.Loss.HorizonS != 21_600 || e.Loss.RequestsToLoss != 108_000 {
			t.Errorf("loss = %+v", e.Loss)
		}
	})
	t.Run("event age and destination", func(t *testing.T) {
		g := build(t, `
resource "aws_lambda_function" "f" {
  function_name                  = "f"
  reserved_concurrent_executions = 50
  timeout                        = 10
}
resource "aws_lambda_function_event_invoke_config" "c" {
  function_name                = aws_lambda_function.f.function_name
  maximum_event_age_in_seconds = 3600
}
resource "aws_lambda_function" "g" { function_name = "g" }
resource "aws_sqs_queue" "dlq" { name = "dlq" }
resource "aws_lambda_function_event_invoke_config" "d" {
  function_name = aws_lambda_function.g.function_name
  destination_config {
    on_failure { destination = aws_sqs_queue.dlq.arn }
  }
}
resource "aws_s3_bucket" "b" { bucket = "b" }
resource "aws_s3_bucket_notification" "n" {
  bucket = aws_s3_bucket.b.id
  lambda_function {
    lambda_function_arn = aws_lambda_function.f.arn
    events              = ["s3:ObjectCreated:*"]
  }
  lambda_function {
    lambda_function_arn = aws_lambda_function.g.arn
    events              = ["s3:ObjectRemoved:*"]
  }
}`)
		top := g.Topology(graph.TopologyOptions{})
		// 50 x 3600 / 10 = 18,000.
		if l := edge(t, top, "aws_s3_bucket.b", "aws_lambda_function.f").Loss; l == nil || l.HorizonS != 3600 || l.RequestsToLoss != 18_000 {
			t.Errorf("loss = %+v, want 3600 s, 18000", l)
		}
		if l := edge(t, top, "aws_s3_bucket.b", "aws_lambda_function.g").Loss; l == nil || l.ProtectedBy != "aws_sqs_queue.dlq" {
			t.Errorf("loss = %+v, want protected by aws_sqs_queue.dlq", l)
		}
	})
	t.Run("unreserved pool and mapping cap", func(t *testing.T) {
		g := build(t, `
resource "aws_lambda_function" "big" {
  function_name                  = "big"
  reserved_concurrent_executions = 300
}
resource "aws_lambda_function" "f" {
  function_name = "f"
  timeout       = 30
}
resource "aws_lambda_function" "h" { function_name = "h" }
resource "aws_sqs_queue" "q" { name = "q" }
resource "aws_sqs_queue" "dlq" { name = "dlq" }
resource "aws_sqs_queue" "r" {
  name           = "r"
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn, maxReceiveCount = 5 })
}
resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.f.arn
  scaling_config { maximum_concurrency = 5 }
}
resource "aws_lambda_event_source_mapping" "r" {
  event_source_arn = aws_sqs_queue.r.arn
  function_name    = aws_lambda_function.h.arn
}`)
		top := g.Topology(graph.TopologyOptions{AccountLimit: 1000})
		// The pool is 1000 - 300 = 700; h uses it all.
		if c := node(t, top, "aws_lambda_function.h").Capacity; c.Pool != "shared" || c.Concurrency != 700 || !near(c.SaturationRPS, 700.0/3) {
			t.Errorf("h capacity = %+v", c)
		}
		// f is bounded by its mapping's 5: 5 / 30 rps; 5 x 345,600 / 30 = 57,600.
		if c := node(t, top, "aws_lambda_function.f").Capacity; c.Concurrency != 5 || !near(c.SaturationRPS, 5.0/30) {
			t.Errorf("f capacity = %+v", c)
		}
		if l := edge(t, top, "aws_sqs_queue.q", "aws_lambda_function.f").Loss; l == nil || l.RequestsToLoss != 57_600 {
			t.Errorf("loss = %+v, want 57600", l)
		}
		if l := edge(t, top, "aws_sqs_queue.r", "aws_lambda_function.h").Loss; l == nil || l.ProtectedBy != "aws_sqs_queue.dlq" {
			t.Errorf("loss = %+v, want protected by the DLQ", l)
		}
		// At least 100 stay unreserved.
		if n := g.UnreservedPool(350); n.N != 100 {
			t.Errorf("pool of 350 - 300 = %d, want the floor 100", n.N)
		}
	})
	t.Run("stream", func(t *testing.T) {
		g := build(t, `
resource "aws_lambda_function" "f" { function_name = "f" }
resource "aws_lambda_function" "g" { function_name = "g" }
resource "aws_kinesis_stream" "s" {
  name             = "s"
  shard_count      = 1
  retention_period = 48
}
resource "aws_sqs_queue" "dlq" { name = "dlq" }
resource "aws_lambda_event_source_mapping" "f" {
  event_source_arn  = aws_kinesis_stream.s.arn
  function_name     = aws_lambda_function.f.arn
  starting_position = "LATEST"
}
resource "aws_lambda_event_source_mapping" "g" {
  event_source_arn               = aws_kinesis_stream.s.arn
  function_name                  = aws_lambda_function.g.arn
  starting_position              = "LATEST"
  bisect_batch_on_function_error = true
  maximum_retry_attempts         = 3
  destination_config {
    on_failure { destination_arn = aws_sqs_queue.dlq.arn }
  }
}`)
		top := g.Topology(graph.TopologyOptions{})
		if l := edge(t, top, "aws_kinesis_stream.s", "aws_lambda_function.f").Loss; l == nil || l.RequestsToLoss != 1 || l.HorizonS != 48*3600 {
			t.Errorf("loss = %+v, want 1 record blocks the shard for 172800 s", l)
		}
		if l := edge(t, top, "aws_kinesis_stream.s", "aws_lambda_function.g").Loss; l == nil || l.ProtectedBy != "aws_sqs_queue.dlq" {
			t.Errorf("loss = %+v, want protected by the destination", l)
		}
	})
	t.Run("stage throttle", func(t *testing.T) {
		g := build(t, `
resource "aws_lambda_function" "f" { function_name = "f" }
resource "aws_apigatewayv2_api" "h" {
  name          = "h"
  protocol_type = "HTTP"
}
resource "aws_apigatewayv2_stage" "s" {
  api_id = aws_apigatewayv2_api.h.id
  name   = "$default"
  default_route_settings {
    throttling_rate_limit  = 10
    throttling_burst_limit = 20
  }
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
}`)
		top := g.Topology(graph.TopologyOptions{})
		// 10 rps < 1000 / 3.
		e := edge(t, top, "aws_apigatewayv2_api.h", "aws_lambda_function.f")
		if e.Invocation != graph.InvokeSync || e.Loss == nil || e.Loss.ProtectedBy != "aws_apigatewayv2_stage.s" {
			t.Errorf("edge = %+v loss %+v", e, e.Loss)
		}
		n := node(t, top, "aws_apigatewayv2_api.h")
		if n.Kind != "api" || n.Exposure != graph.ExposurePublic {
			t.Errorf("node = %+v", n)
		}
	})
	t.Run("unknown reservation", func(t *testing.T) {
		g := build(t, `
variable "r" { type = number }
resource "aws_lambda_function" "f" {
  function_name                  = "f"
  reserved_concurrent_executions = var.r
}
resource "aws_lambda_function" "g" { function_name = "g" }`)
		top := g.Topology(graph.TopologyOptions{})
		for _, id := range []string{"aws_lambda_function.f", "aws_lambda_function.g"} {
			if c := node(t, top, id).Capacity; c.Known {
				t.Errorf("%s: capacity %+v, want unknown", id, c)
			}
		}
	})
}

// TestTopologyPublicPath checks the nodes, edges and their order for API
// -> function -> queue -> function.
func TestTopologyPublicPath(t *testing.T) {
	g := build(t, exposureFn+publicWriter+`
resource "aws_lambda_function" "api" {
  function_name = "api"
  environment {
    variables = { QUEUE_URL = aws_sqs_queue.q.url }
  }
}`)
	top := g.Topology(graph.TopologyOptions{})
	var got []string
	for _, e := range top.Edges {
		got = append(got, e.From+" -"+string(e.Invocation)+"-> "+e.To)
	}
	want := []string{
		"aws_lambda_function.api -send-> aws_sqs_queue.q",
		"aws_lambda_function_url.u -sync-> aws_lambda_function.api",
		"aws_sqs_queue.q -poll-> aws_lambda_function.f",
	}
	if len(got) != len(want) {
		t.Fatalf("edges = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("edge %d = %q, want %q", i, got[i], want[i])
		}
	}
	for id, want := range map[string]graph.Exposure{
		"aws_lambda_function.api":   graph.ExposurePublic,
		"aws_lambda_function.f":     graph.ExposurePublic,
		"aws_sqs_queue.q":           graph.ExposurePublic,
		"aws_lambda_function_url.u": graph.ExposurePublic,
	} {
		if n := node(t, top, id); n.Exposure != want {
			t.Errorf("%s: %s (%s), want %s", id, n.Exposure, n.Why, want)
		}
	}
	for i := 1; i < len(top.Nodes); i++ {
		if graph.CompareAddr(top.Nodes[i-1].ID, top.Nodes[i].ID) >= 0 {
			t.Errorf("nodes not sorted: %s before %s", top.Nodes[i-1].ID, top.Nodes[i].ID)
		}
	}
}
