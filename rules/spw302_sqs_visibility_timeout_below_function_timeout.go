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
		var worst *consumerTimeout
		unknown := ""
		note := func(u string) {
			if unknown == "" {
				unknown = u
			}
		}
		for i := range consumers {
			c := &consumers[i]
			switch {
			case c.fnUnknown != "":
				note(c.fnUnknown)
			case c.function == nil:
				// A function outside this root module.
			case c.timeoutUnknown != "":
				note(c.timeoutUnknown)
			case vis >= c.timeout:
			case c.uncertain != "":
				// The mapping or function may not exist.
				note(c.uncertain)
			case worst == nil || c.timeout > worst.timeout:
				worst = c
			}
		}
		switch {
		case worst != nil:
			p.Report(lint.Diagnostic{Resource: q.Resource, Message: fmt.Sprintf(
				"the visibility timeout %s of %s is below the %s timeout of %s, which consumes it through %s; AWS rejects the event source mapping (and a slow invocation would let the message be received twice): set visibility_timeout_seconds to at least 6 times the function timeout",
				seconds(vis), q.Addr, seconds(worst.timeout), worst.function.Addr, worst.mapping.Addr), Related: []lint.Related{

				rel(worst.function.Resource, "consuming function"), rel(worst.mapping.Resource, "event source mapping")}})

		case unknown != "":
			p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: q.Resource})
		}
	}
	return nil
}
