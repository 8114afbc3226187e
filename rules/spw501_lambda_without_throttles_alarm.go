package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW501 reports functions without an alarm on Throttles.
var SPW501 = &lint.Rule{
	ID:       "SPW501",
	Name:     "lambda-without-throttles-alarm",
	Severity: lint.Low,
	Family:   "monitoring",
	Summary:  "A function has no CloudWatch alarm on its throttles (or an account-wide one), so throttling goes unnoticed.",
	Doc:      doc("SPW501"),
	Check:    checkSPW501,
}

func checkSPW501(p *lint.Pass) error {
	for _, f := range p.Graph.Functions {
		switch w, unknown := monWatchesFunction(p.Graph, "AWS/Lambda", "Throttles", f); w {
		case graph.Watched:
			continue
		case graph.MaybeWatched:
			p.Undetermined(f.Resource, unknown)
			continue
		default:
		}
		p.Report(f.Resource, fmt.Sprintf(
			"no aws_cloudwatch_metric_alarm watches AWS/Lambda Throttles for %s (dimension FunctionName) or account-wide; throttled invocations during a flood go unnoticed until users complain",
			f.Addr))
	}
	return nil
}
