package cli

import (
	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// buildTopology is the one seam between the renderings (spillway graph,
// the markdown report) and the exposure and capacity analysis of package
// graph: it returns how the checker builds a root module's topology,
// given the scan's settings (the account concurrency limit and the
// prices of .spillway.hcl, read as SPW201 reads them).
func buildTopology(settings lint.Settings) checker.TopologyFunc {
	opts := rules.TopologyOptionsOf(settings)
	return func(g *graph.Graph) *graph.Topology { return g.Topology(opts) }
}
