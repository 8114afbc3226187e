package rules

import (
	"fmt"
	"sort"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// firstFunction returns the root module's first function in address
// order, the anchor of the account-wide monitoring rules. Functions that
// may not exist (an unknown count or for_each) are passed over while one
// that certainly exists follows; when none does, the first of them is
// returned, so that a finding on it becomes an undetermined check.
func firstFunction(g *graph.Graph) *graph.Function {
	var certain, uncertain []*graph.Function
	for _, f := range g.Functions {
		if f.Exists().True() {
			certain = append(certain, f)
		} else {
			uncertain = append(uncertain, f)
		}
	}
	fns := certain
	if len(fns) == 0 {
		fns = uncertain
	}
	if len(fns) == 0 {
		return nil
	}
	sort.SliceStable(fns, func(i, j int) bool { return graph.CompareAddr(fns[i].Addr, fns[j].Addr) < 0 })
	return fns[0]
}

// checkFunctionAlarm reports every function that no alarm watches for the
// AWS/Lambda metric, per function or account-wide (SPW501, SPW502).
func checkFunctionAlarm(p *lint.Pass, metric, what string) error {
	for _, f := range p.Graph.Functions {
		p.ReportIf(p.Graph.WatchesFunction("AWS/Lambda", metric, f).Not(), lint.Diagnostic{Resource: f.Resource, Message: fmt.Sprintf(
			"no aws_cloudwatch_metric_alarm watches AWS/Lambda %s for %s (dimension FunctionName) or account-wide; %s during a flood go unnoticed until users complain",
			metric, f.Addr, what)})
	}
	return nil
}

// functionCount says how many functions the root module defines, for the
// messages of the account-wide monitoring rules.
func functionCount(g *graph.Graph) string {
	n := len(g.Functions)
	if n == 1 {
		return "1 Lambda function"
	}
	return fmt.Sprintf("%d Lambda functions", n)
}
