package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
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
		if q.Redrive == nil {
			continue
		}
		consumers, maybe := spw102Consumers(q)
		if len(consumers) == 0 && maybe == "" {
			continue
		}
		v := q.Redrive.MaxReceiveCount
		switch v.State() {
		case graph.Unknown:
			p.ReportIf(graph.Maybe(v.Unknown()), lint.Diagnostic{Resource: q.Redrive.Holder})
			continue
		case graph.Known:
		default:
			continue
		}
		n, ok := v.Int()
		if !ok || n >= 5 {
			continue
		}
		if len(consumers) == 0 {
			// Only consumers that may not exist (unknown count or
			// for_each).
			p.ReportIf(graph.Maybe(maybe), lint.Diagnostic{Resource: q.Redrive.Holder})
			continue
		}
		related := []lint.Related{rel(consumers[0].Resource, "event source mapping")}
		if q.Redrive.Holder != q.Resource {
			related = append(related, rel(q.Resource, "source queue"))
		}
		p.Report(lint.Diagnostic{Resource: q.Redrive.Holder, Message: fmt.Sprintf(
			"the redrive policy of %s has maxReceiveCount %d, below 5, and the queue is consumed by %s; receives that Lambda throttles still count, so a burst moves messages to the dead-letter queue without processing them: use a maxReceiveCount of 5 or more",
			q.Addr, n, consumers[0].Addr), Related: related})
	}
	return nil
}
