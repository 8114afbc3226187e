package rules

import (
	"fmt"
	"strings"

	"github.com/spillway-iac/spillway/lint"
)

// SPW402 reports HTTP API stages without default route throttling.
var SPW402 = &lint.Rule{
	ID:       "SPW402",
	Name:     "apigw-http-stage-without-throttling",
	Severity: lint.High,
	Family:   "front door",
	Summary:  "An HTTP API stage has no default route throttling.",
	Doc:      doc("SPW402"),
	Check:    checkSPW402,
}

func checkSPW402(p *lint.Pass) error {
	for _, st := range p.Graph.HTTPStages {
		blocks := st.Blocks("default_route_settings")
		var missing []string
		unknown := ""
		done := false
		for _, b := range blocks {
			if b.Unknown() {
				unknown = dynamicUnknown(b, "default_route_settings", "throttling_burst_limit", "throttling_rate_limit")
				continue
			}
			burst, rate := b.Attr("throttling_burst_limit"), b.Attr("throttling_rate_limit")
			// A limit that is absent or null provably leaves the block
			// without both limits, whatever the other one is.
			var m []string
			if !burst.IsSet() {
				m = append(m, "throttling_burst_limit")
			}
			if !rate.IsSet() {
				m = append(m, "throttling_rate_limit")
			}
			if len(m) > 0 {
				if missing == nil {
					missing = m
				}
				continue
			}
			if u := firstUnknownOf(burst, rate); u != "" {
				unknown = u
				continue
			}
			done = true
			break
		}
		if done {
			continue
		}
		if unknown != "" {
			p.Undetermined(st, unknown)
			continue
		}
		what := "has no default_route_settings block"
		if len(blocks) > 0 {
			what = "has default_route_settings without " + strings.Join(missing, " and ")
		}
		p.Report(st, fmt.Sprintf(
			"%s %s, so every route can take the account-wide 10,000 requests per second and pass the flood on to its integrations",
			st.Addr, what))
	}
	return nil
}
