package report

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/eval"
)

// Notes say what a scan did not analyze (a remote module not installed,
// a source scheme not supported, a module outside the tree, a failed
// download, ...). They are the warning diagnostics of a Result, each with
// a kind (eval.NoteKind). Every format shows them: JSON "notes", SARIF
// note-level toolExecutionNotifications, a summary line per kind in text,
// compact, markdown and GitHub output, and a "not analyzed" testsuite of skipped
// testcases with a system-out in JUnit. Notes never change the exit code.

// noteKindOrder is the order of the summary lines.
var noteKindOrder = []eval.NoteKind{
	eval.NoteModuleNotInstalled,
	eval.NoteModuleSourceUnsupported,
	eval.NoteModuleFetchFailed,
	eval.NoteModuleOutsideTree,
	eval.NoteModuleSourceUnknown,
	eval.NoteModuleExcluded,
	eval.NotePathOutsideTree,
	eval.NoteOther,
}

// noteReason is what the summary line of a module note kind says.
var noteReason = map[eval.NoteKind]string{
	eval.NoteModuleNotInstalled:      "remote modules not installed; run terraform init or use --download-modules",
	eval.NoteModuleSourceUnsupported: "source scheme not supported; run terraform init to install them",
	eval.NoteModuleFetchFailed:       "download failed; see the notes",
	eval.NoteModuleOutsideTree:       "source outside the scanned tree or its module package",
	eval.NoteModuleSourceUnknown:     "source unknown; give its variables values with --var or a tfvars file",
	eval.NoteModuleExcluded:          "excluded by --exclude or the config's exclude",
}

// NoteKind returns the kind of a note as reports show it.
func NoteKind(d *hcl.Diagnostic) string { return string(eval.NoteKindOf(d)) }

// noteMessage is a note's summary and detail as one text.
func noteMessage(d *hcl.Diagnostic) string {
	return strings.TrimSpace(strings.TrimSuffix(d.Summary, ".") + ". " + d.Detail)
}

// NoteSummary returns one line per kind of note, in a fixed order, such
// as "12 module calls not analyzed: remote modules not installed; run
// terraform init or use --download-modules". It is empty without notes.
func (r *Result) NoteSummary() []string {
	known := map[eval.NoteKind]bool{}
	for _, k := range noteKindOrder {
		known[k] = true
	}
	counts := map[eval.NoteKind]int{}
	for _, d := range r.Notes() {
		k := eval.NoteKindOf(d)
		if !known[k] {
			// A kind added to eval but not here still counts.
			k = eval.NoteOther
		}
		counts[k]++
	}
	var out []string
	for _, k := range noteKindOrder {
		n := counts[k]
		if n == 0 {
			continue
		}
		switch {
		case eval.IsModuleNote(k):
			out = append(out, fmt.Sprintf("%d module %s not analyzed: %s", n, pluralize(n, "call", "calls"), noteReason[k]))
		case k == eval.NotePathOutsideTree:
			out = append(out, fmt.Sprintf("%d file %s outside the scanned tree not read; their values are unknown", n, pluralize(n, "path", "paths")))
		default:
			out = append(out, fmt.Sprintf("%d other %s", n, pluralize(n, "note", "notes")))
		}
	}
	return out
}
