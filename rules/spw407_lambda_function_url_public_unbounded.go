package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW407 reports public function URLs of functions without reserved
// concurrency.
var SPW407 = &lint.Rule{
	ID:       "SPW407",
	Name:     "lambda-function-url-public-unbounded",
	Severity: lint.High,
	Family:   "front door",
	Summary:  "A function URL without authorization fronts a function without reserved concurrency: anyone on the internet can use the account's whole concurrency.",
	Doc:      doc("SPW407"),
	Check:    checkSPW407,
}

func checkSPW407(p *lint.Pass) error {
	for _, u := range p.Graph.FunctionURLs {
		auth := u.Attr("authorization_type")
		if auth.State() == graph.Unknown {
			if u.Function != nil && !reservationOf(u.Function).set {
				p.Undetermined(u.Resource, auth.Unknown())
			}
			continue
		}
		if s, ok := auth.String(); !ok || s != "NONE" {
			continue
		}
		if u.Function == nil {
			fv := u.Attr("function_name")
			if fv.State() == graph.Unknown {
				p.Undetermined(u.Resource, fv.Unknown())
			}
			continue
		}
		r := reservationOf(u.Function)
		switch {
		case r.unknown != "":
			p.Undetermined(u.Resource, r.unknown)
			continue
		case r.set:
			continue
		}
		p.Report(u.Resource, fmt.Sprintf(
			"%s is a public function URL (authorization_type = \"NONE\") for %s, which reserves no concurrency; anyone can send requests that take all of the account's %d concurrent executions and throttle every other function, with no API Gateway throttling in between: reserve concurrency or require AWS_IAM",
			u.Addr, u.Function.Addr, p.Settings.AccountConcurrencyLimit), rel(u.Function.Resource, "function"))
	}
	return nil
}
