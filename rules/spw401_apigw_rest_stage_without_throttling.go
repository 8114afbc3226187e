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
	Summary:  "A REST API stage has no stage-wide throttling and no usage plan that every request must go through.",
	Doc:      doc("SPW401"),
	Check:    checkSPW401,
}

func checkSPW401(p *lint.Pass) error {
	for _, st := range p.Graph.RestStages {
		var related []lint.Related

		// Stage-wide method settings.
		bySettings := graph.No()
		for _, ms := range st.MethodSettings {
			t := ms.Exists().And(methodSettingsThrottle(ms.Resource))
			if t.False() {
				related = append(related, rel(ms.Resource, "method settings without both throttling limits for */*"))
			}
			bySettings = bySettings.Or(t)
		}

		// Usage plans with throttle_settings, and keys on every method (a
		// method that may not exist cannot make the stage keyless).
		byPlan := graph.No()
		for _, up := range st.UsagePlans {
			byPlan = byPlan.Or(up.Exists().And(planThrottle(up.Resource)))
		}
		keyed := graph.Yes()
		var keyless *graph.Resource
		for _, m := range st.Methods {
			t := methodKeyed(m).Or(m.Exists().Not())
			if t.False() && keyless == nil {
				keyless = m
			}
			keyed = keyed.And(t)
		}

		// Resources whose stage or API is unknown: they count only if they
		// could make a difference.
		for _, pd := range st.Undetermined {
			switch pd.Resource.Type {
			case "aws_api_gateway_method_settings":
				bySettings = bySettings.Or(st.Applies(pd, true).And(methodSettingsThrottle(pd.Resource)))
			case "aws_api_gateway_usage_plan":
				byPlan = byPlan.Or(st.Applies(pd, true).And(planThrottle(pd.Resource)))
			case "aws_api_gateway_method":
				keyed = keyed.And(st.Applies(pd, false).Not().Or(methodKeyed(pd.Resource)))
			}
		}

		covered := bySettings.Or(byPlan.And(keyed))
		if !covered.False() {
			p.Undecided(st.Resource, covered)
			continue
		}

		name := "?"
		if s, ok := st.StageName.String(); ok {
			name = s
		}
		msg := fmt.Sprintf("%s (stage %s) has no throttling: no aws_api_gateway_method_settings with method_path \"*/*\" sets both throttling limits", st.Addr, quote(name))
		if !byPlan.False() && keyless != nil {
			plan := "no usage plan covers"
			for _, up := range st.UsagePlans {
				if !planThrottle(up.Resource).False() {
					plan = "usage plan " + up.Addr + " does not cover"
					related = append(related, rel(up.Resource, "usage plan bypassed by keyless requests"))
					break
				}
			}
			msg += fmt.Sprintf(", and %s requests without an API key because %s does not set api_key_required = true", plan, keyless.Addr)
			related = append(related, rel(keyless, "method without api_key_required"))
		} else {
			msg += ", and no usage plan with throttle_settings covers it"
		}
		msg += "; a request flood reaches the backend at the account limit of 10,000 requests per second"
		p.Report(lint.Diagnostic{Resource: st.Resource, Message: msg, Related: related})
	}
	return nil
}

// methodSettingsThrottle is the fact that an aws_api_gateway_method_settings
// instance sets, for method_path "*/*", both throttling limits to 0 or
// more.
func methodSettingsThrottle(ms *graph.Resource) graph.Fact {
	limits := graph.AnyBlock(ms.Blocks("settings"), "settings", []string{"throttling_burst_limit", "throttling_rate_limit"}, func(b *graph.Block) graph.Fact {
		return nonNegative(b.Attr("throttling_burst_limit")).And(nonNegative(b.Attr("throttling_rate_limit")))
	})
	return ms.Attr("method_path").Equals("*/*").And(limits)
}

// nonNegative is the fact that a throttling limit is set to 0 or more
// (absent, null and -1 mean unthrottled).
func nonNegative(v graph.Value) graph.Fact {
	switch v.State() {
	case graph.Unknown:
		return graph.Maybe(v.Unknown())
	case graph.Known:
		f, ok := v.Float()
		return graph.FactOf(ok && f >= 0)
	default:
	}
	return graph.No()
}

// planThrottle is the fact that a usage plan has throttle_settings.
func planThrottle(up *graph.Resource) graph.Fact {
	return graph.AnyBlock(up.Blocks("throttle_settings"), "throttle_settings", []string{"burst_limit", "rate_limit"}, func(*graph.Block) graph.Fact { return graph.Yes() })
}

// methodKeyed is the fact that a method has api_key_required = true.
func methodKeyed(m *graph.Resource) graph.Fact { return m.Attr("api_key_required").IsTrue() }
