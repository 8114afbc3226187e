package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW106 reports stream mappings without an on-failure destination.
var SPW106 = &lint.Rule{
	ID:       "SPW106",
	Name:     "stream-event-source-without-failure-destination",
	Severity: lint.Medium,
	Summary:  "A stream mapping has no on-failure destination, so records that exhaust their retries are dropped.",
	Doc:      doc("SPW106"),
	Check:    checkSPW106,
}

func checkSPW106(p *lint.Pass) error {
	for _, m := range p.Graph.Mappings {
		p.ReportIf(m.OnFailureSet().Not().And(m.IsStream()), lint.Diagnostic{Resource: m.Resource, Message: fmt.Sprintf(
			"%s reads a %s stream without destination_config.on_failure.destination_arn; records that exhaust their retries or age out are skipped without a trace: send them to an SQS queue or SNS topic",
			m.Addr, m.Kind)})
	}
	return nil
}
