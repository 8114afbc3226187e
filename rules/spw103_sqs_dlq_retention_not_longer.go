package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW103 reports dead-letter queues that do not keep messages longer than
// their source queue.
var SPW103 = &lint.Rule{
	ID:       "SPW103",
	Name:     "sqs-dlq-retention-not-longer",
	Severity: lint.Medium,
	Family:   "async",
	Summary:  "A dead-letter queue does not keep messages longer than its source queue, so moved messages can expire at once.",
	Doc:      doc("SPW103"),
	Check:    checkSPW103,
}

func checkSPW103(p *lint.Pass) error {
	for _, dlq := range p.Graph.Queues {
		if len(dlq.Sources) == 0 {
			continue
		}
		dlqRet, dlqVal, ok := dlq.Retention()
		if !ok {
			p.Undetermined(dlq.Resource, dlqVal.Unknown())
			continue
		}
		dlqFIFO, ok := dlq.IsFIFO()
		if !ok {
			p.Undetermined(dlq.Resource, dlq.Attr("fifo_queue").Unknown())
			continue
		}
		if dlqFIFO {
			continue
		}
		for _, src := range dlq.Sources {
			fifo, ok := src.IsFIFO()
			if !ok {
				p.Undetermined(dlq.Resource, src.Attr("fifo_queue").Unknown())
				break
			}
			if fifo {
				continue
			}
			srcRet, srcVal, ok := src.Retention()
			if !ok {
				p.Undetermined(dlq.Resource, srcVal.Unknown())
				break
			}
			if dlqRet <= srcRet {
				p.Report(dlq.Resource, fmt.Sprintf(
					"%s keeps messages %s, not longer than its source queue %s (%s); SQS keeps a message's original enqueue time when it moves it to the dead-letter queue, so moved messages can expire at once: raise message_retention_seconds (up to 1209600 s, 14 days)",
					dlq.Addr, seconds(dlqRet), src.Addr, seconds(srcRet)), rel(src.Resource, "source queue"))
				break
			}
		}
	}
	return nil
}
