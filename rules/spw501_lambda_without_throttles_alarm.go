package rules

import (
	"github.com/spillway-iac/spillway/lint"
)

// SPW501 reports functions without an alarm on Throttles.
var SPW501 = &lint.Rule{
	ID:       "SPW501",
	Name:     "lambda-without-throttles-alarm",
	Severity: lint.Low,
	Summary:  "Functions of a root module have no CloudWatch alarm on their throttles (nor an account-wide one), so throttling goes unnoticed; one finding lists them all.",
	Doc:      doc("SPW501"),
	Check:    checkSPW501,
}

func checkSPW501(p *lint.Pass) error {
	return checkFunctionAlarm(p, "Throttles", "throttled invocations")
}
