package rules

import (
	"fmt"

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
		sqs := m.IsSQS()
		if sqs.False() {
			continue
		}
		limit, ok := maximumConcurrencyNum(m)
		if !ok {
			// No cap (or not a number): nothing to compare. An
			// unreserved function takes any cap (SPW204 covers the
			// uncapped case).
			continue
		}
		f := m.Function
		above, res := aboveReservation(limit, f, m.FunctionTarget)
		fires := above.And(sqs)
		if !fires.True() {
			p.Undecided(m.Resource, fires)
			continue
		}
		p.Report(lint.Diagnostic{Resource: m.Resource, Range: limit.Range, Message: fmt.Sprintf(
			"%s allows scaling_config.maximum_concurrency = %d but %s reserves only %d concurrent executions; the pollers receive more messages than the function may run, the throttled receives count toward maxReceiveCount, and messages reach the dead-letter queue unprocessed: keep maximum_concurrency at or below the reservation",
			m.Addr, limit.N, f.Addr, res.N), Related: []lint.Related{rel(f.Resource, "function")}})
	}
	return nil
}
