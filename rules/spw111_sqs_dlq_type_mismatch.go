package rules

import (
	"fmt"
	"strings"

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
		dlq := spw111Target(q.Redrive.DeadLetterTarget, q.Redrive.DLQ, q.Redrive.DLQTarget)
		if !dlq.named {
			continue
		}
		srcFIFO := q.IsFIFO()
		src := srcFIFO.True()
		switch {
		case srcFIFO.Undecided():
			p.ReportIf(srcFIFO, lint.Diagnostic{Resource: q.Redrive.Holder})
			continue
		case dlq.unknown != "":
			p.ReportIf(graph.Maybe(dlq.unknown), lint.Diagnostic{Resource: q.Redrive.Holder})
			continue
		case !dlq.known || src == dlq.fifo:
			continue
		}
		var related []lint.Related
		if dlq.queue != nil {
			related = append(related, rel(dlq.queue.Resource, "dead-letter queue"))
		}
		p.Report(lint.Diagnostic{Resource: q.Redrive.Holder, Message: fmt.Sprintf(
			"%s is a %s queue but its dead-letter queue %s is a %s queue; SQS requires both to be of the same type and rejects the redrive policy at deploy time",
			q.Addr, fifoName(src), dlq.name, fifoName(dlq.fifo)), Related: related})
	}
	for _, f := range p.Graph.Functions {
		for _, b := range f.Blocks("dead_letter_config") {
			if b.Unknown() {
				continue
			}
			v := b.Attr("target_arn")
			q, t := p.Graph.ResolveQueue(v)
			dlq := spw111Target(v, q, t)
			switch {
			case !dlq.named:
				continue
			case dlq.unknown != "" && (dlq.queue != nil || !v.NotNull()):
				// An unknown queue type, or a target that may be
				// anything (a variable without a value). A value read
				// from a resource that is not a queue of this
				// configuration (aws_sns_topic.t.arn) is no queue.
				p.ReportIf(graph.Maybe(dlq.unknown), lint.Diagnostic{Resource: f.Resource})
				continue
			case !dlq.known || !dlq.fifo:
				continue
			}
			var related []lint.Related
			if dlq.queue != nil {
				related = append(related, rel(dlq.queue.Resource, "dead-letter queue"))
			}
			p.Report(lint.Diagnostic{Resource: f.Resource, Message: fmt.Sprintf(
				"%s uses the FIFO queue %s as its dead_letter_config target; Lambda's asynchronous dead-letter queues must be standard queues (or SNS topics) and AWS rejects the configuration",
				f.Addr, dlq.name), Related: related})
		}
	}
	return nil
}

// spw111DLQ is what is known about the type of a dead-letter target.
type spw111DLQ struct {
	// named reports a target that is set (not absent or null).
	named bool
	// known reports that the target is an SQS queue whose type is known;
	// fifo is the type and name how to call the queue in messages.
	known bool
	fifo  bool
	name  string
	queue *graph.Queue
	// unknown is the expression that keeps the type from being known.
	unknown string
}

// spw111Target classifies a dead-letter target: a queue of this
// configuration (its fifo_queue, or its name), a literal SQS ARN or URL of
// another stack (the name: FIFO queue names end in .fifo, and only theirs
// do), or an unknown value.
func spw111Target(v graph.Value, q *graph.Queue, t graph.Target) spw111DLQ {
	if !v.IsSet() {
		return spw111DLQ{}
	}
	d := spw111DLQ{named: true}
	switch {
	case q != nil:
		d.queue = q
		fifo := q.IsFIFO()
		if fifo.Undecided() {
			d.unknown = fifo.Why
			return d
		}
		d.known, d.fifo, d.name = true, fifo.True(), q.Addr
	case t.Unresolved() || v.State() == graph.Unknown && !t.External:
		d.unknown = t.Why
		if d.unknown == "" {
			d.unknown = v.Unknown()
		}
	default:
		if s, ok := v.String(); ok {
			if name, ok := spw111LiteralQueueName(s); ok {
				d.known, d.fifo, d.name = true, strings.HasSuffix(name, ".fifo"), name
			}
		}
	}
	return d
}

// spw111LiteralQueueName returns the queue name of a literal SQS ARN
// (arn:aws:sqs:REGION:ACCOUNT:NAME) or queue URL.
func spw111LiteralQueueName(s string) (string, bool) {
	if parts := strings.Split(s, ":"); len(parts) == 6 && parts[0] == "arn" && parts[2] == "sqs" && parts[5] != "" {
		return parts[5], true
	}
	if strings.HasPrefix(s, "https://sqs.") || strings.HasPrefix(s, "http://sqs.") {
		i := strings.LastIndex(s, "/")
		if i >= 0 && i < len(s)-1 {
			return s[i+1:], true
		}
	}
	return "", false
}
