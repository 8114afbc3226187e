package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spillway-iac/spillway/lint"
)

// Compact writes one line per finding:
// file:line:col: severity: message (ID), one per input error, and a
// "note: " summary line per kind of note.
type Compact struct{}

// Write implements Reporter.
func (Compact) Write(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		if f.Suppressed {
			continue
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s: %s (%s)\n", Sanitize(f.Range.Filename), f.Range.Start.Line, f.Range.Start.Column, f.Severity, Sanitize(f.Message), f.RuleID)
	}
	for _, d := range r.Errors() {
		s := subject(d)
		fmt.Fprintf(bw, "%s:%d:%d: error: %s\n", Sanitize(s.Filename), s.Start.Line, s.Start.Column, Sanitize(strings.TrimSpace(d.Summary+". "+d.Detail)))
	}
	// What was not analyzed, as summary lines that are not of the
	// file:line:col form, so problem matchers do not take them for
	// findings.
	for _, line := range r.NoteSummary() {
		fmt.Fprintf(bw, "note: %s\n", line)
	}
	return bw.Flush()
}

// GitHub writes GitHub Actions workflow commands, one annotation per
// finding: ::error for high, ::warning for medium, ::notice for low; one
// ::error per input error, and a ::notice per kind of note.
type GitHub struct{}

// githubLevel maps severities to annotation commands.
func githubLevel(s lint.Severity) string {
	switch s {
	case lint.High:
		return "error"
	case lint.Medium:
		return "warning"
	default:
		return "notice"
	}
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return strings.ReplaceAll(s, "\n", "%0A")
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	s = escapeData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}

// Write implements Reporter.
func (GitHub) Write(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		if f.Suppressed {
			continue
		}
		props := []string{"file=" + escapeProperty(Sanitize(f.Range.Filename))}
		if f.Range.Start.Line > 0 {
			props = append(props,
				fmt.Sprintf("line=%d", f.Range.Start.Line),
				fmt.Sprintf("col=%d", f.Range.Start.Column),
				fmt.Sprintf("endLine=%d", f.Range.End.Line))
		}
		props = append(props, "title="+escapeProperty(f.RuleID+" "+f.RuleName))
		fmt.Fprintf(bw, "::%s %s::%s\n", githubLevel(f.Severity), strings.Join(props, ","), escapeData(Sanitize(f.Message+" ("+f.Resource+")")))
	}
	for _, d := range r.Errors() {
		s := subject(d)
		props := []string{"file=" + escapeProperty(Sanitize(s.Filename))}
		if s.Start.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", s.Start.Line), fmt.Sprintf("col=%d", s.Start.Column))
		}
		props = append(props, "title="+escapeProperty(Sanitize("spillway: "+d.Summary)))
		fmt.Fprintf(bw, "::error %s::%s\n", strings.Join(props, ","), escapeData(Sanitize(d.Detail)))
	}
	// Notes are summarized, not annotated one by one on the callers.
	for _, line := range r.NoteSummary() {
		fmt.Fprintf(bw, "::notice title=spillway%%3A partial scan::%s\n", escapeData(line))
	}
	return bw.Flush()
}

// Markdown writes a table for pull request comments and
// $GITHUB_STEP_SUMMARY, and the Mermaid diagram of Result.Topologies when
// there are some. Suppressed findings are counted, and listed only with
// ShowSuppressed.
type Markdown struct {
	ShowSuppressed bool
}

// MaxMermaidSize is the largest diagram the markdown report includes:
// Mermaid's default maxTextSize, above which GitHub shows an error
// instead of the picture.
const MaxMermaidSize = 50000

