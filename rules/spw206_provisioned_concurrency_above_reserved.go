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
	Family:   "concurrency",
	Summary:  "Provisioned concurrency exceeds the function's reserved concurrency: AWS rejects it.",
	Doc:      doc("SPW206"),
	Check:    checkSPW206,
}

func checkSPW206(p *lint.Pass) error {
	for _, pc := range p.Graph.Provisioned {
		v := pc.Attr("provisioned_concurrent_executions")
		if v.State() == graph.Unknown {
			p.Undetermined(pc.Resource, v.Unknown())
			continue
		}
		n, ok := v.Int()
		if !ok || pc.Function == nil {
			continue
		}
		r := reservationOf(pc.Function)
		switch {
		case r.unknown != "":
			p.Undetermined(pc.Resource, r.unknown)
			continue
		case !r.set || n <= r.n:
			continue
		}
		p.Report(pc.Resource, fmt.Sprintf(
			"%s provisions %d concurrent executions but %s reserves only %d; provisioned concurrency cannot exceed the reservation and AWS rejects the configuration",
			pc.Addr, n, pc.Function.Addr, r.n), rel(pc.Function.Resource, "function"))
	}
	return nil
}
