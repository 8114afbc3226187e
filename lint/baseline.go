package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spillway-iac/spillway/internal/textsafe"
)

// BaselineVersion is the version of the baseline format this package
// reads and writes.
const BaselineVersion = 1

// Baseline is a set of accepted findings, identified by fingerprint. The
// fingerprint hashes the rule ID, the block's address in its module and
// its file, relative to the repository root (see Fingerprint and
// RunOptions.PathKey), so neither the working directory nor the root
// modules that reach the block matter; a finding also matches an entry
// holding one of its LegacyFingerprints (rule ID, resource address, root
// module as shown), so baselines written by earlier versions keep
// working. A baselined finding stays baselined when its block moves or is
// reformatted, and comes back when the resource is renamed.
type Baseline struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []BaselineEntry `json:"findings"`

	set map[string]bool
}

// BaselineEntry is one accepted finding. Only Fingerprint is matched;
// RuleID, Resource and File are there for people reading the file.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"rule_id"`
	Resource    string `json:"resource"`
	File        string `json:"file"`
}

// fingerprintOf returns the finding's fingerprint, computing it when the
// finding was built without one.
func fingerprintOf(f *Finding) string {
	if f.Fingerprint != "" {
		return f.Fingerprint
	}
	return Fingerprint(f.RuleID, f.Resource, f.Root)
}

// WriteBaseline writes findings as a baseline document, one entry per
// fingerprint, sorted by fingerprint:
//
//	{"version":1,"tool":"spillway","findings":[{"fingerprint":...,"rule_id":...,"resource":...,"file":...}]}
//
// Findings suppressed in source are left out (their comment already
// suppresses them, and must keep doing so on its own); findings suppressed
// by an earlier baseline are kept, so rewriting a baseline carries them
// over.
func WriteBaseline(w io.Writer, findings []Finding) error {
	doc := Baseline{Version: BaselineVersion, Tool: "spillway", Findings: []BaselineEntry{}}
	seen := map[string]bool{}
	for i := range findings {
		f := &findings[i]
		if f.Suppressed && f.SuppressionKind == SuppressedInSource {
			continue
		}
		fp := fingerprintOf(f)
		if seen[fp] {
			continue
		}
		seen[fp] = true
		doc.Findings = append(doc.Findings, BaselineEntry{
			Fingerprint: fp,
			RuleID:      f.RuleID,
			Resource:    f.Resource,
			File:        strings.ReplaceAll(f.Range.Filename, "\\", "/"),
		})
	}
	sort.Slice(doc.Findings, func(i, j int) bool { return doc.Findings[i].Fingerprint < doc.Findings[j].Fingerprint })
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return fmt.Errorf("encode baseline: %w", err)
	}
	b = append(b, '\n')
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

// ReadBaseline reads a baseline written by WriteBaseline. It fails on
// input that is not JSON (naming the line and column), on a document of
// another tool, on a missing or unsupported version, and on an entry
// without a fingerprint.
func ReadBaseline(r io.Reader) (*Baseline, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("baseline is empty; write one with --write-baseline")
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			off := syn.Offset
			if strings.HasPrefix(syn.Error(), "invalid character") {
				off-- // Offset counts the offending byte; point at it
			}
			line, col := lineCol(data, off)
			return nil, fmt.Errorf("baseline is not valid JSON at line %d, column %d: %w", line, col, err)
		case errors.As(err, &typ):
			line, col := lineCol(data, typ.Offset)
			where := typ.Field
			if where == "" {
				where = "the document"
			}
			return nil, fmt.Errorf("baseline is not a spillway baseline: %s near line %d, column %d is a JSON %s, want %s: %w",
				where, line, col, typ.Value, typ.Type, err)
		}
		return nil, fmt.Errorf("decode baseline: %w", err)
	}
	if b.Tool != "" && b.Tool != "spillway" {
		return nil, fmt.Errorf("baseline was written by %q, not spillway", b.Tool)
	}
	switch {
	case b.Version == 0:
		return nil, fmt.Errorf(`baseline has no "version"; want version %d as written by --write-baseline`, BaselineVersion)
	case b.Version != BaselineVersion:
		return nil, fmt.Errorf("baseline version %d is not supported: this spillway reads version %d; rewrite it with --write-baseline", b.Version, BaselineVersion)
	}
	b.set = make(map[string]bool, len(b.Findings))
	for i, e := range b.Findings {
		if e.Fingerprint == "" {
			// The rule ID and address come from the file: they must not
			// reach a terminal or a CI log with raw newlines or escapes
			// (a "::error" line would forge an annotation).
			return nil, fmt.Errorf("baseline finding %d (%s %s) has no fingerprint", i+1, textsafe.Sanitize(e.RuleID), textsafe.Sanitize(e.Resource))
		}
		b.set[e.Fingerprint] = true
	}
	return &b, nil
}

// lineCol turns a byte offset into a 1-based line and column (in bytes).
func lineCol(data []byte, off int64) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// Has reports whether the baseline holds a fingerprint.
func (b *Baseline) Has(fingerprint string) bool {
	if b == nil {
		return false
	}
	if b.set == nil {
		b.set = make(map[string]bool, len(b.Findings))
		for _, e := range b.Findings {
			b.set[e.Fingerprint] = true
		}
	}
	return b.set[fingerprint]
}

// matches reports whether the baseline holds the finding: its
// fingerprint, or one of its legacy fingerprints (baselines written
// before fingerprints stopped depending on the root module).
func (b *Baseline) matches(f *Finding) bool {
	if b.Has(fingerprintOf(f)) {
		return true
	}
	for _, fp := range f.LegacyFingerprints {
		if b.Has(fp) {
			return true
		}
	}
	return false
}

// Apply returns a copy of findings in which those whose fingerprint is in
// the baseline are suppressed (SuppressionKind "external", Justification
// "baseline"). Findings suppressed already, in source, are left as they
// are. A nil baseline suppresses nothing.
func (b *Baseline) Apply(findings []Finding) []Finding {
	out := append([]Finding(nil), findings...)
	if b == nil {
		return out
	}
	for i := range out {
		f := &out[i]
		if f.Suppressed || !b.matches(f) {
			continue
		}
		f.Suppressed = true
		f.SuppressionKind = SuppressedExternal
		f.Justification = "baseline"
	}
	return out
}

// Unmatched returns the baseline entries that match none of findings:
// accepted problems that have been fixed (or whose resource was renamed),
// which a rewrite of the baseline would drop.
func (b *Baseline) Unmatched(findings []Finding) []BaselineEntry {
	if b == nil {
		return nil
	}
	current := map[string]bool{}
	for i := range findings {
		current[fingerprintOf(&findings[i])] = true
		for _, fp := range findings[i].LegacyFingerprints {
			current[fp] = true
		}
	}
	var out []BaselineEntry
	for _, e := range b.Findings {
		if !current[e.Fingerprint] {
			out = append(out, e)
		}
	}
	return out
}
