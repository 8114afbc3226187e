package rules_test

import (
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// TestSPW000 checks the rule that suppression problems are reported
// under: its metadata, that it is the rule lint attributes them to, and
// that it is in the catalog but never run as a check.
func TestSPW000(t *testing.T) {
	t.Parallel()
	r := rules.SPW000
	if r.ID != lint.SuppressionRuleID || r.Name != "invalid-suppression" || r.Severity != lint.Low || r.Family() != "suppressions" {
		t.Errorf("SPW000 metadata: %s %s %s %s", r.ID, r.Name, r.Severity, r.Family())
	}
	if r.Check != nil {
		t.Error("SPW000 has a check; its findings come from lint.ApplySuppressions")
	}
	if rules.Catalog[0] != r || rules.ByID(r.ID) != nil || rules.Lookup("spw000") != r || rules.Lookup(r.Name) != r {
		t.Error("SPW000 must be first in Catalog, found by Lookup, and not in All")
	}
	for _, text := range []string{"checkov:skip=CKV_AWS_116", "until=", "--write-baseline"} {
		if !strings.Contains(r.Doc, text) {
			t.Errorf("SPW000 doc does not explain %q", text)
		}
	}
	if page := r.Page(); !strings.HasPrefix(page, "# SPW000: invalid-suppression\n\n- **Severity:** low\n- **Family:** suppressions\n") {
		t.Errorf("page header: %q", page[:min(len(page), 80)])
	}
}
