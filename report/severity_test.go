package report_test

import (
	"encoding/json"
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
