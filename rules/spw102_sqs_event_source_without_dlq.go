package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW102 reports queues consumed by Lambda that have no redrive policy.
var SPW102 = &lint.Rule{
	ID:       "SPW102",
	Name:     "sqs-event-source-without-dlq",
	Severity: lint.High,
	Summary:  "A queue consumed by a Lambda event source mapping has no redrive policy (dead-letter queue).",
	Doc:      doc("SPW102"),
	Check:    checkSPW102,
}

func checkSPW102(p *lint.Pass) error {
	for _, q := range p.Graph.Queues {
		consumed, consumers := q.ConsumedBy()
		missing := p.Graph.HasRedrive(q).Not().And(consumed)
		if p.Undecided(q.Resource, missing) || missing.False() {
			continue
		}
		related := make([]lint.Related, 0, len(consumers))
		for _, m := range consumers {
			related = append(related, rel(m.Resource, "event source mapping"))
		}
		retention := "the retention period"
		if n := q.Retention(); n.Known() {
			retention = "the retention period of " + seconds(n.N)
		}
		p.Report(lint.Diagnostic{Resource: q.Resource, Message: fmt.Sprintf(
			"%s is consumed by %s but has no redrive policy; a message that keeps failing is received again and again until %s ends and is then deleted unprocessed: add a redrive_policy with a dead-letter queue",
			q.Addr, consumers[0].Addr, retention), Related: related})
	}
	return nil
}
