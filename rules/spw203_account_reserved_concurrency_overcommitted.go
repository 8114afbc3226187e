package rules

import (
	"fmt"
	"sort"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW203 reports root modules whose functions reserve more concurrency
// than the account can give.
var SPW203 = &lint.Rule{
	ID:       "SPW203",
	Name:     "account-reserved-concurrency-overcommitted",
	Severity: lint.High,
	Summary:  "The functions of one root module reserve more concurrency than the account limit minus the 100 AWS keeps unreserved.",
	Doc:      doc("SPW203"),
	Settings: []*lint.Setting{accountConcurrencyLimit},
	Check:    checkSPW203,
}

// accountConcurrencyLimit is the account's quota of concurrent executions.
// SPW203 owns it: it is the only rule whose verdict depends on it. SPW201,
// SPW204, SPW407 and SPW503 read it too, to quote it in their messages.
var accountConcurrencyLimit = &lint.Setting{
	Name: "account_concurrency_limit",
	Doc: "The account's quota of concurrent Lambda executions in the region (Service Quotas: " +
		"Lambda concurrent executions). SPW203 reports reservations that sum to more than it minus " +
		"the 100 executions AWS keeps unreserved; SPW201, SPW204, SPW407 and SPW503 quote it in their messages.",
	Default: 1000,
	Min:     1,
}

func checkSPW203(p *lint.Pass) error {
	fns := append([]*graph.Function(nil), p.Graph.Functions...)
	sort.SliceStable(fns, func(i, j int) bool { return graph.CompareAddr(fns[i].Addr, fns[j].Addr) < 0 })
	limit := p.Int(accountConcurrencyLimit)
	capacity := limit - 100
	var sum int64
	var counted []*graph.Function
	// open is the first reservation that the sum cannot count for sure.
	open, openAt := graph.No(), (*graph.Function)(nil)
	for _, f := range fns {
		n := f.Reservation()
		// Any number of instances of a function with an unknown count or
		// for_each may exist, each reserving n; instances that reserve
		// nothing cannot push the sum.
		counts := n.Above(0).And(f.Exists())
		if !counts.True() {
			if counts.Undecided() && openAt == nil {
				open, openAt = counts, f
			}
			continue
		}
		sum += n.N
		counted = append(counted, f)
		if sum > capacity {
			related := make([]lint.Related, 0, len(counted)-1)
			for _, c := range counted[:len(counted)-1] {
				related = append(related, rel(c.Resource, "reserves concurrency"))
			}
			p.Report(lint.Diagnostic{Resource: f.Resource, Message: fmt.Sprintf(
				"%s reserves %d concurrent executions, which brings the reservations of %d functions in this root module to %d, above the %d the account can reserve (limit %d minus the 100 AWS keeps unreserved); AWS rejects the reservation that does not fit",
				f.Addr, n.N, len(counted), sum, capacity, limit), Related: related})
			return nil
		}
	}
	if openAt != nil {
		p.Undecided(openAt.Resource, open)
	}
	return nil
}
