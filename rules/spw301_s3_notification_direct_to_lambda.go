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
		if len(n.Lambda) == 0 {
			continue
		}
		known := 0
		var unknownBlock string
		var related []lint.Related
		target := ""
		for _, b := range n.Lambda {
			if b.Unknown() {
				if unknownBlock == "" {
					unknownBlock = dynamicUnknown(b, "lambda_function", "lambda_function_arn")
				}
				continue
			}
			known++
			if fn, _ := p.Graph.ResolveFunction(b.Attr("lambda_function_arn")); fn != nil {
				related = append(related, rel(fn.Resource, "function invoked"))
				if target == "" {
					target = fn.Addr
				}
			}
		}
		if known == 0 {
			p.ReportIf(graph.Maybe(unknownBlock), lint.Diagnostic{Resource: n.Resource})
			continue
		}
		if target == "" {
			target = "a Lambda function"
		}
		p.Report(lint.Diagnostic{Resource: n.Resource, Message: fmt.Sprintf(
			"%s sends S3 events straight to %s, so an upload burst becomes one invocation per object with no buffer: put an SQS queue (or EventBridge) between the bucket and the function",
			n.Addr, target), Related: related})
	}
	return nil
}
