package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW201 reports functions without reserved concurrency, escalated to high
// when a synchronous public trigger lets anyone drive the burst.
var SPW201 = &lint.Rule{
	ID:       "SPW201",
	Name:     "lambda-unreserved-concurrency",
	Severity: lint.Medium,
	Family:   "concurrency",
	Summary:  "A function has no reserved concurrency, so one burst can take the whole account's concurrency.",
	Doc: `## What it detects

A Lambda function whose ` + "`reserved_concurrent_executions`" + ` is absent, null or -1
(unreserved). The severity is **medium**, and **high** when the function has a
synchronous public trigger (an API Gateway integration, a function URL without
authorization, a Cognito trigger, a load balancer target, or a permission for
` + "`apigateway`" + `, ` + "`elasticloadbalancing`" + ` or ` + "`cognito-idp`" + `): then anyone who can
send requests controls the burst.

## Why it matters

All functions in an account and region share one pool of concurrent
executions, 1,000 by default. An unreserved function can scale until it holds
the whole pool; from then on every other function in the account is throttled
(429 for synchronous callers, retries and eventually dropped events for
asynchronous ones). Reserved concurrency caps the blast radius of one function
and also guarantees it capacity.

## Example

Failing:

` + "```hcl" + `
resource "aws_lambda_function" "api" {
  function_name = "orders-api"
  # reserved_concurrent_executions not set
}
` + "```" + `

Fixed:

` + "```hcl" + `
resource "aws_lambda_function" "api" {
  function_name                  = "orders-api"
  reserved_concurrent_executions = 100
}
` + "```" + `

## Suppressing

` + "```hcl" + `
# spillway:ignore SPW201 reason="batch job, bounded upstream by the scheduler"
resource "aws_lambda_function" "nightly" {
` + "```" + `

## References

- [Lambda function scaling and concurrency](https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html)
- [Configuring reserved concurrency](https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html)
- [Lambda quotas](https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)
`,
	Check: checkSPW201,
}

func checkSPW201(p *lint.Pass) error {
	for _, f := range p.Graph.Functions {
		v := f.ReservedConcurrency()
		what := "has no reserved_concurrent_executions"
		switch v.State() {
		case graph.Unknown:
			p.Undetermined(f.Resource, v.Unknown())
			continue
		case graph.Null:
			what = "sets reserved_concurrent_executions to null"
		case graph.Known:
			n, ok := v.Int()
			if !ok || n != -1 {
				continue
			}
			what = "sets reserved_concurrent_executions = -1 (unreserved)"
		}
		// Only a public trigger that certainly exists raises the severity.
		public, _ := certainTriggers(f, graph.SyncPublic)
		if len(public) == 0 {
			p.Report(f.Resource, fmt.Sprintf(
				"%s %s, so a burst can take all of the account's %d concurrent executions and throttle every other function",
				f.Addr, what, p.Settings.AccountConcurrencyLimit))
			continue
		}
		related := make([]lint.Related, 0, len(public))
		for _, t := range public {
			related = append(related, rel(t.Source, "synchronous public trigger"))
		}
		p.ReportSeverity(lint.High, f.Resource, fmt.Sprintf(
			"%s %s and is invoked synchronously by %s, so anyone who floods it can take all of the account's %d concurrent executions and throttle every other function",
			f.Addr, what, describeTriggers(public), p.Settings.AccountConcurrencyLimit), related...)
	}
	return nil
}
