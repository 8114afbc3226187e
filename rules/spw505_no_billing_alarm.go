package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW505 reports root modules with functions but no budget or billing
// alarm. It is off by default: budgets usually live in an account-level
// repository.
var SPW505 = &lint.Rule{
	ID:       "SPW505",
	Name:     "no-billing-alarm",
	Severity: lint.Low,
	Off:      true,
	Summary:  "Functions exist but there is no budget or billing alarm, so a cost spike is found on the invoice.",
	Doc:      doc("SPW505"),
	Check:    checkSPW505,
}

func checkSPW505(p *lint.Pass) error {
	first := firstFunction(p.Graph)
	if first == nil {
		return nil
	}
	// A budget counts when it certainly exists; one with an unknown count
	// or for_each leaves the check undetermined.
	budgetUnknown := ""
	for _, b := range p.Graph.Budgets {
		if !b.Exists().Undecided() {
			return nil
		}
		if budgetUnknown == "" {
			budgetUnknown = b.Exists().Why
		}
	}
	w, unknown := monWatchesAny(p.Graph, "AWS/Billing", "EstimatedCharges")
	if w != graph.Watched && budgetUnknown != "" {
		w, unknown = graph.MaybeWatched, budgetUnknown
	}
	switch w {
	case graph.Watched:
		return nil
	case graph.MaybeWatched:
		p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: first.Resource})
		return nil
	default:
	}
	p.Report(lint.Diagnostic{Resource: first.Resource, Message: fmt.Sprintf(
		"this root module defines %d Lambda %s but no aws_budgets_budget and no aws_cloudwatch_metric_alarm on AWS/Billing EstimatedCharges; a flood that the functions serve is found on the invoice",
		len(p.Graph.Functions), pluralS(len(p.Graph.Functions), "function", "functions"))})

	return nil
}