// mdCell escapes text for a Markdown table cell, so that names and
// messages from scanned code cannot break the table or inject links,
// images or HTML.
func mdCell(s string) string {
	s = Sanitize(s)
	r := strings.NewReplacer(
		`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "`", "\\`", "*", `\*`,
		"[", `\[`, "]", `\]`, "!", `\!`,
	)
	return r.Replace(s)
}

// Write implements Reporter.
func (m Markdown) Write(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	high, medium, low := r.Counts()
	total := high + medium + low
	fmt.Fprintln(bw, "## spillway")
	fmt.Fprintln(bw)
	if total == 0 {
		fmt.Fprintf(bw, "No findings in %d root %s.\n", r.Stats.RootModules, pluralize(r.Stats.RootModules, "module", "modules"))
	} else {
		fmt.Fprintf(bw, "**%d %s** (%d high, %d medium, %d low) in %d root %s.\n", total, pluralize(total, "finding", "findings"),
			high, medium, low, r.Stats.RootModules, pluralize(r.Stats.RootModules, "module", "modules"))
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "| Severity | Rule | Resource | Location | Message |")
		fmt.Fprintln(bw, "|---|---|---|---|---|")
		for _, f := range listed(r.Findings, false) {
			loc := fmt.Sprintf("%s:%d", f.Range.Filename, f.Range.Start.Line)
			fmt.Fprintf(bw, "| %s | [%s](%s) %s | %s | %s | %s |\n", f.Severity, f.RuleID, docURL(r, f.RuleID), f.RuleName, mdCell(f.Resource), mdCell(loc), mdCell(f.Message))
		}
	}
	m.suppressed(bw, r)
	if errs := r.Errors(); len(errs) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintf(bw, "**%d %s** in the input:\n\n", len(errs), pluralize(len(errs), "error", "errors"))
		fmt.Fprintln(bw, "| Location | Error |")
		fmt.Fprintln(bw, "|---|---|")
		for _, d := range errs {
			s := subject(d)
			fmt.Fprintf(bw, "| %s | %s |\n", mdCell(fmt.Sprintf("%s:%d:%d", s.Filename, s.Start.Line, s.Start.Column)), mdCell(d.Summary+": "+d.Detail))
		}
	}
	if notes := r.Notes(); len(notes) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "**Not analyzed:**")
		fmt.Fprintln(bw)
		for _, line := range r.NoteSummary() {
			fmt.Fprintf(bw, "- %s\n", mdCell(line))
		}
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "| Location | Kind | Note |")
		fmt.Fprintln(bw, "|---|---|---|")
		for _, d := range notes {
			s := subject(d)
			fmt.Fprintf(bw, "| %s | %s | %s |\n", mdCell(fmt.Sprintf("%s:%d:%d", s.Filename, s.Start.Line, s.Start.Column)), mdCell(NoteKind(d)), mdCell(noteMessage(d)))
		}
	}
	if n := len(r.Undetermined); n > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintf(bw, "%d %s could not be decided because a value is unknown; give the variables values with `--var` or a tfvars file.\n", n, pluralize(n, "check", "checks"))
	}
	if len(r.Topologies) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "### Exposure and capacity")
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "Who can reach each function: red public, orange authenticated, yellow event, grey internal, dashed undetermined; ⚠ N marks N findings. `spillway graph` prints the figures.")
		fmt.Fprintln(bw)
		var diagram strings.Builder
		writeMermaid(&diagram, r.Topologies, r.Findings)
		if diagram.Len() > MaxMermaidSize {
			fmt.Fprintf(bw, "The diagram (%d characters) is larger than GitHub renders (%d); `spillway graph --format mermaid` writes it, and `--format dot` for Graphviz.\n", diagram.Len(), MaxMermaidSize)
		} else {
			fmt.Fprintln(bw, "```mermaid")
			fmt.Fprint(bw, diagram.String())
			fmt.Fprintln(bw, "```")
		}
	}
	return bw.Flush()
}

// Checkstyle writes checkstyle XML, as reviewdog and many CI tools read
// it.
type Checkstyle struct{}

type csFile struct {
	Name   string    `xml:"name,attr"`
	Errors []csError `xml:"error"`
}

type csError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func checkstyleSeverity(s lint.Severity) string {
	switch s {
	case lint.High:
		return "error"
	case lint.Medium:
		return "warning"
	default:
		return "info"
	}
}

// xmlText removes the characters XML 1.0 cannot carry at all.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF) {
			return r
		}
		return '\uFFFD'
	}, s)
}

