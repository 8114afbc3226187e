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
		if len(dlq.Sources) == 0 {
			continue
		}
		// FIFO queues are exempt: a FIFO dead-letter queue is never
		// reported, whatever its retention.
		dlqFIFO, ok := dlq.IsFIFO()
		dlqFIFOUnknown := ""
		if !ok {
			dlqFIFOUnknown = spw103Unknown(dlq.Attr("fifo_queue"), "fifo_queue of "+dlq.Addr)
		} else if dlqFIFO {
			continue
		}
		dlqRet, dlqVal, dlqRetOK := dlq.Retention()
		unknown := ""
		reported := false
		for _, src := range dlq.Sources {
			srcFIFO, srcFIFOOK := src.IsFIFO()
			if srcFIFOOK && srcFIFO {
				continue
			}
			srcRet, srcVal, srcRetOK := src.Retention()
			pending := ""
			switch {
			case dlqRetOK && srcRetOK:
				if dlqRet > srcRet {
					continue
				}
			case !dlqRetOK:
				pending = spw103Unknown(dlqVal, "message_retention_seconds of "+dlq.Addr)
			default:
				pending = spw103Unknown(srcVal, "message_retention_seconds of "+src.Addr)
			}
			if pending == "" && !srcFIFOOK {
				pending = spw103Unknown(src.Attr("fifo_queue"), "fifo_queue of "+src.Addr)
			}
			if pending == "" {
				pending = dlqFIFOUnknown
			}
			if pending == "" {
				pending = spw103MayNotExist(src, dlq)
			}
			if pending != "" {
				if unknown == "" {
					unknown = pending
				}
				continue
			}
			p.Report(dlq.Resource, fmt.Sprintf(
				"%s keeps messages %s, not longer than its source queue %s (%s); SQS keeps a message's original enqueue time when it moves it to the dead-letter queue, so moved messages can expire at once: raise message_retention_seconds (up to 1209600 s, 14 days)",
				dlq.Addr, seconds(dlqRet), src.Addr, seconds(srcRet)), rel(src.Resource, "source queue"))
			reported = true
			break
		}
		if !reported && unknown != "" {
			p.Undetermined(dlq.Resource, unknown)
		}
	}
	return nil
}

// spw103MayNotExist returns the unknown expression when the source queue,
// or the aws_sqs_queue_redrive_policy that links it to the dead-letter
// queue, may not exist while the dead-letter queue does.
func spw103MayNotExist(src, dlq *graph.Queue) string {
	if dlq.Uncertain {
		return ""
	}
	if src.Uncertain {
		return src.UncertainExpr
	}
	if src.Redrive != nil && src.Redrive.Holder.Uncertain {
		return src.Redrive.Holder.UncertainExpr
	}
	return ""
}

// spw103Unknown describes an unknown (or unreadable) value.
func spw103Unknown(v graph.Value, fallback string) string {
	if u := v.Unknown(); u != "" {
		return u
	}
	return fallback
}
