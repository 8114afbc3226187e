package fix

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// contextLines is the number of unchanged lines shown around a change.
const contextLines = 3

// UnifiedDiff returns the unified diff that turns old into new, with
// "--- a/FILE" and "+++ b/FILE" headers, hunks with three lines of context
// and no colours, as git diff prints it; "" when they are equal.
func UnifiedDiff(filename string, old, new []byte) string {
	if string(old) == string(new) {
		return ""
	}
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(string(old), string(new))
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)

	type line struct {
		op   diffmatchpatch.Operation
		text string // with its newline, if it has one
	}
	var all []line
	for _, d := range diffs {
		for _, l := range strings.SplitAfter(d.Text, "\n") {
			if l != "" {
				all = append(all, line{d.Type, l})
			}
		}
	}

	name := strings.TrimPrefix(filepath.ToSlash(filename), "./")
	name = strings.TrimPrefix(name, "/")
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)

	// oldNo[i] and newNo[i] count the old and new lines before all[i].
	oldNo := make([]int, len(all)+1)
	newNo := make([]int, len(all)+1)
	for i, l := range all {
		oldNo[i+1], newNo[i+1] = oldNo[i], newNo[i]
		if l.op != diffmatchpatch.DiffInsert {
			oldNo[i+1]++
		}
		if l.op != diffmatchpatch.DiffDelete {
			newNo[i+1]++
		}
	}
	for i := 0; i < len(all); {
		if all[i].op == diffmatchpatch.DiffEqual {
			i++
			continue
		}
		// A hunk: from context lines before this change to context lines
		// after the last change that is at most 2*context lines away.
		start := max(0, i-contextLines)
		last := i
		for j := i + 1; j < len(all) && j <= last+2*contextLines+1; j++ {
			if all[j].op != diffmatchpatch.DiffEqual {
				last = j
			}
		}
		end := min(len(all), last+contextLines+1)
		fmt.Fprintf(&out, "@@ -%s +%s @@\n",
			hunkRange(oldNo[start], oldNo[end]-oldNo[start]),
			hunkRange(newNo[start], newNo[end]-newNo[start]))
		for _, l := range all[start:end] {
			prefix := " "
			switch l.op {
			case diffmatchpatch.DiffDelete:
				prefix = "-"
			case diffmatchpatch.DiffInsert:
				prefix = "+"
			case diffmatchpatch.DiffEqual:
			}
			out.WriteString(prefix + l.text)
			if !strings.HasSuffix(l.text, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return out.String()
}

// hunkRange formats the start and length of one side of a hunk: the start
// is 1-based, or the line before an empty side; a length of 1 is omitted.
func hunkRange(before, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", before)
	case 1:
		return fmt.Sprintf("%d", before+1)
	}
	return fmt.Sprintf("%d,%d", before+1, n)
}