// Write implements Reporter.
func (Checkstyle) Write(w io.Writer, r *Result) error {
	files := map[string]*csFile{}
	add := func(name string, e csError) {
		f := files[name]
		if f == nil {
			f = &csFile{Name: xmlText(name)}
			files[name] = f
		}
		f.Errors = append(f.Errors, e)
	}
	for _, f := range r.Findings {
		if f.Suppressed {
			continue
		}
		add(f.Range.Filename, csError{
			Line: f.Range.Start.Line, Column: f.Range.Start.Column,
			Severity: checkstyleSeverity(f.Severity),
			Message:  xmlText(fmt.Sprintf("%s: %s (%s)", f.RuleID, f.Message, f.Resource)),
			Source:   "spillway." + f.RuleID,
		})
	}
	for _, d := range r.Errors() {
		s := subject(d)
		add(s.Filename, csError{Line: s.Start.Line, Column: s.Start.Column, Severity: "error",
			Message: xmlText(strings.TrimSpace(d.Summary + ". " + d.Detail)), Source: "spillway.input"})
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	doc := struct {
		XMLName xml.Name  `xml:"checkstyle"`
		Version string    `xml:"version,attr"`
		Files   []*csFile `xml:"file"`
	}{Version: "8.0"}
	for _, n := range names {
		doc.Files = append(doc.Files, files[n])
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// JUnit writes JUnit XML: one testsuite per root module, one failing
// testcase per finding, and a passing testcase for a root module without
// findings; input errors are a testsuite of errored testcases, and notes
// (what was not analyzed) a "notes" testsuite of skipped testcases with
// the notes in its system-out.
type JUnit struct{}

type juSuites struct {
	XMLName  xml.Name  `xml:"testsuites"`
	Name     string    `xml:"name,attr"`
	Tests    int       `xml:"tests,attr"`
	Failures int       `xml:"failures,attr"`
	Errors   int       `xml:"errors,attr"`
	Suites   []juSuite `xml:"testsuite"`
}

type juSuite struct {
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Cases    []juCase `xml:"testcase"`
	// SystemOut lists the notes, in the "not analyzed" suite.
	SystemOut string `xml:"system-out,omitempty"`
}

type juCase struct {
	Name      string     `xml:"name,attr"`
	Classname string     `xml:"classname,attr"`
	File      string     `xml:"file,attr,omitempty"`
	Line      int        `xml:"line,attr,omitempty"`
	Failure   *juFailure `xml:"failure,omitempty"`
	Error     *juFailure `xml:"error,omitempty"`
	Skipped   *juSkipped `xml:"skipped,omitempty"`
}

type juFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

type juSkipped struct {
	Message string `xml:"message,attr"`
}

// Write implements Reporter.
// rootOf returns the deepest of roots whose directory holds the file
// name (slash-separated display paths), or def.
func rootOf(roots []string, name, def string) string {
	dir := path.Dir(filepath.ToSlash(name))
	best := ""
	for _, root := range roots {
		ok := dir == root || strings.HasPrefix(dir, root+"/") ||
			(root == "." && dir != ".." && !strings.HasPrefix(dir, "../") && !path.IsAbs(dir))
		if ok && (best == "" || len(root) > len(best)) {
			best = root
		}
	}
	if best == "" {
		return def
	}
	return best
}

func (JUnit) Write(w io.Writer, r *Result) error {
	suites := map[string]*juSuite{}
	suite := func(root string) *juSuite {
		s := suites[root]
		if s == nil {
			s = &juSuite{Name: xmlText(root)}
			suites[root] = s
		}
		return s
	}
	for _, root := range r.Roots {
		suite(root)
	}
	for _, f := range r.Findings {
		s := suite(f.Root)
		c := juCase{
			Name:      xmlText(f.RuleID + " " + f.Resource),
			Classname: xmlText(f.RuleID + "." + f.RuleName),
			File:      xmlText(f.Range.Filename),
			Line:      f.Range.Start.Line,
		}
		if f.Suppressed {
			c.Skipped = &juSkipped{Message: xmlText("suppressed: " + f.Justification)}
			s.Skipped++
		} else {
			c.Failure = &juFailure{
				Message: xmlText(f.Message),
				Type:    f.Severity.String(),
				Body:    xmlText(fmt.Sprintf("%s:%d:%d %s %s\n%s\nresource: %s\n", f.Range.Filename, f.Range.Start.Line, f.Range.Start.Column, f.Severity, f.RuleID, f.Message, strings.Join(f.Instances, ", "))),
			}
			s.Failures++
		}
		s.Cases = append(s.Cases, c)
		s.Tests++
	}
	if errs := r.Errors(); len(errs) > 0 {
		for _, d := range errs {
			sub := subject(d)
			// An error belongs to the root module whose tree holds its
			// file, so a root that failed to parse is a red suite, not
			// a green "no findings" one.
			s := suite(rootOf(r.Roots, sub.Filename, "input errors"))
			s.Cases = append(s.Cases, juCase{
				Name:      xmlText(fmt.Sprintf("%s:%d:%d", sub.Filename, sub.Start.Line, sub.Start.Column)),
				Classname: "spillway.input",
				File:      xmlText(sub.Filename),
				Line:      sub.Start.Line,
				Error:     &juFailure{Message: xmlText(d.Summary), Type: "error", Body: xmlText(d.Detail)},
			})
			s.Tests++
			s.Errors++
		}
	}
	if notes := r.Notes(); len(notes) > 0 {
		// What was not analyzed: skipped testcases, never failures.
		s := suite("not analyzed")
		var out strings.Builder
		for _, line := range r.NoteSummary() {
			out.WriteString(line + "\n")
		}
		for _, d := range notes {
			sub := subject(d)
			loc := fmt.Sprintf("%s:%d:%d", sub.Filename, sub.Start.Line, sub.Start.Column)
			fmt.Fprintf(&out, "%s: %s: %s\n", loc, NoteKind(d), noteMessage(d))
			s.Cases = append(s.Cases, juCase{
				Name:      xmlText(loc),
				Classname: xmlText("spillway.note." + NoteKind(d)),
				File:      xmlText(sub.Filename),
				Line:      sub.Start.Line,
				Skipped:   &juSkipped{Message: xmlText(noteMessage(d))},
			})
			s.Tests++
			s.Skipped++
		}
		s.SystemOut = xmlText(out.String())
	}
	names := make([]string, 0, len(suites))
	for n := range suites {
		names = append(names, n)
	}
	sort.Strings(names)
	doc := juSuites{Name: "spillway"}
	for _, n := range names {
		s := suites[n]
		if s.Tests == 0 {
			s.Cases = append(s.Cases, juCase{Name: "no findings", Classname: "spillway"})
			s.Tests = 1
		}
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Suites = append(doc.Suites, *s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// docURL returns the documentation URL of a rule that ran.
func docURL(r *Result, id string) string {
	for _, rule := range r.Rules {
		if rule.ID == id {
			return rule.DocURL()
		}
	}
	return InformationURI
}
