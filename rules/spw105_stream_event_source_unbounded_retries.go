package rules

import (
	"fmt"

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
		// -1, the default, is no limit.
		unbounded := m.Attr("maximum_retry_attempts").IntOr(-1).Is(-1).
			And(m.Attr("maximum_record_age_in_seconds").IntOr(-1).Is(-1))
		p.ReportIf(unbounded.And(m.IsStream()), lint.Diagnostic{Resource: m.Resource, Message: fmt.Sprintf(
			"%s reads a %s stream with no limit on retries (maximum_retry_attempts) or record age (maximum_record_age_in_seconds); one record the function cannot process is retried until it expires (24 hours or more) and blocks its shard meanwhile: bound the retries, bisect batches and add an on-failure destination",
			m.Addr, m.Kind)})
	}
	return nil
}
