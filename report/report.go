// Package report renders scan results: findings, undetermined checks,
// input errors and statistics. Each format lives in its own file and
// implements Reporter: text, compact, json, sarif, junit, checkstyle,
// github and markdown. Output is deterministic: the same scan always gives
// byte-identical output.
//
// A lint.Finding arrives here with its rule, severity, message, the range
// that shows the problem (Finding.Range) inside the anchored block
// (Finding.Block), the module calls that lead to it, related resources,
// its fingerprint, its suppression state and, when computed, its fixes.
// SARIF turns these into a result with a physical location relative to
// %SRCROOT%, related locations, partialFingerprints, suppressions and
// fixes; every name that came from scanned code passes through Sanitize
// (text formats) or the format's own escaping.
package report

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/internal/textsafe"
	"github.com/spillway-iac/spillway/lint"
)

// Result is everything a scan produced.
type Result struct {
	ToolName    string
	ToolVersion string
	Findings    []lint.Finding
	// Undetermined are checks a rule could not decide.
	Undetermined []lint.Undetermined
	// Diagnostics holds input problems: errors, and warnings (notes).
	Diagnostics hcl.Diagnostics
	Stats       Stats
	// Rules are the rules that ran, for formats that describe them.
	Rules []*lint.Rule
	// Source returns a file's bytes by its display name, for snippets.
	Source func(name string) []byte
	// Vendored reports whether a file, by its display name, belongs to a
	// module the user does not own (under .terraform, or fetched into the
	// module cache): such files are never edited. Nil means none is.
	Vendored func(name string) bool
	// Roots are the root modules scanned, as shown to users, sorted.
	Roots []string
	// Topologies are the exposure and capacity pictures of the root
	// modules, for spillway graph and the markdown report; optional (nil
	// when the scan did not build them).
	Topologies []*graph.Topology
	// SourceRoot, when set, is the absolute directory file names are
	// relative to (see Renamed); SARIF gives it to %SRCROOT% as a URI.
	SourceRoot string
	// lines caches sourceLines, per file, while one report is written;
	// nil means no cache.
	lines map[string][][]byte
}

// Stats counts what was scanned.
type Stats struct {
	RootModules int
	Files       int
	Resources   int
}

// Reporter writes a Result in one format.
type Reporter interface {
	Write(w io.Writer, r *Result) error
}

// Options configure reporters.
type Options struct {
	// Color enables ANSI colours in text output.
	Color bool
	// ShowSuppressed prints suppressed and baselined findings in text
	// and Markdown; by default they are only counted.
	ShowSuppressed bool
	// Quiet makes text print only the findings (and input errors): no
	// notes, summary or undetermined checks.
	Quiet bool
}

// Formats lists the implemented format names.
var Formats = []string{"text", "compact", "json", "sarif", "junit", "checkstyle", "github", "markdown"}

// New returns the reporter for a format name.
func New(format string, opts Options) (Reporter, error) {
	switch format {
	case "text":
		return &Text{Color: opts.Color, ShowSuppressed: opts.ShowSuppressed, Quiet: opts.Quiet}, nil
	case "json":
		return JSON{}, nil
	case "compact":
		return Compact{}, nil
	case "sarif":
		return SARIF{}, nil
	case "junit":
		return JUnit{}, nil
	case "checkstyle":
		return Checkstyle{}, nil
	case "github":
		return GitHub{}, nil
	case "markdown":
		return Markdown{ShowSuppressed: opts.ShowSuppressed}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// Errors returns the error diagnostics, sorted by position.
func (r *Result) Errors() hcl.Diagnostics { return sortedDiags(r.Diagnostics, hcl.DiagError) }

// Notes returns the warning diagnostics, sorted by position.
func (r *Result) Notes() hcl.Diagnostics { return sortedDiags(r.Diagnostics, hcl.DiagWarning) }

func sortedDiags(diags hcl.Diagnostics, sev hcl.DiagnosticSeverity) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range diags {
		if d.Severity == sev {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := subject(out[i]), subject(out[j])
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Start.Line != b.Start.Line {
			return a.Start.Line < b.Start.Line
		}
		if a.Start.Column != b.Start.Column {
			return a.Start.Column < b.Start.Column
		}
		if out[i].Summary != out[j].Summary {
			return out[i].Summary < out[j].Summary
		}
		return out[i].Detail < out[j].Detail
	})
	return out
}

func subject(d *hcl.Diagnostic) hcl.Range {
	if d.Subject != nil {
		return *d.Subject
	}
	return hcl.Range{}
}

// Counts returns the number of unsuppressed findings per severity.
func (r *Result) Counts() (high, medium, low int) {
	for _, f := range r.Findings {
		if f.Suppressed {
			continue
		}
		switch f.Severity {
		case lint.High:
			high++
		case lint.Medium:
			medium++
		case lint.Low:
			low++
		}
	}
	return high, medium, low
}

// Sanitize removes terminal control sequences and other control
// characters from text that came from scanned code, so that it cannot
// rewrite a terminal; newlines and tabs become visible escapes. The CLI's
// stderr messages use the same function (internal/textsafe).
func Sanitize(s string) string { return textsafe.Sanitize(s) }

// sourceLines returns the lines of a file by its name from Source, nil
// when there is none. With a cache (set by a reporter for one Write), each
// file is read and split once however many excerpts it has.
func (r *Result) sourceLines(name string) [][]byte {
	if l, ok := r.lines[name]; ok {
		return l
	}
	if r.Source == nil {
		return nil
	}
	var lines [][]byte
	if src := r.Source(name); src != nil {
		lines = bytes.Split(src, []byte("\n"))
	}
	if r.lines != nil {
		r.lines[name] = lines
	}
	return lines
}
