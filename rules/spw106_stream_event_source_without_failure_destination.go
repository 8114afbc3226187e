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
		set, unknown := spw106Destination(m)
		if set {
			continue
		}
		if unknown != "" {
			p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: m.Resource})
			continue
		}
		if unknownKind != "" {
			p.ReportIf(graph.Maybe(unknownKind), lint.Diagnostic{Resource: m.Resource})
			continue
		}
		p.Report(lint.Diagnostic{Resource: m.Resource, Message: fmt.Sprintf(
			"%s reads a %s stream without destination_config.on_failure.destination_arn; records that exhaust their retries or age out are skipped without a trace: send them to an SQS queue or SNS topic",
			m.Addr, m.Kind)})

	}
	return nil
}

// spw106Destination reports whether a mapping provably has an on-failure
// destination, and otherwise the unknown expression that might give it
// one (an unknown ARN, or a dynamic block with an unknown for_each). An
// ARN read from a resource (aws_sqs_queue.q.arn) is unknown but set.
func spw106Destination(m *graph.Mapping) (set bool, unknown string) {
	note := func(u string) {
		if unknown == "" {
			unknown = u
		}
	}
	for _, dc := range m.Blocks("destination_config") {
		if dc.Unknown() {
			note("the for_each of a dynamic destination_config block")
			continue
		}
		for _, of := range dc.Blocks("on_failure") {
			if of.Unknown() {
				note("the for_each of a dynamic on_failure block")
				continue
			}
			s, u := of.Attr("destination_arn").Presence()
			if s {
				return true, ""
			}
			if u != "" {
				note(u)
			}
		}
	}
	return false, unknown
}
