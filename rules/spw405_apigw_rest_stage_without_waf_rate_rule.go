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
	Summary:  "A REST API stage has no WAF web ACL with a rate-based rule, so no client is limited per IP.",
	Doc:      doc("SPW405"),
	Check:    checkSPW405,
}

func checkSPW405(p *lint.Pass) error {
	for _, st := range p.Graph.RestStages {
		certain, rate, unknown := spw405Protection(p.Graph, st)
		if rate {
			continue
		}
		if unknown != "" {
			p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: st.Resource})
			continue
		}
		if !certain {
			p.Report(lint.Diagnostic{Resource: st.Resource, Message: fmt.Sprintf(
				"%s has no aws_wafv2_web_acl_association; without a web ACL with a rate-based rule, a single client can send requests up to the stage limits",
				st.Addr)})

			continue
		}
		var related []lint.Related
		for _, acl := range st.WebACLs {
			related = append(related, rel(acl, "web ACL without a rate-based rule"))
		}
		p.Report(lint.Diagnostic{Resource: st.Resource, Message: fmt.Sprintf(
			"%s is associated with a web ACL that has no rate_based_statement rule; a single client IP can send requests up to the stage limits: add a rate-based rule",
			st.Addr), Related: related})
	}
	return nil
}

// spw405Protection looks at the stage's web ACL associations. certain
// reports an association that exists whatever the unknowns are; rate
// reports that the stage is protected by a rate-based rule, or by a web
// ACL defined outside this configuration (a known ARN) whose rules cannot
// be checked; unknown names the first unknown that could protect it. An
// association with an unknown count or for_each may not exist, so it
// protects the stage only as an unknown.
func spw405Protection(g *graph.Graph, st *graph.RestStage) (certain, rate bool, unknown string) {
	note := func(u string) {
		if unknown == "" {
			unknown = u
		}
	}
	for _, a := range st.Associations {
		if !a.Exists().Undecided() {
			certain = true
		}
		protects, u := spw405AssociationProtects(st, a)
		switch {
		case protects && !a.Exists().Undecided():
			return certain, true, ""
		case protects:
			note(a.Exists().Why)
		case u != "":
			note(u)
		}
	}
	if !certain && len(g.UnresolvedWAF) > 0 {
		note(g.UnresolvedWAF[0].Why)
	}
	return certain, false, unknown
}

// spw405AssociationProtects reports whether an association of the stage
// gives it a rate-based rule, or the unknown that keeps it from being
// decided.
func spw405AssociationProtects(st *graph.RestStage, a *graph.Resource) (bool, string) {
	for _, pd := range st.UnresolvedACLs {
		if pd.Resource == a {
			return false, pd.Why
		}
	}
	refs := map[string]bool{}
	for _, addr := range a.Attr("web_acl_arn").RefAddrs() {
		refs[addr] = true
	}
	resolved, unknown := false, ""
	for _, acl := range st.WebACLs {
		if !refs[acl.Addr] {
			continue
		}
		resolved = true
		ok, u := hasRateRule(acl)
		if ok {
			return true, ""
		}
		if u != "" && unknown == "" {
			unknown = u
		}
	}
	if resolved {
		return false, unknown
	}
	// A known ARN of a web ACL managed elsewhere: its rules are not in
	// this configuration, so the stage is not reported.
	return a.Attr("web_acl_arn").State() == graph.Known, ""
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
