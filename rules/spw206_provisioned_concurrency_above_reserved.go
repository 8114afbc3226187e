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
		provisioned := v.IntOr(0)
		if !v.IsSet() || v.State() == graph.Known && !provisioned.Known() {
			// Absent, null or not a whole number: nothing to compare.
			continue
		}
		// Unreserved, provisioned concurrency comes from the account's
		// unreserved pool; a function outside this root module has no
		// reservation here.
		f := pc.Function
		fires, res := aboveReservation(provisioned, f, pc.FunctionTarget)
		if !fires.True() {
			p.Undecided(pc.Resource, fires)
			continue
		}
		p.Report(lint.Diagnostic{Resource: pc.Resource, Range: v.Range, Message: fmt.Sprintf(
			"%s provisions %d concurrent executions but %s reserves only %d; provisioned concurrency cannot exceed the reservation and AWS rejects the configuration",
			pc.Addr, provisioned.N, f.Addr, res.N), Related: []lint.Related{rel(f.Resource, "function")}})
	}
	return nil
}
