package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW502 reports functions without an alarm on Errors.
var SPW502 = &lint.Rule{
	ID:       "SPW502",
	Name:     "lambda-without-errors-alarm",
	Severity: lint.Low,
	Family:   "monitoring",
	Summary:  "A function has no CloudWatch alarm on its errors (or an account-wide one), so failures go unnoticed.",
	Doc:      doc("SPW502"),
	Check:    checkSPW502,
}

func checkSPW502(p *lint.Pass) error {
	for _, f := range p.Graph.Functions {
		switch w, unknown := monWatchesFunction(p.Graph, "AWS/Lambda", "Errors", f); w {
		case graph.Watched:
			continue
		case graph.MaybeWatched:
			p.Undetermined(f.Resource, unknown)
			continue
		default:
		}
		p.Report(f.Resource, fmt.Sprintf(
			"no aws_cloudwatch_metric_alarm watches AWS/Lambda Errors for %s (dimension FunctionName) or account-wide; failed invocations during a flood go unnoticed until users complain",
			f.Addr))
	}
	return nil
}
