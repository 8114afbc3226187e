package report

import (
	"bufio"
	"fmt"
	"sort"
	"strings"

	"github.com/spillway-iac/spillway/lint"
)

// listed returns the findings text prints, in its order: by severity
// (highest first), then exposure (public first), then file, line, column
// and rule; suppressed ones only when show is set.
func listed(fs []lint.Finding, show bool) []lint.Finding {
	out := make([]lint.Finding, 0, len(fs))
	for _, f := range fs {
		if show || !f.Suppressed {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Exposure != b.Exposure {
			return a.Exposure > b.Exposure
		}
		if a.Range.Filename != b.Range.Filename {
			return a.Range.Filename < b.Range.Filename
		}
		if a.Range.Start.Line != b.Range.Start.Line {
			return a.Range.Start.Line < b.Range.Start.Line
		}
		if a.Range.Start.Column != b.Range.Start.Column {
			return a.Range.Start.Column < b.Range.Start.Column
		}
		return a.RuleID < b.RuleID
	})
	return out
}

// fixability says whether a finding has a mechanical fix.
func fixability(f lint.Finding) string {
	if len(f.FixSpecs) > 0 || len(f.Fixes) > 0 {
		return "fixable: --diff shows the fix, --fix applies it"
	}
	return "no automatic fix"
}

// suppressedSummary is the summary's part about suppressed findings.
func suppressedSummary(n int, shown bool) string {
	if shown {
		return fmt.Sprintf("%d suppressed", n)
	}
	return fmt.Sprintf("%d suppressed (--show-suppressed lists them)", n)
}

// byRule counts the unsuppressed findings per rule, by rule ID:
// "by rule: SPW201 3, SPW501 1"; empty without findings.
func byRule(fs []lint.Finding) string {
	counts := map[string]int{}
	for _, f := range fs {
		if !f.Suppressed {
			counts[f.RuleID]++
		}
	}
	if len(counts) == 0 {
		return ""
	}
	ids := make([]string, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("%s %d", Sanitize(id), counts[id])
	}
	return "by rule: " + strings.Join(parts, ", ")
}

// suppressed writes the Markdown report's part about suppressed
// findings: their count, and with ShowSuppressed a table of them.
func (m Markdown) suppressed(w *bufio.Writer, r *Result) {
	var sup []lint.Finding
	for _, f := range r.Findings {
		if f.Suppressed {
			sup = append(sup, f)
		}
	}
	if len(sup) == 0 {
		return
	}
	fmt.Fprintln(w)
	if !m.ShowSuppressed {
		fmt.Fprintf(w, "%d suppressed %s (inline ignores or the baseline) not shown.\n", len(sup), pluralize(len(sup), "finding", "findings"))
		return
	}
	fmt.Fprintf(w, "%d suppressed %s:\n\n", len(sup), pluralize(len(sup), "finding", "findings"))
	fmt.Fprintln(w, "| Severity | Rule | Resource | Location | Justification |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, f := range sup {
		loc := fmt.Sprintf("%s:%d", f.Range.Filename, f.Range.Start.Line)
		fmt.Fprintf(w, "| %s | [%s](%s) %s | %s | %s | %s |\n", f.Severity, f.RuleID, docURL(r, f.RuleID), f.RuleName, mdCell(f.Resource), mdCell(loc), mdCell(f.Justification))
	}
}
