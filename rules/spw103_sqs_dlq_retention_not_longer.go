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
		dlqFIFO := dlq.IsFIFO()
		if dlqFIFO.True() {
			continue
		}
		dlqFIFOUnknown := dlqFIFO.Why
		dlqRet := dlq.Retention()
		unknown := ""
		reported := false
		for _, src := range dlq.Sources {
			srcFIFO := src.IsFIFO()
			if srcFIFO.True() {
				continue
			}
			srcRet := src.Retention()
			pending := ""
			switch {
			case dlqRet.Known() && srcRet.Known():
				if dlqRet.N > srcRet.N {
					continue
				}
			case !dlqRet.Known():
				pending = dlqRet.Why
			default:
				pending = srcRet.Why
			}
			if pending == "" {
				pending = srcFIFO.Why
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
			p.Report(lint.Diagnostic{Resource: dlq.Resource, Message: fmt.Sprintf(
				"%s keeps messages %s, not longer than its source queue %s (%s); SQS keeps a message's original enqueue time when it moves it to the dead-letter queue, so moved messages can expire at once: raise message_retention_seconds (up to 1209600 s, 14 days)",
				dlq.Addr, seconds(dlqRet.N), src.Addr, seconds(srcRet.N)), Related: []lint.Related{

				rel(src.Resource, "source queue")}})

			reported = true
			break
		}
		if !reported && unknown != "" {
			p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: dlq.Resource})
		}
	}
	return nil
}

// spw103MayNotExist returns the unknown expression when the source queue,
// or the aws_sqs_queue_redrive_policy that links it to the dead-letter
// queue, may not exist while the dead-letter queue does.
func spw103MayNotExist(src, dlq *graph.Queue) string {
	if dlq.Exists().Undecided() {
		return ""
	}
	if src.Exists().Undecided() {
		return src.Exists().Why
	}
	if src.Redrive != nil && src.Redrive.Holder.Exists().Undecided() {
		return src.Redrive.Holder.Exists().Why
	}
	return ""
}
