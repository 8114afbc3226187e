package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW506 reports stream mappings whose function has no IteratorAge alarm.
var SPW506 = &lint.Rule{
	ID:       "SPW506",
	Name:     "stream-without-iterator-age-alarm",
	Severity: lint.Low,
	Summary:  "A stream mapping's function has no IteratorAge alarm, so a blocked shard goes unnoticed.",
	Doc:      doc("SPW506"),
	Check:    checkSPW506,
}

func checkSPW506(p *lint.Pass) error {
	for _, m := range p.Graph.Mappings {
		stream, unknownKind := isStream(m)
		if !stream && unknownKind == "" {
			continue
		}
		f, fnUnknown := functionOfMapping(m)
		if f == nil {
			if fnUnknown == "" {
				// A function defined elsewhere: its alarms are not here.
				continue
			}
			// Whatever the function is, an account-wide alarm watches it.
			if w, unknown := monWatchesAnyFunction(p.Graph, "AWS/Lambda", "IteratorAge", fnUnknown); w != graph.Watched {
				if unknown == "" {
					unknown = fnUnknown
				}
				p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: m.Resource})
			}
			continue
		}
		w, unknown := monWatchesFunction(p.Graph, "AWS/Lambda", "IteratorAge", f)
		switch {
		case w == graph.Watched:
			continue
		case w == graph.MaybeWatched:
			p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: m.Resource})
			continue
		case unknownKind != "":
			p.ReportIf(graph.Maybe(unknownKind), lint.Diagnostic{Resource: m.Resource})
			continue
		}
		p.Report(lint.Diagnostic{Resource: m.Resource, Message: fmt.Sprintf(
			"%s reads a %s stream but no aws_cloudwatch_metric_alarm watches AWS/Lambda IteratorAge for %s; a shard blocked by a failing batch falls behind unnoticed until its records expire",
			m.Addr, m.Kind, f.Addr), Related: []lint.Related{

			rel(f.Resource, "function")}})

	}
	return nil
}
