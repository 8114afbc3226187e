package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW108 reports SNS subscriptions of functions without a redrive policy.
var SPW108 = &lint.Rule{
	ID:       "SPW108",
	Name:     "sns-lambda-subscription-without-dlq",
	Severity: lint.Low,
	Summary:  "An SNS subscription to a function has no redrive policy, so messages SNS cannot deliver are lost.",
	Doc:      doc("SPW108"),
	Check:    checkSPW108,
}

func checkSPW108(p *lint.Pass) error {
	for _, s := range p.Graph.Subscriptions {
		target, related := functionOrElse(s.Function, "its function", "subscribed function")
		p.ReportIf(s.Lambda.And(s.RedriveSet().Not()), lint.Diagnostic{Resource: s.Resource, Message: fmt.Sprintf(
			"%s delivers to %s without a redrive_policy; when the function is throttled or unavailable, SNS retries for a while and then drops the message: add a redrive_policy with an SQS dead-letter queue",
			s.Addr, target), Related: related})
	}
	return nil
}
