package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW301 reports S3 bucket notifications that invoke a function directly.
var SPW301 = &lint.Rule{
	ID:       "SPW301",
	Name:     "s3-notification-direct-to-lambda",
	Severity: lint.Medium,
	Summary:  "An S3 bucket notification invokes a function directly instead of through SQS or EventBridge.",
	Doc:      doc("SPW301"),
	Check:    checkSPW301,
}

func checkSPW301(p *lint.Pass) error {
	for _, n := range p.Graph.Notifications {
		direct := graph.No()
		var related []lint.Related
		target := "a Lambda function"
		for _, l := range n.Lambda {
			direct = direct.Or(l.Exists("lambda_function", "lambda_function_arn"))
			if l.Unknown() || l.Function == nil {
				continue
			}
			if related == nil {
				target = l.Function.Addr
			}
			related = append(related, rel(l.Function.Resource, "function invoked"))
		}
		p.ReportIf(direct, lint.Diagnostic{Resource: n.Resource, Message: fmt.Sprintf(
			"%s sends S3 events straight to %s, so an upload burst becomes one invocation per object with no buffer: put an SQS queue (or EventBridge) between the bucket and the function",
			n.Addr, target), Related: related})
	}
	return nil
}
