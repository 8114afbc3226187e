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
	Family:   "concurrency",
	Summary:  "An SQS mapping's maximum concurrency exceeds its function's reserved concurrency, so pollers get throttled and messages move to the DLQ.",
	Doc:      doc("SPW205"),
	Check:    checkSPW205,
}

func checkSPW205(p *lint.Pass) error {
	for _, m := range p.Graph.Mappings {
		if m.Kind != graph.SourceSQS {
			continue
		}
		mc, unknown := maximumConcurrency(m)
		if unknown != "" {
			p.Undetermined(m.Resource, unknown)
			continue
		}
		n, ok := mc.Int()
		if !ok {
			continue
		}
		f, fnUnknown := functionOfMapping(m)
		if f == nil {
			if fnUnknown != "" {
				p.Undetermined(m.Resource, fnUnknown)
			}
			continue
		}
		r := reservationOf(f)
		switch {
		case r.unknown != "":
			p.Undetermined(m.Resource, r.unknown)
			continue
		case !r.set || n <= r.n:
			continue
		}
		p.Report(m.Resource, fmt.Sprintf(
			"%s allows scaling_config.maximum_concurrency = %d but %s reserves only %d concurrent executions; the pollers receive more messages than the function may run, the throttled receives count toward maxReceiveCount, and messages reach the dead-letter queue unprocessed: keep maximum_concurrency at or below the reservation",
			m.Addr, n, f.Addr, r.n), rel(f.Resource, "function"))
	}
	return nil
}
