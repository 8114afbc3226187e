package cli

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/report"
)

// TestDropUnownedFixes: a fix with an edit under .terraform is dropped
// whatever computed it; a fix of the user's files stays.
func TestDropUnownedFixes(t *testing.T) {
	t.Parallel()
	edit := func(file string) lint.Edit { return lint.Edit{Range: hcl.Range{Filename: file}, NewText: "x"} }
	fs := []lint.Finding{
		{Fixes: []lint.Fix{{Edits: []lint.Edit{edit("main.tf")}}}},
		{Fixes: []lint.Fix{{Edits: []lint.Edit{edit("main.tf"), edit("app/.terraform/modules/lambda/main.tf")}}}},
	}
	res := &report.Result{Findings: fs, Vendored: func(name string) bool { return strings.Contains(name, ".terraform/") }}
	dropUnownedFixes(res)
	if len(fs[0].Fixes) != 1 || fs[1].Fixes != nil {
		t.Errorf("fixes after the guard: %+v, %+v", fs[0].Fixes, fs[1].Fixes)
	}
}
