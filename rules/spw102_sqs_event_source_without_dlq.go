package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW102 reports queues consumed by Lambda that have no redrive policy.
var SPW102 = &lint.Rule{
	ID:       "SPW102",
	Name:     "sqs-event-source-without-dlq",
	Severity: lint.High,
	Family:   "async",
	Summary:  "A queue consumed by a Lambda event source mapping has no redrive policy (dead-letter queue).",
	Doc:      doc("SPW102"),
	Check:    checkSPW102,
}

func checkSPW102(p *lint.Pass) error {
	for _, q := range p.Graph.Queues {
		if len(q.Consumers) == 0 {
			continue
		}
		if q.Redrive != nil {
			if q.Redrive.Unreadable && q.Redrive.Policy.State() == graph.Unknown {
				p.Undetermined(q.Resource, q.Redrive.Policy.Unknown())
			}
			continue
		}
		if len(p.Graph.UnresolvedRedrive) > 0 {
			p.Undetermined(q.Resource, p.Graph.UnresolvedRedrive[0].Unknown)
			continue
		}
		related := make([]lint.Related, 0, len(q.Consumers))
		for _, m := range q.Consumers {
			related = append(related, rel(m.Resource, "event source mapping"))
		}
		retention := "the retention period"
		if n, _, ok := q.Retention(); ok {
			retention = "the retention period of " + seconds(n)
		}
		p.Report(q.Resource, fmt.Sprintf(
			"%s is consumed by %s but has no redrive policy; a message that keeps failing is received again and again until %s ends and is then deleted unprocessed: add a redrive_policy with a dead-letter queue",
			q.Addr, q.Consumers[0].Addr, retention), related...)
	}
	return nil
}
