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
	Doc: `## What it detects

An ` + "`aws_apigatewayv2_stage`" + ` without a ` + "`default_route_settings`" + ` block that sets
both ` + "`throttling_burst_limit`" + ` and ` + "`throttling_rate_limit`" + `.

## Why it matters

HTTP APIs have no usage plans: stage and route throttling are the only
per-API limits. Without them every route can consume the account-wide quota
of 10,000 requests per second (burst 5,000) shared by all APIs in the region,
and every request that gets through invokes the backend, so a flood turns
into Lambda throttling for the whole account and a bill for every call.

## Example

Failing:

` + "```hcl" + `
resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}
` + "```" + `

Fixed:

` + "```hcl" + `
resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
  }
}
` + "```" + `

## Suppressing

` + "```hcl" + `
# spillway:ignore SPW402 reason="internal API, only reachable from our VPC"
resource "aws_apigatewayv2_stage" "default" {
` + "```" + `

## References

- [Throttle requests to your HTTP APIs](https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html)
- [API Gateway quotas](https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html)
`,
	Check: checkSPW402,
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
