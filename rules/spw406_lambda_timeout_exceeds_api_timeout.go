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
		if len(f.Integrations) == 0 && len(f.MaybeIntegrations) == 0 {
			continue
		}
		timeout := f.Timeout()
		t, tUnknown := timeout.N, timeout.Why
		unknown := ""
		note := func(u string) {
			if unknown == "" {
				unknown = u
			}
		}
		var hit *graph.Integration
		var hitMs int64
		for _, in := range f.Integrations {
			limit := in.TimeoutMillis()
			ms := limit.N
			switch {
			case !limit.Known():
				note(limit.Why)
				continue
			case tUnknown != "":
				note(tUnknown)
				continue
			case t*1000 <= ms:
				continue
			case in.Exists().Undecided():
				// The integration may not exist.
				note(in.Exists().Why)
				continue
			}
			hit, hitMs = in, ms
			break
		}
		if hit == nil && tUnknown == "" {
			// An integration of unknown type decides only if it would
			// fire.
			for _, in := range f.MaybeIntegrations {
				if ms := in.TimeoutMillis(); ms.Known() && t*1000 > ms.N {
					note(in.TypeUnknown)
				}
			}
		}
		switch {
		case hit != nil:
			p.Report(lint.Diagnostic{Resource: f.Resource, Message: fmt.Sprintf(
				"%s has a timeout of %s but %s gives up after %d ms; on a slow request the caller gets a 504 while the function keeps running, and retries pile more concurrent executions on top: keep the function timeout below the integration timeout",
				f.Addr, seconds(t), hit.Addr, hitMs), Related: []lint.Related{

				rel(hit.Resource, "API integration")}})

		case unknown != "":
			p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: f.Resource})
		}
	}
	return nil
}
