package checker_test

import (
	"context"
	"testing"
	"time"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// TestRunTopologies: every root module gets the topology its graph
// builds, named after the root when the builder leaves Root empty, sorted
// by root; the findings are the scan's; a root whose analysis timed out
// or panicked has none.
func TestRunTopologies(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"b/main.tf":     okModule,
		"a/main.tf":     okModule,
		"slow/main.tf":  slowModule,
		"panic/main.tf": okModule,
	})
	build := func(g *graph.Graph) *graph.Topology {
		if g.Root == "panic" {
			panic("builder failed")
		}
		t := &graph.Topology{}
		for _, f := range g.Functions {
			t.Nodes = append(t.Nodes, &graph.Node{ID: f.Addr, Kind: "function"})
		}
		return t
	}
	res, err := checker.RunTopologies(context.Background(), checker.Options{
		Paths: []string{"."}, Cwd: dir,
		Rules: []*lint.Rule{rules.SPW201}, Eval: unlimited, Jobs: 2, RootTimeout: time.Second,
	}, build)
	if err != nil {
		t.Fatal(err)
	}
	var roots []string
	for _, tp := range res.Topologies {
		roots = append(roots, tp.Root)
		if len(tp.Nodes) != 1 || tp.Nodes[0].ID != "aws_lambda_function.ok" {
			t.Errorf("topology of %s: nodes %+v", tp.Root, tp.Nodes)
		}
	}
	if got := len(roots); got != 2 || roots[0] != "a" || roots[1] != "b" {
		t.Errorf("topologies of %q, want a and b (slow timed out, panic failed)", roots)
	}
	got := map[string]bool{}
	for _, e := range errorsOf(res) {
		got[e] = true
	}
	if !got["slow: "+checker.SummaryTimedOut] || !got["panic: "+checker.SummaryInternalError] || len(got) != 2 {
		t.Errorf("errors %v, want slow's timeout and panic's internal error", got)
	}
	findings := 0
	for _, f := range res.Findings {
		if f.RuleID == "SPW201" {
			findings++
		}
	}
	if findings != 2 {
		t.Errorf("%d SPW201 findings, want 2 (a and b)", findings)
	}
}
