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
	Summary:  "A function URL without authorization fronts a function without reserved concurrency: anyone on the internet can use the account's whole concurrency.",
	Doc:      doc("SPW407"),
	Check:    checkSPW407,
}

func checkSPW407(p *lint.Pass) error {
	for _, u := range p.Graph.FunctionURLs {
		auth := u.Attr("authorization_type")
		authUnknown := ""
		switch auth.State() {
		case graph.Unknown:
			authUnknown = auth.Unknown()
		case graph.Known:
			if s, ok := auth.String(); !ok || s != "NONE" {
				continue
			}
		default:
			continue
		}
		f := u.Function
		if f == nil {
			// Only an unknown function name leaves the check open; a
			// function outside this root module has no reservation here.
			if _, t := p.Graph.ResolveFunction(u.Attr("function_name")); t.Unknown {
				p.Undetermined(u.Resource, firstOf(authUnknown, t.Expr))
			}
			continue
		}
		r := reservationOf(f)
		switch {
		case r.set:
			continue
		case r.unknown != "":
			p.Undetermined(u.Resource, firstOf(authUnknown, r.unknown))
			continue
		case authUnknown != "":
			p.Undetermined(u.Resource, authUnknown)
			continue
		}
		p.Report(u.Resource, fmt.Sprintf(
			"%s is a public function URL (authorization_type = \"NONE\") for %s, which reserves no concurrency; anyone can send requests that take all of the account's %d concurrent executions and throttle every other function, with no API Gateway throttling in between: reserve concurrency or require AWS_IAM",
			u.Addr, f.Addr, p.Int(accountConcurrencyLimit)), rel(f.Resource, "function"))
	}
	return nil
}
