package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW303 reports queues whose visibility timeout is below six times the
// consuming function's timeout plus the batching window.
var SPW303 = &lint.Rule{
	ID:       "SPW303",
	Name:     "sqs-visibility-timeout-below-six-times",
	Severity: lint.Medium,
	Summary:  "A queue's visibility timeout is below six times the consuming function's timeout (plus the batching window).",
	Doc:      doc("SPW303"),
	Settings: []*lint.Setting{visibilityMultiplier},
	Check:    checkSPW303,
}

// visibilityMultiplier is SPW303's factor of the function timeout.
var visibilityMultiplier = &lint.Setting{
	Name: "visibility_multiplier",
	Doc: "How many times the consuming function's timeout (plus the batching window) a queue's " +
		"visibility timeout must reach. AWS recommends 6.",
	Default: 6,
	Min:     1,
}

func checkSPW303(p *lint.Pass) error {
	mult := p.Int(visibilityMultiplier)
	for _, q := range p.Graph.Queues {
		vis := q.VisibilityTimeout()
		// below could make SPW302 fire instead, so this rule cannot.
		below, short := graph.No(), graph.No()
		var worst *consumer
		var worstNeed int64
		for _, c := range consumersOf(q) {
			below = below.Or(c.below(vis))
			f, need := spw303Short(c, vis, mult)
			short = short.Or(f)
			if f.True() && (worst == nil || need > worstNeed) {
				worst, worstNeed = c, need
			}
		}
		fires := short.And(below.Not())
		if p.Undecided(q.Resource, fires) || fires.False() {
			continue
		}
		detail := fmt.Sprintf("%d x the %s timeout of %s", mult, seconds(worst.timeout.N), worst.function.Addr)
		switch {
		case !worst.window.Known():
			detail += fmt.Sprintf(" + the batching window of %s, which is not known", worst.mapping.Addr)
		case worst.window.N > 0:
			detail += fmt.Sprintf(" + the %s batching window of %s", seconds(worst.window.N), worst.mapping.Addr)
		}
		p.Report(lint.Diagnostic{Resource: q.Resource, Message: fmt.Sprintf(
			"the visibility timeout %s of %s is below %s (%s); when invocations are throttled or retried, messages become visible again while a batch is still being processed and are delivered twice: set visibility_timeout_seconds to at least %d",
			seconds(vis.N), q.Addr, seconds(worstNeed), detail, worstNeed), Related: []lint.Related{
			rel(worst.function.Resource, "consuming function"), rel(worst.mapping.Resource, "event source mapping")}})
	}
	return nil
}

// spw303MaxBatchingWindow is the largest maximum_batching_window_in_seconds
// Lambda accepts.
const spw303MaxBatchingWindow = 300

// spw303Short is the fact that the visibility timeout is below mult times
// the consumer's function timeout plus its batching window, and that
// sum. A timeout above the visibility timeout is SPW302's finding, not
// this rule's. An unknown window is between 0 and 300 s: below the
// timeout part alone is below the sum, and at least the timeout part plus
// 300 s is enough whatever the window.
func spw303Short(c *consumer, vis graph.Num, mult int64) (graph.Fact, int64) {
	if c.external() {
		return graph.No(), 0
	}
	if f := vis.Less(c.timeout); !f.False() {
		if f.True() {
			f = graph.No()
		}
		return f, 0
	}
	need := c.timeout.Times(mult).N
	switch {
	case c.window.Known():
		need += c.window.N
	case vis.N >= need+spw303MaxBatchingWindow:
		return graph.No(), 0
	case vis.N >= need:
		return graph.Maybe(c.window.Why), 0
	}
	return graph.FactOf(vis.N < need).And(c.exists), need
}
