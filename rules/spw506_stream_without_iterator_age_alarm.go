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
		stream := m.IsStream()
		if stream.False() {
			continue
		}
		f, t := m.Function, m.FunctionTarget
		var watched graph.Fact
		local := graph.Yes()
		switch {
		case f != nil:
			watched = p.Graph.WatchesFunction("AWS/Lambda", "IteratorAge", f)
		case t.Unresolved():
			// Whatever the function is, an account-wide alarm watches it;
			// it may also be a function defined elsewhere.
			watched = p.Graph.WatchesAnyFunction("AWS/Lambda", "IteratorAge", t)
			local = graph.Maybe(t.Why)
		default:
			// A function defined elsewhere: its alarms are not here.
			continue
		}
		fires := watched.Not().And(local).And(stream)
		if !fires.True() {
			p.Undecided(m.Resource, fires)
			continue
		}
		p.Report(lint.Diagnostic{Resource: m.Resource, Message: fmt.Sprintf(
			"%s reads a %s stream but no aws_cloudwatch_metric_alarm watches AWS/Lambda IteratorAge for %s; a shard blocked by a failing batch falls behind unnoticed until its records expire",
			m.Addr, m.Kind, f.Addr), Related: []lint.Related{rel(f.Resource, "function")}})
	}
	return nil
}
