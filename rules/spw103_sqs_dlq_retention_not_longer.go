package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW103 reports dead-letter queues that do not keep messages longer than
// their source queue.
var SPW103 = &lint.Rule{
	ID:       "SPW103",
	Name:     "sqs-dlq-retention-not-longer",
	Severity: lint.Medium,
	Summary:  "A dead-letter queue does not keep messages longer than its source queue, so moved messages can expire at once.",
	Doc:      doc("SPW103"),
	Check:    checkSPW103,
}

func checkSPW103(p *lint.Pass) error {
	for _, dlq := range p.Graph.Queues {
		var src *graph.Queue
		short := graph.No()
		for _, s := range dlq.Sources {
			f := spw103Short(dlq, s)
			short = short.Or(f)
			if f.True() {
				src = s
				break
			}
		}
		if p.Undecided(dlq.Resource, short) || src == nil {
			continue
		}
		p.Report(lint.Diagnostic{Resource: dlq.Resource, Message: fmt.Sprintf(
			"%s keeps messages %s, not longer than its source queue %s (%s); SQS keeps a message's original enqueue time when it moves it to the dead-letter queue, so moved messages can expire at once: raise message_retention_seconds (up to 1209600 s, 14 days)",
			dlq.Addr, seconds(dlq.Retention().N), src.Addr, seconds(src.Retention().N)), Related: []lint.Related{
			rel(src.Resource, "source queue")}})
	}
	return nil
}

// spw103Short is the fact that the dead-letter queue keeps messages no
// longer than the source queue, neither being FIFO (FIFO queues are
// exempt), while the source queue and the policy that links them exist
// whenever the dead-letter queue does.
func spw103Short(dlq, src *graph.Queue) graph.Fact {
	return dlq.Retention().AtMost(src.Retention()).
		And(src.IsFIFO().Not()).
		And(dlq.IsFIFO().Not()).
		And(src.ExistsWith(dlq.Resource)).
		And(src.Redrive.Holder.ExistsWith(dlq.Resource))
}
