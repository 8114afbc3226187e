package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW406 reports functions that run longer than the API integration in
// front of them waits.
var SPW406 = &lint.Rule{
	ID:       "SPW406",
	Name:     "lambda-timeout-exceeds-api-timeout",
	Severity: lint.Medium,
	Summary:  "A function behind API Gateway may run longer than the integration waits, so it keeps working (and billing) after the caller got a 504.",
	Doc:      doc("SPW406"),
	Check:    checkSPW406,
}

func checkSPW406(p *lint.Pass) error {
	for _, f := range p.Graph.Functions {
		timeout := f.Timeout()
		ms := timeout.Times(1000)
		fires, hit := graph.No(), (*graph.Integration)(nil)
		for _, in := range f.Integrations {
			exceeds := in.TimeoutMillis().Less(ms).And(in.Exists())
			fires = fires.Or(exceeds)
			if exceeds.True() {
				hit = in
				break
			}
		}
		for _, in := range f.MaybeIntegrations {
			// An integration of unknown type leaves the check open only
			// where it would fire as a Lambda integration.
			if in.TimeoutMillis().Less(ms).True() {
				fires = fires.Or(in.Invokes())
			}
		}
		if hit == nil {
			p.Undecided(f.Resource, fires)
			continue
		}
		p.Report(lint.Diagnostic{Resource: f.Resource, Range: timeout.Range, Message: fmt.Sprintf(
			"%s has a timeout of %s but %s gives up after %d ms; on a slow request the caller gets a 504 while the function keeps running, and retries pile more concurrent executions on top: keep the function timeout below the integration timeout",
			f.Addr, seconds(timeout.N), hit.Addr, hit.TimeoutMillis().N), Related: []lint.Related{rel(hit.Resource, "API integration")}})
	}
	return nil
}
