package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW504 reports dead-letter queues without an alarm on their depth.
var SPW504 = &lint.Rule{
	ID:       "SPW504",
	Name:     "dlq-without-depth-alarm",
	Severity: lint.Low,
	Family:   "monitoring",
	Summary:  "A dead-letter queue has no alarm on its depth, so failed messages pile up unnoticed until they expire.",
	Doc:      doc("SPW504"),
	Check:    checkSPW504,
}

func checkSPW504(p *lint.Pass) error {
	for _, q := range p.Graph.Queues {
		if len(q.DeadLetterFor) == 0 {
			continue
		}
		switch w, unknown := p.Graph.WatchesQueue("AWS/SQS", "ApproximateNumberOfMessagesVisible", q); w {
		case graph.Watched:
			continue
		case graph.MaybeWatched:
			p.Undetermined(q.Resource, unknown)
			continue
		default:
		}
		related := make([]lint.Related, 0, len(q.DeadLetterFor))
		for _, r := range q.DeadLetterFor {
			related = append(related, rel(r, "uses it as a dead-letter queue or failure destination"))
		}
		p.Report(q.Resource, fmt.Sprintf(
			"%s is a dead-letter queue or failure destination of %s but no aws_cloudwatch_metric_alarm watches AWS/SQS ApproximateNumberOfMessagesVisible for it (dimension QueueName); failed messages pile up unnoticed until they expire",
			q.Addr, q.DeadLetterFor[0].Addr), related...)
	}
	return nil
}
