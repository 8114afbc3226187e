package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
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
	switch w, unknown := monWatchesAny(p.Graph, "AWS/Lambda", "ConcurrentExecutions"); w {
	case graph.Watched:
		return nil
	case graph.MaybeWatched:
		p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: first.Resource})
		return nil
	default:
	}
	p.Report(lint.Diagnostic{Resource: first.Resource, Message: fmt.Sprintf(
		"this root module defines %d Lambda %s but no aws_cloudwatch_metric_alarm watches AWS/Lambda ConcurrentExecutions (account-wide or per function); the account's pool of %d executions can fill up without warning before everything is throttled",
		len(p.Graph.Functions), pluralS(len(p.Graph.Functions), "function", "functions"), p.Int(accountConcurrencyLimit))})

	return nil
}

func pluralS(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
