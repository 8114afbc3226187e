package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// Text writes findings for people: one block per finding, highest
// severity first, then the widest exposure, with its position, severity,
// rule, message, resource, the source lines with the anchor marked and
// how to learn more; then errors, notes, a summary line with the counts
// per rule, and what could not be decided. Suppressed findings are only
// counted unless ShowSuppressed; Quiet leaves out everything but findings
// and errors.
type Text struct {
	Color          bool
	ShowSuppressed bool
	Quiet          bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

func (t *Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

func (t *Text) severity(s lint.Severity) string {
	switch s {
	case lint.High:
		return t.paint(ansiBold+ansiRed, "high")
	case lint.Medium:
		return t.paint(ansiBold+ansiYellow, "medium")
	default:
		return t.paint(ansiBold+ansiCyan, "low")
	}
}

// Write implements Reporter.
func (t *Text) Write(w io.Writer, r *Result) error {
	// Excerpts read each file once: a file with tens of thousands of
	// problems was read and split into lines once per problem.
	rc := *r
	rc.lines = map[string][][]byte{}
	r = &rc
	bw := bufio.NewWriter(w)
	for _, f := range listed(r.Findings, t.ShowSuppressed) {
		t.finding(bw, r, f)
	}
	errs := r.Errors()
	for _, d := range errs {
		t.diag(bw, r, d, t.paint(ansiBold+ansiRed, "error"))
	}
	if t.Quiet {
		return bw.Flush()
	}
	notes := r.Notes()
	for _, d := range notes {
		if len(notes) > maxNoteBlocks {
			// Many notes (a repository of registry modules): a line
			// each; the summary counts them by kind.
			at := "spillway"
			if d.Subject != nil {
				at = pos(*d.Subject)
			}
			fmt.Fprintf(bw, "%s: %s: %s\n", at, t.paint(ansiDim, "note"), Sanitize(noteLine(d)))
			continue
		}
		t.diag(bw, r, d, t.paint(ansiDim, "note"))
	}
	if len(notes) > maxNoteBlocks {
		fmt.Fprintln(bw)
	}
	t.summary(bw, r, len(errs))
	return bw.Flush()
}

// maxNoteBlocks is how many notes text prints in full, with their detail;
// above it each note is one line.
const maxNoteBlocks = 10

// noteLine is a note in one line: its summary and, for a module call,
// which call.
func noteLine(d *hcl.Diagnostic) string {
	line := strings.TrimSuffix(d.Summary, ".")
	if _, rest, ok := strings.Cut(d.Detail, "The module "); ok {
		if name, _, ok := strings.Cut(rest, ")"); ok {
			line += ": module " + name + ")"
		}
	}
	return line
}

func pos(rng hcl.Range) string {
	if rng.Start.Line == 0 {
		return Sanitize(rng.Filename)
	}
	return fmt.Sprintf("%s:%d:%d", Sanitize(rng.Filename), rng.Start.Line, rng.Start.Column)
}

func (t *Text) finding(w *bufio.Writer, r *Result, f lint.Finding) {
	head := fmt.Sprintf("%s: %s %s %s", pos(f.Range), t.severity(f.Severity), t.paint(ansiBold, f.RuleID), f.RuleName)
	if f.Suppressed {
		head += t.paint(ansiDim, " (suppressed)")
	}
	fmt.Fprintln(w, head)
	fmt.Fprintf(w, "  %s\n", Sanitize(f.Message))
	res := "  resource: " + Sanitize(f.Resource)
	if f.Exposure != graph.ExposureUndetermined {
		res = "  resource (" + f.Exposure.String() + "): " + Sanitize(f.Resource)
	}
	if n := len(f.Instances) - 1; n > 0 {
		res += fmt.Sprintf(" (and %d more %s: %s)", n, pluralize(n, "instance", "instances"), Sanitize(strings.Join(f.Instances[1:], ", ")))
	}
	fmt.Fprintln(w, res)
	if len(f.Calls) > 0 {
		var calls []string
		for _, c := range f.Calls {
			calls = append(calls, fmt.Sprintf("%s (%s)", Sanitize(c.Address), pos(c.Range)))
		}
		fmt.Fprintf(w, "  via: %s\n", strings.Join(calls, " -> "))
	}
	t.snippet(w, r, f.Range)
	for _, rel := range f.Related {
		fmt.Fprintf(w, "  related: %s %s (%s)\n", pos(rel.Range), Sanitize(rel.Resource), rel.Role)
	}
	if f.Suppressed && f.Justification != "" {
		fmt.Fprintf(w, "  suppressed: %s\n", Sanitize(f.Justification))
	}
	fmt.Fprintf(w, "  more: spillway explain %s; %s\n", Sanitize(f.RuleID), fixability(f))
	fmt.Fprintln(w)
}

func pluralize(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// snippet prints the first line of rng with a line before and after, and
// marks the anchor line.
func (t *Text) snippet(w *bufio.Writer, r *Result, rng hcl.Range) {
	if r.Source == nil || rng.Start.Line == 0 {
		return
	}
	lines := r.sourceLines(rng.Filename)
	if lines == nil {
		return
	}
	first := rng.Start.Line - 1
	if first < 1 {
		first = 1
	}
	last := rng.Start.Line + 1
	if rng.End.Line < last {
		last = rng.End.Line
	}
	if last > len(lines) {
		last = len(lines)
	}
	width := len(fmt.Sprint(last))
	for n := first; n <= last; n++ {
		text := strings.TrimRight(string(lines[n-1]), "\r")
		text = Sanitize(strings.ReplaceAll(text, "\t", "  "))
		if n == rng.Start.Line {
			fmt.Fprintf(w, "  %s %*d | %s\n", t.paint(ansiBold, ">"), width, n, text)
			col := rng.Start.Column
			if col < 1 {
				col = 1
			}
			end := len([]rune(text)) + 1
			if rng.End.Line == rng.Start.Line && rng.End.Column > col {
				end = rng.End.Column
			}
			if end <= col {
				end = col + 1
			}
			fmt.Fprintf(w, "    %*s | %s%s\n", width, "", strings.Repeat(" ", col-1), t.paint(ansiBold, strings.Repeat("^", end-col)))
			continue
		}
		if strings.TrimSpace(text) == "" && n != rng.Start.Line {
			continue
		}
		fmt.Fprintf(w, "    %*d | %s\n", width, n, text)
	}
}

func (t *Text) diag(w *bufio.Writer, r *Result, d *hcl.Diagnostic, label string) {
	s := subject(d)
	fmt.Fprintf(w, "%s: %s: %s\n", pos(s), label, Sanitize(d.Summary))
	if d.Detail != "" {
		fmt.Fprintf(w, "  %s\n", Sanitize(d.Detail))
	}
	if s.Start.Line > 0 {
		t.snippet(w, r, s)
	}
	fmt.Fprintln(w)
}

func (t *Text) summary(w *bufio.Writer, r *Result, nerr int) {
	high, medium, low := r.Counts()
	total := high + medium + low
	suppressed := 0
	for _, f := range r.Findings {
		if f.Suppressed {
			suppressed++
		}
	}
	var parts []string
	if total == 0 {
		parts = append(parts, "no findings")
	} else {
		parts = append(parts, fmt.Sprintf("%d %s (%d high, %d medium, %d low)", total, pluralize(total, "finding", "findings"), high, medium, low))
	}
	if suppressed > 0 {
		parts = append(parts, suppressedSummary(suppressed, t.ShowSuppressed))
	}
	if n := len(r.Undetermined); n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s undetermined", n, pluralize(n, "check", "checks")))
	}
	if nerr > 0 {
		parts = append(parts, t.paint(ansiRed, fmt.Sprintf("%d %s", nerr, pluralize(nerr, "error", "errors"))))
	}
	fmt.Fprintf(w, "%s in %d root %s (%d %s, %d %s)\n", strings.Join(parts, ", "),
		r.Stats.RootModules, pluralize(r.Stats.RootModules, "module", "modules"),
		r.Stats.Files, pluralize(r.Stats.Files, "file", "files"),
		r.Stats.Resources, pluralize(r.Stats.Resources, "resource", "resources"))
	if line := byRule(r.Findings); line != "" {
		fmt.Fprintln(w, line)
	}
	for _, line := range r.NoteSummary() {
		fmt.Fprintln(w, line)
	}
	t.undetermined(w, r)
}

// undetermined summarizes what could not be decided and how to give the
// missing values.
func (t *Text) undetermined(w *bufio.Writer, r *Result) {
	if len(r.Undetermined) == 0 {
		return
	}
	type entry struct {
		rules map[string]bool
		n     int
		lines []string
	}
	byUnknown := map[string]*entry{}
	for _, u := range r.Undetermined {
		e := byUnknown[u.Unknown]
		if e == nil {
			e = &entry{rules: map[string]bool{}}
			byUnknown[u.Unknown] = e
		}
		e.rules[u.RuleID] = true
		e.n++
		line := fmt.Sprintf("    %s %s at %s in root %s", u.RuleID, Sanitize(u.Resource), pos(u.Range), Sanitize(u.Root))
		if len(u.Calls) > 0 {
			var calls []string
			for _, c := range u.Calls {
				calls = append(calls, fmt.Sprintf("%s (%s)", Sanitize(c.Address), pos(c.Range)))
			}
			line += " via " + strings.Join(calls, " -> ")
		}
		e.lines = append(e.lines, line)
	}
	keys := make([]string, 0, len(byUnknown))
	for k := range byUnknown {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(w, "\n%d %s could not be decided because a value is unknown:\n", len(r.Undetermined), pluralize(len(r.Undetermined), "check", "checks"))
	for _, k := range keys {
		e := byUnknown[k]
		var rules []string
		for id := range e.rules {
			rules = append(rules, id)
		}
		sort.Strings(rules)
		fmt.Fprintf(w, "  %s (%d %s: %s)\n", Sanitize(k), e.n, pluralize(e.n, "check", "checks"), strings.Join(rules, ", "))
		for _, l := range e.lines {
			fmt.Fprintln(w, l)
		}
	}
	hasVar := false
	for _, k := range keys {
		if strings.Contains(k, "var.") {
			hasVar = true
		}
	}
	if hasVar {
		fmt.Fprintln(w, "Give variables a value with --var NAME=VALUE, --var-file FILE or a terraform.tfvars file to decide them.")
	}
}
