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
		if len(q.Consumers) == 0 {
			continue
		}
		vis, visUnknown, consumers := queueConsumerTimeouts(q)
		if visUnknown != "" {
			for i := range consumers {
				if !consumers[i].external() {
					p.ReportIf(graph.Maybe(visUnknown), lint.Diagnostic{Resource: q.Resource})
					break
				}
			}
			continue
		}
		if spw303SPW302Fires(vis, consumers) {
			// SPW302's finding; this rule stays quiet.
			continue
		}
		var worst *consumerTimeout
		var worstNeed int64
		// unknown could make this rule fire; blocker could make SPW302
		// fire instead, so this rule cannot.
		unknown, blocker := "", ""
		note := func(dst *string, u string) {
			if *dst == "" {
				*dst = u
			}
		}
		for i := range consumers {
			c := &consumers[i]
			switch {
			case c.fnUnknown != "":
				note(&unknown, c.fnUnknown)
				note(&blocker, c.fnUnknown)
				continue
			case c.function == nil:
				// A function outside this root module.
				continue
			case c.timeoutUnknown != "":
				note(&unknown, c.timeoutUnknown)
				note(&blocker, c.timeoutUnknown)
				continue
			case vis < c.timeout:
				// Only an uncertain consumer gets here (see
				// spw303SPW302Fires): if it exists, SPW302 fires.
				note(&blocker, c.uncertain)
				continue
			}
			need := mult*c.timeout + c.window
			if c.windowUnknown != "" {
				// The window is between 0 and 300 s: below the timeout
				// part alone is below the sum, and at least the timeout
				// part plus 300 s is enough whatever the window.
				need = mult * c.timeout
				if vis >= need+spw303MaxBatchingWindow {
					continue
				}
				if vis >= need {
					note(&unknown, c.windowUnknown)
					continue
				}
			}
			if vis >= need {
				continue
			}
			if c.uncertain != "" {
				note(&unknown, c.uncertain)
				continue
			}
			if worst == nil || need > worstNeed {
				worst, worstNeed = c, need
			}
		}
		switch {
		case worst != nil && blocker == "":
			detail := fmt.Sprintf("%d x the %s timeout of %s", mult, seconds(worst.timeout), worst.function.Addr)
			switch {
			case worst.windowUnknown != "":
				detail += fmt.Sprintf(" + the batching window of %s, which is not known", worst.mapping.Addr)
			case worst.window > 0:
				detail += fmt.Sprintf(" + the %s batching window of %s", seconds(worst.window), worst.mapping.Addr)
			}
			p.Report(lint.Diagnostic{Resource: q.Resource, Message: fmt.Sprintf(
				"the visibility timeout %s of %s is below %s (%s); when invocations are throttled or retried, messages become visible again while a batch is still being processed and are delivered twice: set visibility_timeout_seconds to at least %d",
				seconds(vis), q.Addr, seconds(worstNeed), detail, worstNeed), Related: []lint.Related{

				rel(worst.function.Resource, "consuming function"), rel(worst.mapping.Resource, "event source mapping")}})

		case worst != nil:
			p.ReportIf(graph.Maybe(blocker), lint.Diagnostic{Resource: q.Resource})
		case unknown != "":
			p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: q.Resource})
		}
	}
	return nil
}

// spw303MaxBatchingWindow is the largest maximum_batching_window_in_seconds
// Lambda accepts.
const spw303MaxBatchingWindow = 300

// spw303SPW302Fires reports whether a consumer that certainly exists has a
// known timeout above the visibility timeout: SPW302's finding.
func spw303SPW302Fires(vis int64, consumers []consumerTimeout) bool {
	for i := range consumers {
		c := &consumers[i]
		if c.function != nil && c.timeoutUnknown == "" && c.uncertain == "" && vis < c.timeout {
			return true
		}
	}
	return false
}
