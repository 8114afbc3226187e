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
		async, maybe := certainTriggers(f, graph.Async)
		if len(async) == 0 && maybe == "" {
			continue
		}
		set, unknown := p.Graph.FailureDestination(f)
		if set {
			continue
		}
		if unknown == "" && len(async) == 0 {
			// Only triggers that may not exist (unknown count or
			// for_each).
			unknown = maybe
		}
		if unknown != "" {
			p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: f.Resource})
			continue
		}
		related := make([]lint.Related, 0, len(async))
		for _, t := range async {
			related = append(related, rel(t.Source, "asynchronous trigger"))
		}
		p.Report(lint.Diagnostic{Resource: f.Resource, Message: fmt.Sprintf(
			"%s is invoked asynchronously by %s but has no failure destination; events that fail Lambda's 2 retries or wait longer than 6 hours are dropped: add dead_letter_config or an aws_lambda_function_event_invoke_config with destination_config.on_failure",
			f.Addr, describeTriggers(async)), Related: related})
	}
	return nil
}

// certainTriggers returns the function's triggers of a kind that exist
// whenever the function does, and the unknown expression behind the first
// one that may not exist (a trigger with an unknown count or for_each).
func certainTriggers(f *graph.Function, k graph.TriggerKind) (certain []*graph.Trigger, maybe string) {
	for _, t := range f.TriggersOf(k) {
		if t.Source.Exists().Undecided() && !f.Exists().Undecided() {
			if maybe == "" {
				maybe = t.Source.Exists().Why
			}
			continue
		}
		certain = append(certain, t)
	}
	return certain, maybe
}
