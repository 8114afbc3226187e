package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW405 reports REST stages without a web ACL that has a rate-based rule.
var SPW405 = &lint.Rule{
	ID:       "SPW405",
	Name:     "apigw-rest-stage-without-waf-rate-rule",
	Severity: lint.Low,
	Family:   "front door",
	Summary:  "A REST API stage has no WAF web ACL with a rate-based rule, so no client is limited per IP.",
	Doc:      doc("SPW405"),
	Check:    checkSPW405,
}

func checkSPW405(p *lint.Pass) error {
	for _, st := range p.Graph.RestStages {
		if len(st.Associations) == 0 {
			if len(p.Graph.UnresolvedWAF) > 0 {
				p.Undetermined(st.Resource, p.Graph.UnresolvedWAF[0].Unknown)
				continue
			}
			p.Report(st.Resource, fmt.Sprintf(
				"%s has no aws_wafv2_web_acl_association; without a web ACL with a rate-based rule, a single client can send requests up to the stage limits",
				st.Addr))
			continue
		}
		hasRate, unknown := false, ""
		for _, acl := range st.WebACLs {
			ok, u := hasRateRule(acl)
			if ok {
				hasRate = true
				break
			}
			if u != "" && unknown == "" {
				unknown = u
			}
		}
		if hasRate {
			continue
		}
		if len(st.UnresolvedACLs) > 0 && unknown == "" {
			unknown = st.UnresolvedACLs[0].Unknown
		}
		if unknown != "" {
			p.Undetermined(st.Resource, unknown)
			continue
		}
		var related []lint.Related
		for _, acl := range st.WebACLs {
			related = append(related, rel(acl, "web ACL without a rate-based rule"))
		}
		p.Report(st.Resource, fmt.Sprintf(
			"%s is associated with a web ACL that has no rate_based_statement rule; a single client IP can send requests up to the stage limits: add a rate-based rule",
			st.Addr), related...)
	}
	return nil
}

// hasRateRule reports whether a web ACL has a rule whose statement is a
// rate_based_statement, or the unknown that keeps it from being decided (a
// dynamic rule with an unknown for_each, or a rule group reference that may
// hold one).
func hasRateRule(acl *graph.Resource) (bool, string) {
	unknown := ""
	for _, rule := range acl.Blocks("rule") {
		if rule.Unknown() {
			unknown = "the for_each of a dynamic rule block of " + acl.Addr
			continue
		}
		for _, st := range rule.Blocks("statement") {
			if st.Unknown() {
				unknown = "the for_each of a dynamic statement block of " + acl.Addr
				continue
			}
			if len(st.Blocks("rate_based_statement")) > 0 {
				return true, ""
			}
			if len(st.Blocks("rule_group_reference_statement")) > 0 && unknown == "" {
				unknown = "the rule group referenced by " + acl.Addr
			}
		}
	}
	return false, unknown
}
