package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW206 reports provisioned concurrency above the function's reserved
// concurrency.
var SPW206 = &lint.Rule{
	ID:       "SPW206",
	Name:     "provisioned-concurrency-above-reserved",
	Severity: lint.High,
	Summary:  "Provisioned concurrency exceeds the function's reserved concurrency: AWS rejects it.",
	Doc:      doc("SPW206"),
	Check:    checkSPW206,
}

func checkSPW206(p *lint.Pass) error {
	for _, pc := range p.Graph.Provisioned {
		v := pc.Attr("provisioned_concurrent_executions")
		var n int64
		vUnknown := ""
		switch v.State() {
		case graph.Unknown:
			vUnknown = v.Unknown()
		case graph.Known:
			var ok bool
			if n, ok = v.Int(); !ok {
				continue
			}
		default:
			continue
		}
		f := pc.Function
		if f == nil {
			// Only an unknown function name leaves the check open; a
			// function outside this root module has no reservation here.
			if _, t := p.Graph.ResolveFunction(pc.Attr("function_name")); t.Unresolved() {
				p.ReportIf(graph.Maybe(firstOf(vUnknown, t.Why)), lint.Diagnostic{Resource: pc.Resource})
			}
			continue
		}
		r := reservationOf(f)
		switch {
		case r.unknown != "":
			p.ReportIf(graph.Maybe(firstOf(vUnknown, r.unknown)), lint.Diagnostic{Resource: pc.Resource})
			continue
		case !r.set:
			// Unreserved: provisioned concurrency comes from the
			// account's unreserved pool.
			continue
		case vUnknown != "":
			p.ReportIf(graph.Maybe(vUnknown), lint.Diagnostic{Resource: pc.Resource})
			continue
		case n <= r.n:
			continue
		}
		p.Report(lint.Diagnostic{Resource: pc.Resource, Message: fmt.Sprintf(
			"%s provisions %d concurrent executions but %s reserves only %d; provisioned concurrency cannot exceed the reservation and AWS rejects the configuration",
			pc.Addr, n, f.Addr, r.n), Related: []lint.Related{

			rel(f.Resource, "function")}})

	}
	return nil
}
