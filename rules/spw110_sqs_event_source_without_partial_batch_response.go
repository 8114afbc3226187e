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
	Summary:  "An SQS mapping with batches does not report partial failures, so one bad message makes the whole batch retry.",
	Doc:      doc("SPW110"),
	Check:    checkSPW110,
}

func checkSPW110(p *lint.Pass) error {
	for _, m := range p.Graph.Mappings {
		batch := m.Attr("batch_size").IntOr(10)
		frt := m.Attr("function_response_types")
		missing := batch.Above(1).And(spw110Reports(frt).Not()).And(m.IsSQS())
		var fix []lint.FixSpec
		if frt.State() == graph.Absent {
			fix = []lint.FixSpec{{
				Description: "Set function_response_types = [\"ReportBatchItemFailures\"]; the function must then return the IDs of the failed messages in batchItemFailures",
				Attribute:   "function_response_types",
				Value:       `["ReportBatchItemFailures"]`,
			}}
		}
		p.ReportIf(missing, lint.Diagnostic{Resource: m.Resource, Message: fmt.Sprintf(
			"%s delivers batches of %d messages without function_response_types = [\"ReportBatchItemFailures\"]; one failing message makes the whole batch return to the queue, so the others are processed again (duplicates) and can be moved to the dead-letter queue with it",
			m.Addr, batch.N), Fix: fix})
	}
	return nil
}

// spw110Reports is the fact that function_response_types includes
// ReportBatchItemFailures.
func spw110Reports(frt graph.Value) graph.Fact {
	if frt.State() == graph.Unknown {
		return graph.Maybe(frt.Unknown())
	}
	types, ok := frt.Strings()
	return graph.FactOf(ok && contains(types, "ReportBatchItemFailures"))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
