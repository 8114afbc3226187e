package cli

import (
	"strings"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/lint"
)

// buildTopology is the one seam between the renderings (spillway graph,
// the markdown report) and the exposure and capacity analysis of package
// graph: it returns how the checker builds a root module's topology,
// given the scan's settings (the account concurrency limit and the
// prices of .spillway.hcl).
//
// Until Graph.Topology lands (issue 14 items 1 and 2) it returns
// provisionalTopology. Once it has, the body becomes
//
//	return func(g *graph.Graph) *graph.Topology {
//		return g.Topology(graph.TopologyOptions{ /* from settings */ })
//	}
//
// and provisionalTopology is deleted.
func buildTopology(settings lint.Settings) checker.TopologyFunc {
	_ = settings
	return provisionalTopology
}

// provisionalTopology is a stand-in for Graph.Topology: the functions and
// the resources that trigger them, with every exposure undetermined and
// every capacity unknown. It guesses nothing, so renderings of it are
// true, only incomplete.
func provisionalTopology(g *graph.Graph) *graph.Topology {
	t := &graph.Topology{Root: g.Root}
	nodes := map[string]*graph.Node{}
	add := func(r *graph.Resource, kind string) {
		if _, ok := nodes[r.Addr]; ok {
			return
		}
		n := &graph.Node{ID: r.Addr, Kind: kind, Why: "exposure not analyzed yet", File: r.DeclRange.Filename, Line: r.DeclRange.Start.Line}
		if kind == "function" {
			n.Capacity = &graph.Capacity{}
		}
		nodes[r.Addr] = n
		t.Nodes = append(t.Nodes, n)
	}
	edges := map[graph.Edge]bool{}
	for _, f := range g.Functions {
		add(f.Resource, "function")
	}
	for _, f := range g.Functions {
		for _, tr := range f.Triggers {
			src := tr.Source
			if tr.Kind == graph.Poll {
				for _, m := range g.Mappings {
					if m.Resource == src && m.Queue != nil {
						src = m.Queue.Resource
					} else if m.Resource == src && m.Stream != nil {
						src = m.Stream
					}
				}
			}
			if src == nil || src == f.Resource || src.Type == "aws_lambda_permission" {
				// A permission allows a trigger; the trigger is the source.
				continue
			}
			add(src, provisionalKind(src.Type))
			e := graph.Edge{From: src.Addr, To: f.Addr, Invocation: provisionalInvocation(tr.Kind)}
			if !edges[e] {
				edges[e] = true
				t.Edges = append(t.Edges, &e)
			}
		}
		for _, in := range f.Integrations {
			add(in.Resource, "api")
			e := graph.Edge{From: in.Addr, To: f.Addr, Invocation: graph.InvokeSync}
			if !edges[e] {
				edges[e] = true
				t.Edges = append(t.Edges, &e)
			}
		}
	}
	return t
}

func provisionalInvocation(k graph.TriggerKind) graph.Invocation {
	switch k {
	case graph.Async:
		return graph.InvokeAsync
	case graph.Poll:
		return graph.InvokePoll
	case graph.SyncPublic, graph.SyncInternal:
		return graph.InvokeSync
	}
	return graph.InvokeSync
}

// provisionalKind is the topology kind of a resource type.
func provisionalKind(typ string) string {
	switch {
	case typ == "aws_sqs_queue":
		return "queue"
	case strings.HasPrefix(typ, "aws_sns_"):
		return "topic"
	case strings.HasPrefix(typ, "aws_kinesis_"):
		return "stream"
	case strings.HasPrefix(typ, "aws_dynamodb_"):
		return "table"
	case strings.HasPrefix(typ, "aws_s3_"):
		return "bucket"
	case typ == "aws_lambda_function_url":
		return "url"
	case strings.HasPrefix(typ, "aws_api_gateway_"), strings.HasPrefix(typ, "aws_apigatewayv2_"), strings.HasPrefix(typ, "aws_appsync_"):
		return "api"
	case strings.HasPrefix(typ, "aws_cognito_"):
		return "user_pool"
	case strings.HasPrefix(typ, "aws_lb"), strings.HasPrefix(typ, "aws_alb"):
		return "load_balancer"
	case strings.HasPrefix(typ, "aws_cloudfront_"):
		return "distribution"
	case strings.HasPrefix(typ, "aws_scheduler_"):
		return "schedule"
	}
	return "rule"
}
