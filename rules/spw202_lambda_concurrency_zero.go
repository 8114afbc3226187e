package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW202 reports functions whose reserved concurrency is zero.
var SPW202 = &lint.Rule{
	ID:       "SPW202",
	Name:     "lambda-concurrency-zero",
	Severity: lint.Low,
	Summary:  "A function reserves zero concurrent executions, so every invocation is throttled.",
	Doc:      doc("SPW202"),
	Check:    checkSPW202,
}

func checkSPW202(p *lint.Pass) error {
	for _, f := range p.Graph.Functions {
		// An unknown reservation may be 0.
		p.ReportIf(f.Reservation().Is(0), lint.Diagnostic{Resource: f.Resource, Range: f.ReservedConcurrency().Range, Message: fmt.Sprintf(
			"%s sets reserved_concurrent_executions = 0, so every invocation is throttled: synchronous callers get 429 errors and asynchronous events are retried and then dropped; remove the argument or reserve the concurrency it needs",
			f.Addr)})
	}
	return nil
}
