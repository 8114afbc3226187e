package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW504 reports dead-letter queues without an alarm on their depth.
var SPW504 = &lint.Rule{
	ID:       "SPW504",
	Name:     "dlq-without-depth-alarm",
	Severity: lint.Low,
	Summary:  "A dead-letter queue has no alarm on its depth, so failed messages pile up unnoticed until they expire.",
	Doc:      doc("SPW504"),
	Check:    checkSPW504,
}

func checkSPW504(p *lint.Pass) error {
	for _, q := range p.Graph.Queues {
		dlqFor, isDLQ := p.Graph.DeadLetterUse(q)
		if isDLQ.False() {
			continue
		}
		fires := isDLQ.And(p.Graph.WatchesQueue("AWS/SQS", "ApproximateNumberOfMessagesVisible", q).Not())
		if !fires.True() {
			p.Undecided(q.Resource, fires)
			continue
		}
		related := make([]lint.Related, 0, len(dlqFor))
		for _, r := range dlqFor {
			related = append(related, rel(r, "uses it as a dead-letter queue or failure destination"))
		}
		p.Report(lint.Diagnostic{Resource: q.Resource, Message: fmt.Sprintf(
			"%s is a dead-letter queue or failure destination of %s but no aws_cloudwatch_metric_alarm watches AWS/SQS ApproximateNumberOfMessagesVisible for it (dimension QueueName); failed messages pile up unnoticed until they expire",
			q.Addr, dlqFor[0].Addr), Related: related})
	}
	return nil
}
