package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW406 reports functions that run longer than the API integration in
// front of them waits.
var SPW406 = &lint.Rule{
	ID:       "SPW406",
	Name:     "lambda-timeout-exceeds-api-timeout",
	Severity: lint.Medium,
	Family:   "front door",
	Summary:  "A function behind API Gateway may run longer than the integration waits, so it keeps working (and billing) after the caller got a 504.",
	Doc:      doc("SPW406"),
	Check:    checkSPW406,
}

func checkSPW406(p *lint.Pass) error {
	for _, f := range p.Graph.Functions {
		if len(f.Integrations) == 0 {
			continue
		}
		t, tv, ok := f.Timeout()
		if !ok {
			p.Undetermined(f.Resource, tv.Unknown())
			continue
		}
		reported, unknown := false, ""
		for _, in := range f.Integrations {
			ms, mv, ok := in.TimeoutMillis()
			if !ok {
				if unknown == "" {
					unknown = mv.Unknown()
				}
				continue
			}
			if t*1000 <= ms {
				continue
			}
			p.Report(f.Resource, fmt.Sprintf(
				"%s has a timeout of %s but %s gives up after %d ms; on a slow request the caller gets a 504 while the function keeps running, and retries pile more concurrent executions on top: keep the function timeout below the integration timeout",
				f.Addr, seconds(t), in.Addr, ms), rel(in.Resource, "API integration"))
			reported = true
			break
		}
		if !reported && unknown != "" {
			p.Undetermined(f.Resource, unknown)
		}
	}
	return nil
}
