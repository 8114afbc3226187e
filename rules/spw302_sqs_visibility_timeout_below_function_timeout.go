package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW302 reports queues whose visibility timeout is shorter than the
// timeout of the function consuming them.
var SPW302 = &lint.Rule{
	ID:       "SPW302",
	Name:     "sqs-visibility-timeout-below-function-timeout",
	Severity: lint.High,
	Summary:  "A queue's visibility timeout is shorter than the timeout of the function consuming it: AWS rejects the mapping.",
	Doc:      doc("SPW302"),
	Check:    checkSPW302,
}

func checkSPW302(p *lint.Pass) error {
	for _, q := range p.Graph.Queues {
		vis := q.VisibilityTimeout()
		below := graph.No()
		var worst *consumer
		for _, c := range consumersOf(q) {
			b := c.below(vis)
			below = below.Or(b)
			if b.True() && (worst == nil || c.timeout.N > worst.timeout.N) {
				worst = c
			}
		}
		if p.Undecided(q.Resource, below) || worst == nil {
			continue
		}
		p.Report(lint.Diagnostic{Resource: q.Resource, Message: fmt.Sprintf(
			"the visibility timeout %s of %s is below the %s timeout of %s, which consumes it through %s; AWS rejects the event source mapping (and a slow invocation would let the message be received twice): set visibility_timeout_seconds to at least 6 times the function timeout",
			seconds(vis.N), q.Addr, seconds(worst.timeout.N), worst.function.Addr, worst.mapping.Addr), Related: []lint.Related{
			rel(worst.function.Resource, "consuming function"), rel(worst.mapping.Resource, "event source mapping")}})
	}
	return nil
}
