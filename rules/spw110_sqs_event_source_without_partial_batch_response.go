package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW110 reports SQS mappings with batches but no partial batch response.
var SPW110 = &lint.Rule{
	ID:       "SPW110",
	Name:     "sqs-event-source-without-partial-batch-response",
	Severity: lint.Low,
	Family:   "async",
	Summary:  "An SQS mapping with batches does not report partial failures, so one bad message makes the whole batch retry.",
	Doc:      doc("SPW110"),
	Check:    checkSPW110,
}

func checkSPW110(p *lint.Pass) error {
	for _, m := range p.Graph.Mappings {
		if m.Kind != graph.SourceSQS {
			continue
		}
		batch, ok, unknown := intOr(m.Attr("batch_size"), 10)
		if !ok {
			p.Undetermined(m.Resource, unknown)
			continue
		}
		if batch <= 1 {
			continue
		}
		frt := m.Attr("function_response_types")
		if frt.State() == graph.Unknown {
			p.Undetermined(m.Resource, frt.Unknown())
			continue
		}
		if types, ok := frt.Strings(); ok && contains(types, "ReportBatchItemFailures") {
			continue
		}
		p.Report(m.Resource, fmt.Sprintf(
			"%s delivers batches of %d messages without function_response_types = [\"ReportBatchItemFailures\"]; one failing message makes the whole batch return to the queue, so the others are processed again (duplicates) and can be moved to the dead-letter queue with it",
			m.Addr, batch))
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
