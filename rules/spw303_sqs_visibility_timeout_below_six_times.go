package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW303 reports queues whose visibility timeout is below six times the
// consuming function's timeout plus the batching window.
var SPW303 = &lint.Rule{
	ID:       "SPW303",
	Name:     "sqs-visibility-timeout-below-six-times",
	Severity: lint.Medium,
	Family:   "wiring",
	Summary:  "A queue's visibility timeout is below six times the consuming function's timeout (plus the batching window).",
	Doc:      doc("SPW303"),
	Check:    checkSPW303,
}

func checkSPW303(p *lint.Pass) error {
	mult := p.Settings.VisibilityMultiplier
	for _, q := range p.Graph.Queues {
		if len(q.Consumers) == 0 {
			continue
		}
		vis, consumers, unknown := queueConsumerTimeouts(q)
		var worst *consumerTimeout
		below := false
		for i := range consumers {
			c := &consumers[i]
			if vis < c.timeout {
				below = true // SPW302's finding
				break
			}
			if need := mult*c.timeout + c.window; vis < need && (worst == nil || need > mult*worst.timeout+worst.window) {
				worst = c
			}
		}
		switch {
		case below:
		case worst != nil:
			need := mult*worst.timeout + worst.window
			detail := fmt.Sprintf("%d x the %s timeout of %s", mult, seconds(worst.timeout), worst.function.Addr)
			if worst.window > 0 {
				detail += fmt.Sprintf(" + the %s batching window of %s", seconds(worst.window), worst.mapping.Addr)
			}
			p.Report(q.Resource, fmt.Sprintf(
				"the visibility timeout %s of %s is below %s (%s); when invocations are throttled or retried, messages become visible again while a batch is still being processed and are delivered twice: set visibility_timeout_seconds to at least %d",
				seconds(vis), q.Addr, seconds(need), detail, need),
				rel(worst.function.Resource, "consuming function"), rel(worst.mapping.Resource, "event source mapping"))
		case unknown != "":
			p.Undetermined(q.Resource, unknown)
		}
	}
	return nil
}
