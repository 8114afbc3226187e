package cli

import (
	"fmt"
	"io"

	"github.com/spillway-iac/spillway/internal/textsafe"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/report"
	"github.com/spillway-iac/spillway/rules"
)

// skippedFix is a finding with a fix that --fix and --diff leave alone,
// and why.
type skippedFix struct {
	f   lint.Finding
	why string
}

// fixKey identifies what a fix edits: one rule's fix of one block.
func fixKey(f lint.Finding) string {
	r := f.BlockRange()
	return fmt.Sprintf("%s\x00%d\x00%s", r.Filename, r.Start.Byte, f.RuleID)
}

// selectFixes returns the findings whose fixes --fix and --diff apply and
// the ones they skip: suppressed findings (inline or by the baseline) and
// findings below --min-severity (belowMin, already removed from the
// report) are never touched, and neither is a block whose finding is
// suppressed through another root module, which shares its fix.
func selectFixes(res *report.Result, belowMin []lint.Finding) (fixable []lint.Finding, skipped []skippedFix) {
	hold := map[string]bool{}
	for _, f := range belowMin {
		skipped = append(skipped, skippedFix{f, "below --min-severity"})
		hold[fixKey(f)] = true
	}
	for _, f := range res.Findings {
		if len(f.Fixes) == 0 || !f.Suppressed {
			continue
		}
		why := "suppressed inline"
		if f.SuppressionKind == "external" {
			why = "suppressed by the baseline"
		}
		if f.Justification != "" && f.SuppressionKind != "external" {
			why += ": " + f.Justification
		}
		skipped = append(skipped, skippedFix{f, why})
		hold[fixKey(f)] = true
	}
	for _, f := range res.Findings {
		if len(f.Fixes) == 0 || f.Suppressed {
			continue
		}
		if hold[fixKey(f)] {
			skipped = append(skipped, skippedFix{f, "the same block is suppressed or below --min-severity through another root module"})
			continue
		}
		fixable = append(fixable, f)
	}
	return fixable, skipped
}

// reportFixes says on stderr, in every case, what --fix changed (or what
// --diff shows) and what was skipped and why.
func reportFixes(stderr io.Writer, fix bool, fixable []lint.Finding, files []string, skipped []skippedFix, ran int) {
	n := len(fixable)
	switch {
	case n == 0:
		fmt.Fprintln(stderr, "spillway: no fix to apply")
	case fix:
		fmt.Fprintf(stderr, "spillway: fixed %d %s in %d %s; review the values, they are starting points\n",
			n, plural(n, "finding", "findings"), len(files), plural(len(files), "file", "files"))
	default:
		fmt.Fprintf(stderr, "spillway: the diff fixes %d %s in %d %s; nothing was written (--fix applies it)\n",
			n, plural(n, "finding", "findings"), len(files), plural(len(files), "file", "files"))
	}
	for _, f := range fixable {
		verb := "fixed"
		if !fix {
			verb = "fix"
		}
		fmt.Fprintf(stderr, "  %s: %s %s (%s)\n", verb, f.RuleID, textsafe.Sanitize(f.Resource), textsafe.Sanitize(where(f)))
	}
	for _, name := range files {
		verb := "applied"
		if !fix {
			verb = "diff"
		}
		fmt.Fprintf(stderr, "  %s: %s\n", verb, textsafe.Sanitize(name))
	}
	for _, s := range skipped {
		fmt.Fprintf(stderr, "  skipped: %s %s (%s): %s\n", s.f.RuleID, textsafe.Sanitize(s.f.Resource), textsafe.Sanitize(where(s.f)), textsafe.Sanitize(s.why))
	}
	if off := len(rules.All) - ran; off > 0 {
		fmt.Fprintf(stderr, "  skipped: the findings of %d %s not run (--only, --disable, the config file or off by default)\n", off, plural(off, "rule", "rules"))
	}
}

func where(f lint.Finding) string {
	r := f.BlockRange()
	return fmt.Sprintf("%s:%d", r.Filename, r.Start.Line)
}
