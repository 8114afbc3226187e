package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW405 reports REST stages without a web ACL that has a rate-based rule,
// except on PRIVATE endpoint APIs (the ACL belongs on what fronts them).
var SPW405 = &lint.Rule{
	ID:       "SPW405",
	Name:     "apigw-rest-stage-without-waf-rate-rule",
	Severity: lint.Low,
	Summary:  "A REST API stage has no WAF web ACL with a rate-based rule, so no client is limited per IP.",
	Doc:      doc("SPW405"),
	Check:    checkSPW405,
}

func checkSPW405(p *lint.Pass) error {
	for _, st := range p.Graph.RestStages {
		// An association with an unknown count or for_each may not exist,
		// so it protects the stage only as an unknown.
		associated, protected := graph.No(), graph.No()
		for _, a := range st.Associations {
			associated = associated.Or(a.Exists())
			protected = protected.Or(rateLimits(a).And(a.Exists()))
		}
		if !associated.True() && len(p.Graph.UnresolvedWAF) > 0 {
			// An association whose target is unknown may be the stage's.
			protected = protected.Or(graph.Maybe(p.Graph.UnresolvedWAF[0].Why))
		}
		d := lint.Diagnostic{Resource: st.Resource, Message: fmt.Sprintf(
			"%s has no aws_wafv2_web_acl_association; without a web ACL with a rate-based rule, a single client can send requests up to the stage limits",
			st.Addr)}
		if associated.True() {
			d.Message = fmt.Sprintf(
				"%s is associated with a web ACL that has no rate_based_statement rule; a single client IP can send requests up to the stage limits: add a rate-based rule",
				st.Addr)
			for _, acl := range st.WebACLs {
				d.Related = append(d.Related, rel(acl, "web ACL without a rate-based rule"))
			}
		}
		p.ReportIf(st.Private().Not().And(protected.Not()), d)
	}
	return nil
}

// rateLimits is the fact that an association gives its stage a web ACL
// with a rate-based rule. A web ACL defined outside this configuration (a
// known ARN) counts: its rules cannot be checked, so the stage is not
// reported.
func rateLimits(a *graph.WebACLAssociation) graph.Fact {
	switch {
	case a.ACL.Resource != nil:
		return hasRateRule(a.ACL.Resource)
	case a.ACL.Unresolved():
		return graph.Maybe(a.ACL.Why)
	}
	return graph.FactOf(a.ACL.External)
}

// hasRateRule is the fact that a web ACL has a rule whose statement is a
// rate_based_statement: undecided for a dynamic rule or statement with an
// unknown for_each (the last one named), else for a rule group reference
// that may hold one (the first one named).
func hasRateRule(acl *graph.Resource) graph.Fact {
	dynamic, group := graph.No(), graph.No()
	for _, rule := range acl.Blocks("rule") {
		if rule.Unknown() {
			dynamic = graph.Maybe("the for_each of a dynamic rule block of " + acl.Addr)
			continue
		}
		for _, st := range rule.Blocks("statement") {
			if st.Unknown() {
				dynamic = graph.Maybe("the for_each of a dynamic statement block of " + acl.Addr)
				continue
			}
			if len(st.Blocks("rate_based_statement")) > 0 {
				return graph.Yes()
			}
			if len(st.Blocks("rule_group_reference_statement")) > 0 {
				group = group.Or(graph.Maybe("the rule group referenced by " + acl.Addr))
			}
		}
	}
	return dynamic.Or(group)
}
