package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW111 reports FIFO/standard mismatches between a queue and its DLQ,
// and FIFO queues used as a function's dead-letter queue.
var SPW111 = &lint.Rule{
	ID:       "SPW111",
	Name:     "sqs-dlq-type-mismatch",
	Severity: lint.High,
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
		if q.Redrive == nil {
			continue
		}
		d := q.Redrive.DeadLetter()
		src := q.IsFIFO()
		dlqFIFO, name, ok := d.FIFO()
		if !ok {
			// No dead-letter queue, or one whose type cannot be told; an
			// unknown type of the source queue still leaves the check
			// open when the policy names one.
			if d.Value.IsSet() {
				p.Undecided(q.Redrive.Holder, src)
			}
			continue
		}
		// A FIFO queue with a standard dead-letter queue, or the reverse.
		mismatch := src.And(dlqFIFO.Not()).Or(src.Not().And(dlqFIFO))
		p.ReportIf(mismatch, lint.Diagnostic{Resource: q.Redrive.Holder, Message: fmt.Sprintf(
			"%s is a %s queue but its dead-letter queue %s is a %s queue; SQS requires both to be of the same type and rejects the redrive policy at deploy time",
			q.Addr, fifoName(src.True()), name, fifoName(dlqFIFO.True())), Related: spw111Related(d)})
	}
	for _, f := range p.Graph.Functions {
		for _, d := range f.DeadLetters {
			if d.Block.Unknown() {
				continue
			}
			fifo, name, ok := d.FIFO()
			if !ok || fifo.Undecided() && d.Queue == nil && d.Value.NotNull() {
				// A value read from a resource that is not a queue of
				// this configuration (aws_sns_topic.t.arn) is no queue.
				continue
			}
			p.ReportIf(fifo, lint.Diagnostic{Resource: f.Resource, Message: fmt.Sprintf(
				"%s uses the FIFO queue %s as its dead_letter_config target; Lambda's asynchronous dead-letter queues must be standard queues (or SNS topics) and AWS rejects the configuration",
				f.Addr, name), Related: spw111Related(d)})
		}
	}
	return nil
}

func spw111Related(d graph.DeadLetter) []lint.Related {
	if d.Queue == nil {
		return nil
	}
	return []lint.Related{rel(d.Queue.Resource, "dead-letter queue")}
}
