package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW101 reports functions invoked asynchronously that have no failure
// destination.
var SPW101 = &lint.Rule{
	ID:       "SPW101",
	Name:     "lambda-async-without-failure-destination",
	Severity: lint.High,
	Summary:  "A function invoked asynchronously has no dead-letter queue or on-failure destination.",
	Doc:      doc("SPW101"),
	Check:    checkSPW101,
}

func checkSPW101(p *lint.Pass) error {
	for _, f := range p.Graph.Functions {
		invoked, async := f.InvokedBy(graph.Async)
		if invoked.False() {
			continue
		}
		related := make([]lint.Related, 0, len(async))
		for _, t := range async {
			related = append(related, rel(t.Source, "asynchronous trigger"))
		}
		p.ReportIf(p.Graph.FailureDestination(f).Not().And(invoked), lint.Diagnostic{Resource: f.Resource, Message: fmt.Sprintf(
			"%s is invoked asynchronously by %s but has no failure destination; events that fail Lambda's 2 retries or wait longer than 6 hours are dropped: add dead_letter_config or an aws_lambda_function_event_invoke_config with destination_config.on_failure",
			f.Addr, describeTriggers(async)), Related: related})
	}
	// A trigger whose function cannot be resolved may invoke any function,
	// one without a failure destination included.
	for _, t := range p.Graph.UnresolvedTriggers {
		if t.Kind == graph.Async {
			p.Undecided(t.Source, graph.Maybe(t.FunctionTarget.Why))
		}
	}
	return nil
}
