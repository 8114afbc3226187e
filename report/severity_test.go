package report_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/report"
)

// TestSARIFResultSecuritySeverity checks that a finding whose severity
// differs from its rule's default carries its own security-severity, so
// code scanning ranks an escalated SPW201 as high (issue 16 item 16).
func TestSARIFResultSecuritySeverity(t *testing.T) {
	r := withRules(sample())
	r.Findings[2].Severity = lint.High // SPW201, medium by default
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID     string         `json:"ruleId"`
				Level      string         `json:"level"`
				Properties map[string]any `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, "sarif", report.Options{}, r), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, res := range doc.Runs[0].Results {
		got[res.RuleID] = res.Properties["security-severity"]
	}
	if got["SPW201"] != "8.0" {
		t.Errorf("escalated SPW201 result security-severity = %v, want 8.0", got["SPW201"])
	}
	if got["SPW101"] != nil {
		t.Errorf("SPW101 at its default severity has a result security-severity %v; the rule's applies", got["SPW101"])
	}
}

// TestSARIFWithSourceRootValidates: a report renamed to a source root
// gives %SRCROOT% an absolute file URI and still validates (issue 16
// item 4).
func TestSARIFWithSourceRootValidates(t *testing.T) {
	sch := sarifSchema(t)
	r := withRules(sample())
	r.Findings[2].Severity = lint.High
	r = r.Renamed("/work/repo", func(s string) string {
		if s == "" || s == "." {
			return "infra"
		}
		return "infra/" + s
	}, func(s string) string { return s[len("infra/"):] })
	doc := render(t, "sarif", report.Options{}, r)
	validateSARIF(t, sch, doc)
	for _, want := range []string{`"uri": "file:///work/repo/"`, `"uri": "infra/main.tf"`, `"uri": "infra/modules/api/main.tf"`} {
		if !strings.Contains(string(doc), want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
}
