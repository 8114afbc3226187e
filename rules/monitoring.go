package rules

import (
	"fmt"
	"sort"
	"strings"

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

// checkFunctionAlarm reports, once per root module, the functions that
// no alarm watches for the AWS/Lambda metric, per function or
// account-wide (SPW501, SPW502): one account-wide alarm fixes them all.
// The finding is anchored on the first such function (by address) that
// certainly exists and lists the others as its instances; a function that
// may not exist, or whose alarms are undecided, is recorded as
// undetermined instead.
func checkFunctionAlarm(p *lint.Pass, metric, what string) error {
	var missing []*graph.Function
	for _, f := range p.Graph.Functions {
		unwatched := p.Graph.WatchesFunction("AWS/Lambda", metric, f).Not()
		if p.Undecided(f.Resource, unwatched) || !unwatched.True() {
			continue
		}
		if p.Undecided(f.Resource, f.Exists()) {
			continue
		}
		missing = append(missing, f)
	}
	if len(missing) == 0 {
		return nil
	}
	sort.SliceStable(missing, func(i, j int) bool { return graph.CompareAddr(missing[i].Addr, missing[j].Addr) < 0 })
	first := missing[0]
	var others []*graph.Resource
	names := make([]string, 0, len(missing))
	for _, f := range missing {
		names = append(names, f.Addr)
		if f != first {
			others = append(others, f.Resource)
		}
	}
	var msg string
	if len(missing) == 1 {
		msg = fmt.Sprintf("no aws_cloudwatch_metric_alarm watches AWS/Lambda %s for %s (dimension FunctionName) or account-wide; %s during a flood go unnoticed until users complain",
			metric, first.Addr, what)
	} else {
		msg = fmt.Sprintf("%d Lambda functions of this root module have no aws_cloudwatch_metric_alarm on AWS/Lambda %s, per function (dimension FunctionName) or account-wide: %s; one account-wide alarm (no dimensions) covers them all, otherwise %s during a flood go unnoticed until users complain",
			len(missing), metric, listNames(names, 5), what)
	}
	p.Report(lint.Diagnostic{Resource: first.Resource, Message: msg, Instances: others})
	return nil
}

// listNames lists up to n names and says how many more there are.
func listNames(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
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
