package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW104 reports redrive policies with a maxReceiveCount below 5 on
// queues consumed by Lambda.
var SPW104 = &lint.Rule{
	ID:       "SPW104",
	Name:     "sqs-max-receive-count-too-low",
	Severity: lint.Medium,
	Summary:  "A queue consumed by Lambda moves messages to its dead-letter queue after fewer than 5 receives.",
	Doc:      doc("SPW104"),
	Check:    checkSPW104,
}

func checkSPW104(p *lint.Pass) error {
	for _, q := range p.Graph.Queues {
		rd := q.Redrive
		if rd == nil {
			continue
		}
		consumed, consumers := q.ConsumedBy()
		// An absent or null maxReceiveCount is no count to judge.
		count := rd.MaxReceiveCount.IntOr(5)
		low := count.Below(5).And(consumed)
		if p.Undecided(rd.Holder, low) || low.False() {
			continue
		}
		related := []lint.Related{rel(consumers[0].Resource, "event source mapping")}
		if rd.Holder != q.Resource {
			related = append(related, rel(q.Resource, "source queue"))
		}
		p.Report(lint.Diagnostic{Resource: rd.Holder, Message: fmt.Sprintf(
			"the redrive policy of %s has maxReceiveCount %d, below 5, and the queue is consumed by %s; receives that Lambda throttles still count, so a burst moves messages to the dead-letter queue without processing them: use a maxReceiveCount of 5 or more",
			q.Addr, count.N, consumers[0].Addr), Related: related})
	}
	return nil
}
