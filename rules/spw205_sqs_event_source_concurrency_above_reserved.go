package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW205 reports SQS mappings whose maximum concurrency exceeds the
// function's reserved concurrency.
var SPW205 = &lint.Rule{
	ID:       "SPW205",
	Name:     "sqs-event-source-concurrency-above-reserved",
	Severity: lint.Medium,
	Summary:  "An SQS mapping's maximum concurrency exceeds its function's reserved concurrency, so pollers get throttled and messages move to the DLQ.",
	Doc:      doc("SPW205"),
	Check:    checkSPW205,
}

func checkSPW205(p *lint.Pass) error {
	for _, m := range p.Graph.Mappings {
		sqs, kindUnknown := spw204SourceIsSQS(m)
		if !sqs && kindUnknown == "" {
			continue
		}
		mc, mcUnknown := maximumConcurrency(m)
		var n int64
		if mcUnknown == "" {
			var ok bool
			if n, ok = mc.Int(); !ok {
				// No cap (or not a number): nothing to compare.
				continue
			}
		}
		f, fnUnknown := functionOfMapping(m)
		if f == nil {
			if fnUnknown != "" {
				p.ReportIf(graph.Maybe(firstOf(mcUnknown, fnUnknown)), lint.Diagnostic{Resource: m.Resource})
			}
			continue
		}
		r := reservationOf(f)
		switch {
		case r.unknown != "":
			p.ReportIf(graph.Maybe(firstOf(mcUnknown, r.unknown)), lint.Diagnostic{Resource: m.Resource})
			continue
		case !r.set:
			// Unreserved: any cap fits (SPW204 covers the uncapped case).
			continue
		case mcUnknown != "":
			p.ReportIf(graph.Maybe(mcUnknown), lint.Diagnostic{Resource: m.Resource})
			continue
		case n <= r.n:
			continue
		case kindUnknown != "":
			// It fires if the source turns out to be a queue.
			p.ReportIf(graph.Maybe(kindUnknown), lint.Diagnostic{Resource: m.Resource})
			continue
		}
		p.Report(lint.Diagnostic{Resource: m.Resource, Message: fmt.Sprintf(
			"%s allows scaling_config.maximum_concurrency = %d but %s reserves only %d concurrent executions; the pollers receive more messages than the function may run, the throttled receives count toward maxReceiveCount, and messages reach the dead-letter queue unprocessed: keep maximum_concurrency at or below the reservation",
			m.Addr, n, f.Addr, r.n), Related: []lint.Related{

			rel(f.Resource, "function")}})

	}
	return nil
}
