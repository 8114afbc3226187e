package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW109 reports EventBridge targets and EventBridge Scheduler schedules
// that invoke a function without a dead-letter queue.
var SPW109 = &lint.Rule{
	ID:       "SPW109",
	Name:     "eventbridge-lambda-target-without-dlq",
	Severity: lint.Medium,
	Summary:  "An EventBridge target that invokes a function has no dead-letter queue, so undeliverable events are dropped.",
	Doc:      doc("SPW109"),
	Check:    checkSPW109,
}

func checkSPW109(p *lint.Pass) error {
	for _, t := range p.Graph.EventTargets {
		target, related := functionOrElse(t.Function, "a Lambda function", "target function")
		if t.Schedule {
			p.ReportIf(t.Lambda.And(t.DeadLetterSet().Not()), lint.Diagnostic{Resource: t.Resource, Message: fmt.Sprintf(
				"%s invokes %s without a target.dead_letter_config; invocations the scheduler cannot deliver (throttling, a missing permission) are dropped once its retry_policy runs out (185 attempts over 24 hours by default): add target.dead_letter_config with an SQS queue",
				t.Addr, target), Related: related})
			continue
		}
		p.ReportIf(t.Lambda.And(t.DeadLetterSet().Not()), lint.Diagnostic{Resource: t.Resource, Message: fmt.Sprintf(
			"%s invokes %s without a dead_letter_config; events EventBridge cannot deliver (throttling, a missing permission) are retried for up to 24 hours and then dropped: add dead_letter_config with an SQS queue",
			t.Addr, target), Related: related})
	}
	return nil
}
