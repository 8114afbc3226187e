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
	budgeted := graph.No()
	for _, b := range p.Graph.Budgets {
		budgeted = budgeted.Or(b.Exists())
	}
	covered := budgeted.Or(p.Graph.WatchesAny("AWS/Billing", "EstimatedCharges"))
	p.ReportIf(covered.Not(), lint.Diagnostic{Resource: first.Resource, Message: fmt.Sprintf(
		"this root module defines %s but no aws_budgets_budget and no aws_cloudwatch_metric_alarm on AWS/Billing EstimatedCharges; a flood that the functions serve is found on the invoice",
		functionCount(p.Graph))})
	return nil
}
