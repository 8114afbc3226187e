package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/lint"
)

// SPW407 reports public function URLs of functions without reserved
// concurrency. It folds SPW201: the function's SPW201 finding (same cause,
// same fix) is dropped into this finding, where the function is related.
var SPW407 = &lint.Rule{
	ID:       "SPW407",
	Name:     "lambda-function-url-public-unbounded",
	Severity: lint.High,
	Summary:  "A function URL without authorization fronts a function without reserved concurrency: anyone on the internet can use the account's whole concurrency.",
	Doc:      doc("SPW407"),
	Folds:    []string{"SPW201"},
	Check:    checkSPW407,
}

func checkSPW407(p *lint.Pass) error {
	for _, u := range p.Graph.FunctionURLs {
		f := u.Function
		public := u.Attr("authorization_type").Equals("NONE")
		fires := public.And(reservesNone(f, u.FunctionTarget))
		if !fires.True() {
			p.Undecided(u.Resource, fires)
			continue
		}
		p.Report(lint.Diagnostic{Resource: u.Resource, Message: fmt.Sprintf(
			"%s is a public function URL (authorization_type = \"NONE\") for %s, which reserves no concurrency; anyone can send requests that take all of the account's %d concurrent executions and throttle every other function, with no API Gateway throttling in between: reserve concurrency or require AWS_IAM (this finding covers SPW201 on %s)",
			u.Addr, f.Addr, p.Int(accountConcurrencyLimit), f.Addr), Related: []lint.Related{rel(f.Resource, "function without reserved concurrency (SPW201)")}})
	}
	return nil
}
