package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW106 reports stream mappings without an on-failure destination.
var SPW106 = &lint.Rule{
	ID:       "SPW106",
	Name:     "stream-event-source-without-failure-destination",
	Severity: lint.Medium,
	Family:   "async",
	Summary:  "A stream mapping has no on-failure destination, so records that exhaust their retries are dropped.",
	Doc:      doc("SPW106"),
	Check:    checkSPW106,
}

func checkSPW106(p *lint.Pass) error {
	for _, m := range p.Graph.Mappings {
		stream, unknownKind := isStream(m)
		if !stream && unknownKind == "" {
			continue
		}
		dest := m.Path("destination_config", "on_failure", "destination_arn")
		switch dest.State() {
		case graph.Known:
			if s, ok := dest.String(); !ok || s != "" {
				continue
			}
		case graph.Unknown:
			p.Undetermined(m.Resource, dest.Unknown())
			continue
		default:
		}
		if unknownKind != "" {
			p.Undetermined(m.Resource, unknownKind)
			continue
		}
		p.Report(m.Resource, fmt.Sprintf(
			"%s reads a %s stream without destination_config.on_failure.destination_arn; records that exhaust their retries or age out are skipped without a trace: send them to an SQS queue or SNS topic",
			m.Addr, m.Kind))
	}
	return nil
}
