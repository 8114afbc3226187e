package checker

import (
	"context"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/report"
)

// TopologyFunc builds the exposure and capacity picture of one root
// module from its graph (spillway graph, the markdown report).
type TopologyFunc func(g *graph.Graph) *graph.Topology

// RunTopologies is Run, and it also builds the topology of every root
// module with build and returns them in res.Topologies, sorted by root.
// Each topology is built in the worker that analyzes its root, from the
// root's graph before the rules run, so it shares the scan's evaluation
// and the findings of res are the ones its nodes are marked with. A root
// module whose analysis timed out or failed has no topology: what it
// would show is incomplete. A topology without a Root gets the root
// module's name.
func RunTopologies(ctx context.Context, opts Options, build TopologyFunc) (*report.Result, error) {
	d := newDriver(ctx, opts)
	built := map[string]*graph.Topology{}
	d.onGraph = func(name string, g *graph.Graph) {
		t := build(g)
		if t == nil {
			return
		}
		if t.Root == "" {
			t.Root = name
		}
		d.mu.Lock()
		built[name] = t
		d.mu.Unlock()
	}
	res, err := d.runPaths()
	if err != nil {
		return nil, err
	}
	failed := map[string]bool{}
	for _, dg := range res.Errors() {
		if dg.Subject != nil && (dg.Summary == SummaryTimedOut || dg.Summary == SummaryInternalError) {
			failed[dg.Subject.Filename] = true
		}
	}
	for _, root := range res.Roots {
		if t, ok := built[root]; ok && !failed[root] {
			res.Topologies = append(res.Topologies, t)
		}
	}
	return res, nil
}

// SummaryTimedOut is the summary of the error that replaces the result of
// a root module whose analysis passed Options.RootTimeout.
const SummaryTimedOut = "Analysis timed out"
