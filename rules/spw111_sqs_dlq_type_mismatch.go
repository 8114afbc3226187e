package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW111 reports FIFO/standard mismatches between a queue and its DLQ,
// and FIFO queues used as a function's dead-letter queue.
var SPW111 = &lint.Rule{
	ID:       "SPW111",
	Name:     "sqs-dlq-type-mismatch",
	Severity: lint.High,
	Family:   "async",
	Summary:  "A FIFO queue has a standard dead-letter queue (or the reverse), or a function's dead-letter queue is FIFO: AWS rejects it.",
	Doc:      doc("SPW111"),
	Check:    checkSPW111,
}

func fifoName(b bool) string {
	if b {
		return "FIFO"
	}
	return "standard"
}

func checkSPW111(p *lint.Pass) error {
	for _, q := range p.Graph.Queues {
		if q.Redrive == nil || q.Redrive.DLQ == nil {
			continue
		}
		dlq := q.Redrive.DLQ
		src, ok1 := q.IsFIFO()
		dst, ok2 := dlq.IsFIFO()
		switch {
		case !ok1:
			p.Undetermined(q.Redrive.Holder, q.Attr("fifo_queue").Unknown())
			continue
		case !ok2:
			p.Undetermined(q.Redrive.Holder, dlq.Attr("fifo_queue").Unknown())
			continue
		case src == dst:
			continue
		}
		p.Report(q.Redrive.Holder, fmt.Sprintf(
			"%s is a %s queue but its dead-letter queue %s is a %s queue; SQS requires both to be of the same type and rejects the redrive policy at deploy time",
			q.Addr, fifoName(src), dlq.Addr, fifoName(dst)), rel(dlq.Resource, "dead-letter queue"))
	}
	for _, f := range p.Graph.Functions {
		for _, b := range f.Blocks("dead_letter_config") {
			dlq, _ := p.Graph.ResolveQueue(b.Attr("target_arn"))
			if dlq == nil {
				continue
			}
			fifo, ok := dlq.IsFIFO()
			if !ok {
				p.Undetermined(f.Resource, dlq.Attr("fifo_queue").Unknown())
				continue
			}
			if !fifo {
				continue
			}
			p.Report(f.Resource, fmt.Sprintf(
				"%s uses the FIFO queue %s as its dead_letter_config target; Lambda's asynchronous dead-letter queues must be standard queues (or SNS topics) and AWS rejects the configuration",
				f.Addr, dlq.Addr), rel(dlq.Resource, "dead-letter queue"))
		}
	}
	return nil
}
