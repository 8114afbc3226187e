package rules

import (
	"sort"

	"github.com/spillway-iac/spillway/graph"
)

// firstFunction returns the root module's first function in address
// order, the anchor of the account-wide monitoring rules.
func firstFunction(g *graph.Graph) *graph.Function {
	fns := make([]*graph.Function, 0, len(g.Functions))
	for _, f := range g.Functions {
		if !f.Uncertain {
			fns = append(fns, f)
		}
	}
	if len(fns) == 0 {
		return nil
	}
	sort.SliceStable(fns, func(i, j int) bool { return graph.CompareAddr(fns[i].Addr, fns[j].Addr) < 0 })
	return fns[0]
}
