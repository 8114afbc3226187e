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
		if m.Kind != graph.SourceSQS {
			continue
		}
		mc, unknown := maximumConcurrency(m)
		if unknown != "" {
			p.Undetermined(m.Resource, unknown)
			continue
		}
		if mc.IsSet() {
			continue
		}
		f, fnUnknown := functionOfMapping(m)
		if f == nil {
			if fnUnknown == "" {
				fnUnknown = "the reserved concurrency of " + describeFunctionName(m)
			}
			p.Undetermined(m.Resource, fnUnknown)
			continue
		}
		r := reservationOf(f)
		switch {
		case r.unknown != "":
			p.Undetermined(m.Resource, r.unknown)
			continue
		case r.set:
			continue
		}
		p.Report(m.Resource, fmt.Sprintf(
			"%s has no scaling_config.maximum_concurrency and %s reserves no concurrency, so a queue backlog scales the pollers until they hold the account's %d concurrent executions and throttle every other function: set scaling_config.maximum_concurrency or reserve concurrency",
			m.Addr, f.Addr, p.Settings.AccountConcurrencyLimit), rel(f.Resource, "function"))
	}
	return nil
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

func describeFunctionName(m *graph.Mapping) string {
	if s, ok := m.Attr("function_name").String(); ok {
		return s
	}
	return "the function of " + m.Addr
}
