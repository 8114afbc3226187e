package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW503 reports root modules with functions but no concurrency alarm.
var SPW503 = &lint.Rule{
	ID:       "SPW503",
	Name:     "no-concurrency-alarm",
	Severity: lint.Low,
	Summary:  "Functions exist but no alarm watches ConcurrentExecutions, so nobody sees the account's pool filling up.",
	Doc:      doc("SPW503"),
	Check:    checkSPW503,
}

func checkSPW503(p *lint.Pass) error {
	first := firstFunction(p.Graph)
	if first == nil {
		return nil
	}
	p.ReportIf(p.Graph.WatchesAny("AWS/Lambda", "ConcurrentExecutions").Not(), lint.Diagnostic{Resource: first.Resource, Message: fmt.Sprintf(
		"this root module defines %s but no aws_cloudwatch_metric_alarm watches AWS/Lambda ConcurrentExecutions (account-wide or per function); the account's pool of %d executions can fill up without warning before everything is throttled",
		functionCount(p.Graph), p.Int(accountConcurrencyLimit))})
	return nil
}
