package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW204 reports SQS mappings whose pollers can scale to the account's
// whole pool.
var SPW204 = &lint.Rule{
	ID:       "SPW204",
	Name:     "sqs-event-source-unbounded-scaling",
	Severity: lint.Medium,
	Family:   "concurrency",
	Summary:  "An SQS mapping has no maximum concurrency and its function no reserved concurrency, so a backlog can take the account's whole pool.",
	Doc:      doc("SPW204"),
	Check:    checkSPW204,
}

func checkSPW204(p *lint.Pass) error {
	for _, m := range p.Graph.Mappings {
		sqs, kindUnknown := spw204SourceIsSQS(m)
		if !sqs && kindUnknown == "" {
			continue
		}
		mc, mcUnknown := maximumConcurrency(m)
		if (mcUnknown == "" && mc.IsSet()) || mc.NotNull() {
			// A cap is set; an unknown value that cannot be null (a
			// data source, a resource attribute) is a cap too.
			continue
		}
		// No known cap: the function's reservation decides.
		f, fnUnknown := functionOfMapping(m)
		if f == nil {
			// A function outside this root module: its reservation is
			// not part of the configuration, so nothing can be proved.
			if fnUnknown != "" {
				p.Undetermined(m.Resource, spw204FirstOf(mcUnknown, fnUnknown))
			}
			continue
		}
		r := reservationOf(f)
		switch {
		case r.set:
			continue
		case r.unknown != "":
			p.Undetermined(m.Resource, spw204FirstOf(mcUnknown, r.unknown))
			continue
		case mcUnknown != "":
			p.Undetermined(m.Resource, mcUnknown)
			continue
		case kindUnknown != "":
			// It fires if the source turns out to be a queue.
			p.Undetermined(m.Resource, kindUnknown)
			continue
		}
		p.Report(m.Resource, fmt.Sprintf(
			"%s has no scaling_config.maximum_concurrency and %s reserves no concurrency, so a queue backlog scales the pollers until they hold the account's %d concurrent executions and throttle every other function: set scaling_config.maximum_concurrency or reserve concurrency",
			m.Addr, f.Addr, p.Settings.AccountConcurrencyLimit), rel(f.Resource, "function"))
	}
	return nil
}

// spw204SourceIsSQS reports whether a mapping reads an SQS queue: yes, no,
// or unknown (the source is unknown and starting_position, which SQS
// mappings do not take, is not set).
func spw204SourceIsSQS(m *graph.Mapping) (sqs bool, unknown string) {
	switch {
	case m.Kind == graph.SourceSQS:
		return true, ""
	case m.Kind != graph.SourceUnknown || m.KindUnknown == "":
		return false, ""
	case m.Attr("starting_position").IsSet():
		return false, ""
	}
	return false, m.KindUnknown
}

// spw204FirstOf returns the first non-empty unknown expression.
func spw204FirstOf(exprs ...string) string {
	for _, e := range exprs {
		if e != "" {
			return e
		}
	}
	return ""
}

// maximumConcurrency returns scaling_config.maximum_concurrency, or the
// unknown expression when a dynamic scaling_config block makes it unknown.
func maximumConcurrency(m *graph.Mapping) (graph.Value, string) {
	for _, b := range m.Blocks("scaling_config") {
		if b.Unknown() {
			return graph.Value{}, "the for_each of a dynamic scaling_config block"
		}
		v := b.Attr("maximum_concurrency")
		if v.State() == graph.Unknown {
			return v, v.Unknown()
		}
		if v.IsSet() {
			return v, ""
		}
	}
	return graph.Value{}, ""
}
