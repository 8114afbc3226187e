package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW201 reports functions without reserved concurrency, escalated to high
// when a synchronous public trigger lets anyone drive the burst.
var SPW201 = &lint.Rule{
	ID:       "SPW201",
	Name:     "lambda-unreserved-concurrency",
	Severity: lint.Medium,
	Summary:  "A function has no reserved concurrency, so one burst can take the whole account's concurrency.",
	Doc:      doc("SPW201"),
	Check:    checkSPW201,
}

func checkSPW201(p *lint.Pass) error {
	for _, f := range p.Graph.Functions {
		v := f.ReservedConcurrency()
		what := "has no reserved_concurrent_executions"
		// The spec is attached whatever the state: internal/fix edits
		// only a block that lacks the argument, and for a function in a
		// module the user does not own whose argument is var.NAME the
		// scan turns it into setting NAME on the module call.
		fix := []lint.FixSpec{{
			Description: "Reserve concurrency with reserved_concurrent_executions = 10, a starting point: adjust it to the function's peak concurrency (about requests per second x average duration in seconds)",
			Attribute:   "reserved_concurrent_executions",
			Value:       "10",
		}}
		switch v.State() {
		case graph.Unknown:
			p.ReportIf(graph.Maybe(v.Unknown()), lint.Diagnostic{Resource: f.Resource})
			continue
		case graph.Null:
			what = "sets reserved_concurrent_executions to null"
		case graph.Known:
			n, ok := v.Int()
			if !ok || n != -1 {
				continue
			}
			what = "sets reserved_concurrent_executions = -1 (unreserved)"
		case graph.Absent:
		}
		// Only a public trigger that certainly exists raises the severity.
		_, public := f.InvokedBy(graph.SyncPublic)
		if len(public) == 0 {
			p.Report(lint.Diagnostic{Resource: f.Resource, Message: fmt.Sprintf(
				"%s %s, so a burst can take all of the account's %d concurrent executions and throttle every other function",
				f.Addr, what, p.Int(accountConcurrencyLimit)), Fix: fix})

			continue
		}
		related := make([]lint.Related, 0, len(public))
		for _, t := range public {
			related = append(related, rel(t.Source, "synchronous public trigger"))
		}
		p.Report(lint.Diagnostic{Severity: lint.High, Resource: f.Resource, Message: fmt.Sprintf(
			"%s %s and is invoked synchronously by %s, so anyone who floods it can take all of the account's %d concurrent executions and throttle every other function",
			f.Addr, what, describeTriggers(public), p.Int(accountConcurrencyLimit)), Fix: fix, Related: related})
	}
	return nil
}
