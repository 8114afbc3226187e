package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW107 reports stream mappings that do not bisect failing batches.
var SPW107 = &lint.Rule{
	ID:       "SPW107",
	Name:     "stream-event-source-without-bisect",
	Severity: lint.Low,
	Summary:  "A stream mapping does not split a failing batch, so one bad record fails all the records around it.",
	Doc:      doc("SPW107"),
	Check:    checkSPW107,
}

func checkSPW107(p *lint.Pass) error {
	for _, m := range p.Graph.Mappings {
		bisect := m.Attr("bisect_batch_on_function_error")
		var fix []lint.FixSpec
		if bisect.State() == graph.Absent {
			fix = []lint.FixSpec{{
				Description: "Set bisect_batch_on_function_error = true so a failing batch is split in two and retried until the bad record is isolated",
				Attribute:   "bisect_batch_on_function_error",
				Value:       "true",
			}}
		}
		p.ReportIf(bisect.IsTrue().Not().And(m.IsStream()), lint.Diagnostic{Resource: m.Resource, Message: fmt.Sprintf(
			"%s reads a %s stream without bisect_batch_on_function_error = true; a single bad record fails its whole batch on every retry, so good records are retried, delayed and finally discarded with it",
			m.Addr, m.Kind), Fix: fix})
	}
	return nil
}
