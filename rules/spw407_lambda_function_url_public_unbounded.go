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
			if _, t := p.Graph.ResolveFunction(u.Attr("function_name")); t.Unresolved() {
				p.ReportIf(graph.Maybe(firstOf(authUnknown, t.Why)), lint.Diagnostic{Resource: u.Resource})
			}
			continue
		}
		r := reservationOf(f)
		switch {
		case r.set:
			continue
		case r.unknown != "":
			p.ReportIf(graph.Maybe(firstOf(authUnknown, r.unknown)), lint.Diagnostic{Resource: u.Resource})
			continue
		case authUnknown != "":
			p.ReportIf(graph.Maybe(authUnknown), lint.Diagnostic{Resource: u.Resource})
			continue
		}
		p.Report(lint.Diagnostic{Resource: u.Resource, Message: fmt.Sprintf(
			"%s is a public function URL (authorization_type = \"NONE\") for %s, which reserves no concurrency; anyone can send requests that take all of the account's %d concurrent executions and throttle every other function, with no API Gateway throttling in between: reserve concurrency or require AWS_IAM",
			u.Addr, f.Addr, p.Int(accountConcurrencyLimit)), Related: []lint.Related{

			rel(f.Resource, "function")}})

	}
	return nil
}
