package report_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/report"
)

func TestNoteSummary(t *testing.T) {
	t.Parallel()
	want := []string{
		"1 module call not analyzed: remote modules not installed; run terraform init or use --download-modules",
		"1 module call not analyzed: source scheme not supported; run terraform init to install them",
		"1 other note",
	}
	if diff := cmp.Diff(want, sample().NoteSummary()); diff != "" {
		t.Errorf("NoteSummary (-want +got):\n%s", diff)
	}
	if got := (&report.Result{}).NoteSummary(); len(got) != 0 {
		t.Errorf("NoteSummary without notes = %v", got)
	}
}

// TestNotesInEveryFormat checks that each format says what was not
// analyzed.
func TestNotesInEveryFormat(t *testing.T) {
	t.Parallel()
	r := withRules(sample())
	for _, format := range report.Formats {
		out := string(render(t, format, report.Options{}, r))
		switch format {
		case "json":
			var doc struct {
				Notes []struct {
					Kind, File, Message string
					Line, Column        int
				} `json:"notes"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, n := range doc.Notes {
				kinds = append(kinds, n.Kind)
			}
			if diff := cmp.Diff([]string{"note", "module_not_installed", "module_source_unsupported"}, kinds); diff != "" {
				t.Errorf("json notes (-want +got):\n%s", diff)
			}
		case "sarif":
			if !strings.Contains(out, `"kind": "module_not_installed"`) {
				t.Errorf("sarif: no note notification with its kind")
			}
		case "checkstyle":
			// Checkstyle carries findings and errors only.
		case "junit":
			if !strings.Contains(out, "<system-out>1 module call not analyzed") || !strings.Contains(out, `skipped="3"`) {
				t.Errorf("junit: notes missing:\n%s", out)
			}
		default:
			if !strings.Contains(out, "1 module call not analyzed: remote modules not installed; run terraform init or use --download-modules") {
				t.Errorf("%s: no note summary:\n%s", format, out)
			}
		}
	}
}

// TestManyNotesOneLineEach: with more than ten notes, text prints each in
// one line naming the module call, without the detail, and the summary
// counts them.
func TestManyNotesOneLineEach(t *testing.T) {
	t.Parallel()
	r := &report.Result{}
	for i := 1; i <= 12; i++ {
		r.Diagnostics = append(r.Diagnostics, &hcl.Diagnostic{
			Severity: hcl.DiagWarning,
			Summary:  "Remote module not installed",
			Detail:   fmt.Sprintf("The module \"m%d\" (source \"acme/m/aws\") is neither installed in .terraform/modules nor in spillway's module cache, so its resources are not analyzed.", i),
			Subject:  &hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: i, Column: 12}, End: hcl.Pos{Line: i, Column: 20}},
			Extra:    eval.NoteModuleNotInstalled,
		})
	}
	var b strings.Builder
	if err := (&report.Text{}).Write(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, ": note: Remote module not installed: module \"m"); n != 12 {
		t.Errorf("%d one-line notes, want 12:\n%s", n, out)
	}
	if strings.Contains(out, "neither installed") {
		t.Errorf("the detail is printed:\n%s", out)
	}
	if !strings.Contains(out, "12 module calls not analyzed: remote modules not installed") {
		t.Errorf("no summary line:\n%s", out)
	}
}
