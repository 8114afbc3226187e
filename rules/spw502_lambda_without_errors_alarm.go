package rules

import (
	"github.com/spillway-iac/spillway/lint"
)

// SPW502 reports functions without an alarm on Errors.
var SPW502 = &lint.Rule{
	ID:       "SPW502",
	Name:     "lambda-without-errors-alarm",
	Severity: lint.Low,
	Summary:  "Functions of a root module have no CloudWatch alarm on their errors (nor an account-wide one), so failures go unnoticed; one finding lists them all.",
	Doc:      doc("SPW502"),
	Check:    checkSPW502,
}

func checkSPW502(p *lint.Pass) error {
	return checkFunctionAlarm(p, "Errors", "failed invocations")
}
