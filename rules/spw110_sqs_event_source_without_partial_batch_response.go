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
		sqs, unknownKind := spw110IsSQS(m)
		if !sqs && unknownKind == "" {
			continue
		}
		frt := m.Attr("function_response_types")
		if types, ok := frt.Strings(); ok && contains(types, "ReportBatchItemFailures") {
			continue
		}
		batch, ok, unknownBatch := intOr(m.Attr("batch_size"), 10)
		if ok && batch <= 1 {
			continue
		}
		switch {
		case !ok:
			p.ReportIf(graph.Maybe(unknownBatch), lint.Diagnostic{Resource: m.Resource})
			continue
		case frt.State() == graph.Unknown:
			p.ReportIf(graph.Maybe(frt.Unknown()), lint.Diagnostic{Resource: m.Resource})
			continue
		case unknownKind != "":
			p.ReportIf(graph.Maybe(unknownKind), lint.Diagnostic{Resource: m.Resource})
			continue
		}
		var fix []lint.FixSpec
		if frt.State() == graph.Absent {
			fix = []lint.FixSpec{{
				Description: "Set function_response_types = [\"ReportBatchItemFailures\"]; the function must then return the IDs of the failed messages in batchItemFailures",
				Attribute:   "function_response_types",
				Value:       `["ReportBatchItemFailures"]`,
			}}
		}
		p.Report(lint.Diagnostic{Resource: m.Resource, Message: fmt.Sprintf(
			"%s delivers batches of %d messages without function_response_types = [\"ReportBatchItemFailures\"]; one failing message makes the whole batch return to the queue, so the others are processed again (duplicates) and can be moved to the dead-letter queue with it",
			m.Addr, batch), Fix: fix})

	}
	return nil
}

// spw110IsSQS reports whether a mapping reads an SQS queue: yes, no, or
// unknown (the source is unknown and starting_position, which SQS mappings
// do not take, is absent or null).
func spw110IsSQS(m *graph.Mapping) (sqs bool, unknown string) {
	if m.Kind == graph.SourceSQS {
		return true, ""
	}
	if m.Kind != graph.SourceUnknown || m.KindUnknown == "" {
		return false, ""
	}
	if m.Attr("starting_position").IsSet() {
		return false, ""
	}
	return false, m.KindUnknown
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
