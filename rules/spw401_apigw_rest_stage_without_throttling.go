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

// triVerdict is a three-valued answer: a condition provably holds, provably
// does not hold, or depends on an unknown value.
type triVerdict int

const (
	vNo triVerdict = iota
	vMaybe
	vYes
)

// tri accumulates a triVerdict with the first unknown expression that made
// it vMaybe.
type tri struct {
	v       triVerdict
	unknown string
}

func triYes() tri                 { return tri{v: vYes} }
func triNo() tri                  { return tri{v: vNo} }
func triMaybe(unknown string) tri { return tri{v: vMaybe, unknown: unknown} }
func triOr(a, b tri) tri          { return triPick(a, b, vYes) }
func triAnd(a, b tri) tri         { return triPick(a, b, vNo) }
func triPick(a, b tri, dom triVerdict) tri {
	switch {
	case a.v == dom:
		return a
	case b.v == dom:
		return b
	case a.v == vMaybe:
		return a
	case b.v == vMaybe:
		return b
	}
	return a
}

// instanceExists is whether a resource instance exists: maybe when it stands
// for an unknown count or for_each.
func instanceExists(r *graph.Resource) tri {
	if r.Exists().Undecided() {
		return triMaybe(r.Exists().Why)
	}
	return triYes()
}

func checkSPW401(p *lint.Pass) error {
	for _, st := range p.Graph.RestStages {
		var related []lint.Related

		// Stage-wide method settings.
		bySettings := triNo()
		for _, ms := range st.MethodSettings {
			t := triAnd(instanceExists(ms.Resource), methodSettingsThrottle(ms.Resource))
			if t.v == vNo {
				related = append(related, rel(ms.Resource, "method settings without both throttling limits for */*"))
			}
			bySettings = triOr(bySettings, t)
		}

		// Usage plans with throttle_settings, and keys on every method.
		byPlan := triNo()
		for _, up := range st.UsagePlans {
			byPlan = triOr(byPlan, triAnd(instanceExists(up.Resource), planThrottle(up.Resource)))
		}
		keyed := triYes()
		var keyless *graph.Resource
		for _, m := range st.Methods {
			t := methodKeyed(m)
			if t.v == vNo && m.Exists().Undecided() {
				t = triMaybe(m.Exists().Why)
			}
			if t.v == vNo && keyless == nil {
				keyless = m
			}
			keyed = triAnd(keyed, t)
		}

		// Resources whose stage or API is unknown: they count only if they
		// could make a difference.
		for _, pd := range st.Undetermined {
			switch pd.Resource.Type {
			case "aws_api_gateway_method_settings":
				if methodSettingsThrottle(pd.Resource).v != vNo {
					bySettings = triOr(bySettings, triMaybe(pendingUnknown(st, pd, true)))
				}
			case "aws_api_gateway_usage_plan":
				if planThrottle(pd.Resource).v != vNo {
					byPlan = triOr(byPlan, triMaybe(pendingUnknown(st, pd, true)))
				}
			case "aws_api_gateway_method":
				if methodKeyed(pd.Resource).v != vYes {
					keyed = triAnd(keyed, triMaybe(pendingUnknown(st, pd, false)))
				}
			}
		}

		covered := triOr(bySettings, triAnd(byPlan, keyed))
		switch covered.v {
		case vYes:
			continue
		case vMaybe:
			p.ReportIf(graph.Maybe(covered.unknown), lint.Diagnostic{Resource: st.Resource})
			continue
		case vNo:
		}

		name := "?"
		if s, ok := st.StageName.String(); ok {
			name = s
		}
		msg := fmt.Sprintf("%s (stage %s) has no throttling: no aws_api_gateway_method_settings with method_path \"*/*\" sets both throttling limits", st.Addr, quote(name))
		if byPlan.v != vNo && keyless != nil {
			plan := "no usage plan covers"
			for _, up := range st.UsagePlans {
				if planThrottle(up.Resource).v != vNo {
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

// pendingUnknown names what keeps a pending resource from being matched to
// the stage: the stage's own unknown API or stage name when it has one
// (byName: the match is by stage name too), else the pending resource's.
func pendingUnknown(st *graph.RestStage, pd graph.Pending, byName bool) string {
	if st.API == "" && st.APIRef.State() == graph.Unknown {
		return st.APIRef.Unknown()
	}
	if byName && st.StageName.State() == graph.Unknown {
		return st.StageName.Unknown()
	}
	return pd.Why
}

// methodSettingsThrottle decides whether an aws_api_gateway_method_settings
// instance sets, for method_path "*/*", both throttling limits to 0 or
// more.
func methodSettingsThrottle(ms *graph.Resource) tri {
	var path tri
	mp := ms.Attr("method_path")
	switch mp.State() {
	case graph.Unknown:
		path = triMaybe(mp.Unknown())
	case graph.Known:
		if s, ok := mp.String(); ok && s == "*/*" {
			path = triYes()
		} else {
			path = triNo()
		}
	default:
		path = triNo()
	}
	limits := triNo()
	for _, b := range ms.Blocks("settings") {
		if b.Unknown() {
			limits = triOr(limits, triMaybe(dynamicUnknown(b, "settings", "throttling_burst_limit", "throttling_rate_limit")))
			continue
		}
		limits = triOr(limits, triAnd(nonNegative(b.Attr("throttling_burst_limit")), nonNegative(b.Attr("throttling_rate_limit"))))
	}
	return triAnd(path, limits)
}

// nonNegative decides whether a throttling limit is set to 0 or more
// (absent, null and -1 mean unthrottled).
func nonNegative(v graph.Value) tri {
	switch v.State() {
	case graph.Unknown:
		return triMaybe(v.Unknown())
	case graph.Known:
		if f, ok := v.Float(); ok && f >= 0 {
			return triYes()
		}
	default:
	}
	return triNo()
}

// planThrottle decides whether a usage plan has throttle_settings.
func planThrottle(up *graph.Resource) tri {
	t := triNo()
	for _, b := range up.Blocks("throttle_settings") {
		if b.Unknown() {
			t = triOr(t, triMaybe(dynamicUnknown(b, "throttle_settings", "burst_limit", "rate_limit")))
			continue
		}
		t = triOr(t, triYes())
	}
	return t
}

// methodKeyed decides whether a method has api_key_required = true.
func methodKeyed(m *graph.Resource) tri {
	v := m.Attr("api_key_required")
	switch v.State() {
	case graph.Unknown:
		return triMaybe(v.Unknown())
	case graph.Known:
		if b, ok := v.Bool(); ok && b {
			return triYes()
		}
	default:
	}
	return triNo()
}

// dynamicUnknown describes what makes a block generated by a dynamic block
// with an unknown for_each unknown: the origin its arguments carry (the
// for_each expression) when they say, else the dynamic block.
func dynamicUnknown(b *graph.Block, typ string, attrs ...string) string {
	for _, a := range attrs {
		if v := b.Attr(a); v.State() == graph.Unknown {
			return v.Unknown()
		}
	}
	return "the for_each of a dynamic " + typ + " block"
}

func firstUnknownOf(vs ...graph.Value) string {
	for _, v := range vs {
		if v.State() == graph.Unknown {
			return v.Unknown()
		}
	}
	return ""
}
