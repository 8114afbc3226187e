package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW401 reports REST API stages without throttling.
var SPW401 = &lint.Rule{
	ID:       "SPW401",
	Name:     "apigw-rest-stage-without-throttling",
	Severity: lint.High,
	Family:   "front door",
	Summary:  "A REST API stage has no stage-wide throttling and no usage plan that every request must go through.",
	Doc: `## What it detects

An ` + "`aws_api_gateway_stage`" + ` (or an ` + "`aws_api_gateway_deployment`" + ` that creates a
stage through ` + "`stage_name`" + `) that has neither

- an ` + "`aws_api_gateway_method_settings`" + ` for the stage with ` + "`method_path = \"*/*\"`" + `
  and both ` + "`settings.throttling_burst_limit`" + ` and ` + "`settings.throttling_rate_limit`" + `
  set to 0 or more (the provider's default, -1, means unthrottled), nor
- an ` + "`aws_api_gateway_usage_plan`" + ` that lists the stage in ` + "`api_stages`" + ` with
  ` + "`throttle_settings`" + `, while every ` + "`aws_api_gateway_method`" + ` of the API has
  ` + "`api_key_required = true`" + ` (requests without a key bypass usage plans).

## Why it matters

Without stage throttling the only limit is the account-wide one: 10,000
requests per second with a burst of 5,000, shared by every API in the region.
A single client can spend all of it on this stage, so the flood reaches the
Lambda integration, exhausts its concurrency (429s for everyone) and bills
every invocation; other APIs in the account are throttled too.

## Example

Failing:

` + "```hcl" + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}
` + "```" + `

Fixed:

` + "```hcl" + `
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    throttling_burst_limit = 200
    throttling_rate_limit  = 100
  }
}
` + "```" + `

## Suppressing

` + "```hcl" + `
# spillway:ignore SPW401 reason="private API behind a VPC endpoint with its own limits"
resource "aws_api_gateway_stage" "prod" {
` + "```" + `

## References

- [Throttle requests to your REST APIs](https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html)
- [Usage plans and API keys](https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html)
- [API Gateway quotas](https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html)
`,
	Check: checkSPW401,
}

func checkSPW401(p *lint.Pass) error {
	for _, st := range p.Graph.RestStages {
		ok, unknown, related := stageThrottledBySettings(st)
		if ok {
			continue
		}
		ok2, unknown2, why, related2 := stageThrottledByPlan(st)
		if ok2 {
			continue
		}
		related = append(related, related2...)
		switch {
		case unknown != "":
			p.Undetermined(st.Resource, unknown)
			continue
		case unknown2 != "":
			p.Undetermined(st.Resource, unknown2)
			continue
		case len(st.Undetermined) > 0:
			p.Undetermined(st.Resource, st.Undetermined[0].Unknown)
			continue
		}
		name := "?"
		if s, ok := st.StageName.String(); ok {
			name = s
		}
		msg := fmt.Sprintf("%s (stage %s) has no throttling: no aws_api_gateway_method_settings with method_path \"*/*\" sets both throttling limits", st.Addr, quote(name))
		if why != "" {
			msg += ", and " + why
		} else {
			msg += ", and no usage plan with throttle_settings covers it"
		}
		msg += "; a request flood reaches the backend at the account limit of 10,000 requests per second"
		p.Report(st.Resource, msg, related...)
	}
	return nil
}

func stageThrottledBySettings(st *graph.RestStage) (ok bool, unknown string, related []lint.Related) {
	for _, ms := range st.MethodSettings {
		mp := ms.Attr("method_path")
		if mp.State() == graph.Unknown {
			unknown = mp.Unknown()
			continue
		}
		if s, ok := mp.String(); !ok || s != "*/*" {
			continue
		}
		settings := ms.Blocks("settings")
		limited := false
		for _, b := range settings {
			burst, rate := b.Attr("throttling_burst_limit"), b.Attr("throttling_rate_limit")
			if burst.State() == graph.Unknown || rate.State() == graph.Unknown {
				unknown = firstUnknownOf(burst, rate)
				continue
			}
			bv, ok1 := burst.Float()
			rv, ok2 := rate.Float()
			if ok1 && ok2 && bv >= 0 && rv >= 0 {
				limited = true
			}
		}
		if limited {
			return true, "", nil
		}
		related = append(related, rel(ms.Resource, "method settings without both throttling limits"))
	}
	return false, unknown, related
}

func stageThrottledByPlan(st *graph.RestStage) (ok bool, unknown, why string, related []lint.Related) {
	for _, up := range st.UsagePlans {
		ts := up.Blocks("throttle_settings")
		if len(ts) == 0 {
			continue
		}
		if ts[0].Unknown() {
			unknown = "the for_each of a dynamic throttle_settings block"
			continue
		}
		allKeyed := true
		for _, m := range st.Methods {
			v := m.Attr("api_key_required")
			if v.State() == graph.Unknown {
				unknown = v.Unknown()
				allKeyed = false
				break
			}
			if b, ok := v.Bool(); !ok || !b {
				allKeyed = false
				if why == "" {
					why = fmt.Sprintf("usage plan %s does not cover requests without an API key because %s does not set api_key_required = true", up.Addr, m.Addr)
				}
				related = append(related, rel(up.Resource, "usage plan bypassed by keyless requests"), rel(m, "method without api_key_required"))
				break
			}
		}
		if allKeyed && unknown == "" {
			return true, "", "", nil
		}
	}
	return false, unknown, why, related
}

func firstUnknownOf(vs ...graph.Value) string {
	for _, v := range vs {
		if v.State() == graph.Unknown {
			return v.Unknown()
		}
	}
	return ""
}
