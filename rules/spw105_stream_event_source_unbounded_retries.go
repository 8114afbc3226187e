package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW105 reports stream mappings that retry a failing batch until its
// records expire.
var SPW105 = &lint.Rule{
	ID:       "SPW105",
	Name:     "stream-event-source-unbounded-retries",
	Severity: lint.High,
	Summary:  "A Kinesis or DynamoDB stream mapping retries a failing batch until its records expire, blocking the shard.",
	Doc:      doc("SPW105"),
	Check:    checkSPW105,
}

func checkSPW105(p *lint.Pass) error {
	for _, m := range p.Graph.Mappings {
		stream, unknownKind := isStream(m)
		if !stream && unknownKind == "" {
			continue
		}
		retries, ok1, u1 := intOr(m.Attr("maximum_retry_attempts"), -1)
		age, ok2, u2 := intOr(m.Attr("maximum_record_age_in_seconds"), -1)
		if ok1 && retries != -1 || ok2 && age != -1 {
			continue
		}
		switch {
		case !ok1:
			p.ReportIf(graph.Maybe(u1), lint.Diagnostic{Resource: m.Resource})
			continue
		case !ok2:
			p.ReportIf(graph.Maybe(u2), lint.Diagnostic{Resource: m.Resource})
			continue
		case unknownKind != "":
			p.ReportIf(graph.Maybe(unknownKind), lint.Diagnostic{Resource: m.Resource})
			continue
		}
		p.Report(lint.Diagnostic{Resource: m.Resource, Message: fmt.Sprintf(
			"%s reads a %s stream with no limit on retries (maximum_retry_attempts) or record age (maximum_record_age_in_seconds); one record the function cannot process is retried until it expires (24 hours or more) and blocks its shard meanwhile: bound the retries, bisect batches and add an on-failure destination",
			m.Addr, m.Kind)})

	}
	return nil
}
