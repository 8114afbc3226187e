package report_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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
