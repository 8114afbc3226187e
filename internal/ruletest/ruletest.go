// Package ruletest runs a rule over fixture directories with
// internal/checker, the pipeline spillway scan runs (parser, evaluator,
// graph and lint), and checks its findings against expectations written
// in the fixtures, in the style of go/analysis's analysistest.
// Suppression comments are not applied, so a fixture sees every finding.
//
// An expectation is a comment on the line where a finding's range must
// start:
//
//	resource "aws_lambda_function" "api" { # want "SPW201"
//	resource "aws_sqs_queue" "q" {         # want "SPW302: visibility timeout 30 s"
//
// Each quoted string is one finding: a rule ID, optionally followed by a
// colon and a regular expression the message must match. "+N" shifts the
// expectation N lines down, for lines that cannot hold a comment. A comment
// "undetermined" with the same syntax expects an undetermined check. For
// JSON files, a sibling want.txt holds lines such as
// "main.tf.json:12 SPW101" or "main.tf.json:12 undetermined SPW201".
//
// Every finding and undetermined check must match an expectation, and
// every expectation must be matched. A case whose directory name starts
// with diag_ may have error diagnostics; any other case fails on them.
package ruletest

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"text/scanner"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/lint"
)

// Expectation is one expected finding or undetermined check.
type Expectation struct {
	File         string
	Line         int
	RuleID       string
	Message      *regexp.Regexp
	Undetermined bool
	used         bool
}

func (e *Expectation) String() string {
	kind := ""
	if e.Undetermined {
		kind = "undetermined "
	}
	s := fmt.Sprintf("%s:%d: no %s%s", e.File, e.Line, kind, e.RuleID)
	if e.Message != nil {
		s += fmt.Sprintf(" matching %q", e.Message.String())
	} else {
		s += " finding"
	}
	return s
}

// Run runs rule over every case directory under dir. The rules in with
// run alongside it, so that relations between rules (lint.Rule.Folds)
// apply as in a scan; only rule's findings and undetermined checks are
// checked against the expectations.
func Run(t *testing.T, rule *lint.Rule, dir string, with ...*lint.Rule) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read fixtures: %v", err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		caseDir := path.Join(dir, e.Name())
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			check(t, rule, with, os.DirFS(caseDir), strings.HasPrefix(name, "diag_"))
		})
	}
	if n == 0 {
		t.Fatalf("no fixture cases under %s", dir)
	}
}

// RunSource runs rule over an in-memory module tree.
func RunSource(t *testing.T, rule *lint.Rule, files map[string]string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	check(t, rule, nil, fsys, false)
}

// Result is what one rule reported on one fixture tree.
type Result struct {
	Findings     []lint.Finding
	Undetermined []lint.Undetermined
	Diagnostics  hcl.Diagnostics
}

// Analyze runs rules over a tree with the real pipeline, as spillway scan
// does (checker.RunFS), except that suppression comments are not applied.
func Analyze(fsys fs.FS, rules []*lint.Rule, opts eval.Options) Result {
	res, err := checker.RunFS(context.Background(), fsys, checker.Options{
		Rules:      rules,
		Settings:   nil,
		Eval:       opts,
		NoSuppress: true,
		Jobs:       1,
	})
	if err != nil {
		// Only a done context fails a scan, and this one never is.
		return Result{Diagnostics: hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  checker.SummaryInternalError,
			Detail:   fmt.Sprintf("The scan failed: %v.", err),
		}}}
	}
	return Result{Findings: res.Findings, Undetermined: res.Undetermined, Diagnostics: res.Diagnostics}
}

func check(t *testing.T, rule *lint.Rule, with []*lint.Rule, fsys fs.FS, allowDiags bool) {
	t.Helper()
	wants, err := Expectations(fsys)
	if err != nil {
		t.Fatal(err)
	}
	res := Analyze(fsys, append([]*lint.Rule{rule}, with...), eval.Options{})
	for _, d := range res.Diagnostics {
		if d.Severity == hcl.DiagError && !allowDiags {
			t.Errorf("unexpected error diagnostic: %s", d.Error())
		}
	}
	var problems []string
	for _, f := range res.Findings {
		if f.RuleID != rule.ID {
			continue
		}
		if !consume(wants, f.Range.Filename, f.Range.Start.Line, f.RuleID, f.Message, false) {
			problems = append(problems, fmt.Sprintf("%s:%d: unexpected %s: %s", f.Range.Filename, f.Range.Start.Line, f.RuleID, f.Message))
		}
	}
	for _, u := range res.Undetermined {
		if u.RuleID != rule.ID {
			continue
		}
		if !consume(wants, u.Range.Filename, u.Range.Start.Line, u.RuleID, "", true) {
			problems = append(problems, fmt.Sprintf("%s:%d: unexpected undetermined %s on %s (unknown: %s)", u.Range.Filename, u.Range.Start.Line, u.RuleID, u.Resource, u.Unknown))
		}
	}
	for _, w := range wants {
		if !w.used && w.RuleID == rule.ID {
			problems = append(problems, w.String())
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

func consume(wants []*Expectation, file string, line int, id, msg string, undetermined bool) bool {
	for _, w := range wants {
		if w.used || w.File != file || w.Line != line || w.RuleID != id || w.Undetermined != undetermined {
			continue
		}
		if w.Message != nil && !w.Message.MatchString(msg) {
			continue
		}
		w.used = true
		return true
	}
	return false
}

// Expectations reads every expectation in a fixture tree.
func Expectations(fsys fs.FS) ([]*Expectation, error) {
	var out []*Expectation
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		name := d.Name()
		switch {
		case name == "want.txt":
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			ws, err := parseWantTxt(path.Dir(p), string(b))
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			out = append(out, ws...)
		case strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tofu") || strings.HasSuffix(name, ".tfvars"):
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			ws, err := ParseComments(p, b)
			if err != nil {
				return err
			}
			out = append(out, ws...)
		}
		return nil
	})
	return out, err
}

// ParseComments finds want and undetermined comments in a native syntax
// file by lexing it with hclsyntax, as tflint finds its annotations.
func ParseComments(filename string, src []byte) ([]*Expectation, error) {
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	var out []*Expectation
	for _, tok := range tokens {
		if tok.Type != hclsyntax.TokenComment {
			continue
		}
		ws, err := ParseWant(filename, tok.Range.Start.Line, lint.CommentText(tok.Bytes))
		if err != nil {
			return nil, err
		}
		out = append(out, ws...)
	}
	return out, nil
}

// ParseWant parses the text of one comment. It returns nothing for
// comments that are not expectations.
func ParseWant(filename string, line int, text string) ([]*Expectation, error) {
	text = strings.TrimSpace(text)
	undetermined := false
	switch {
	case strings.HasPrefix(text, "want ") || text == "want":
		text = strings.TrimPrefix(text, "want")
	case strings.HasPrefix(text, "undetermined ") || text == "undetermined":
		text = strings.TrimPrefix(text, "undetermined")
		undetermined = true
	default:
		return nil, nil
	}
	var s scanner.Scanner
	s.Init(strings.NewReader(text))
	s.Mode = scanner.ScanStrings | scanner.ScanInts
	s.Error = func(*scanner.Scanner, string) {}
	offset := 0
	var out []*Expectation
	for tok := s.Scan(); tok != scanner.EOF; tok = s.Scan() {
		switch tok {
		case '+':
			if s.Scan() != scanner.Int {
				return nil, fmt.Errorf("%s:%d: want: expected a number after +", filename, line)
			}
			n, err := strconv.Atoi(s.TokenText())
			if err != nil {
				return nil, fmt.Errorf("%s:%d: want: %w", filename, line, err)
			}
			offset = n
		case scanner.String:
			lit, err := strconv.Unquote(s.TokenText())
			if err != nil {
				return nil, fmt.Errorf("%s:%d: want: %w", filename, line, err)
			}
			e, err := parseSpec(filename, line, lit, undetermined)
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		default:
			return nil, fmt.Errorf("%s:%d: want: unexpected %q; expectations are quoted strings", filename, line, s.TokenText())
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s:%d: want: no expectation given", filename, line)
	}
	for _, e := range out {
		e.Line += offset
	}
	return out, nil
}

var specPattern = regexp.MustCompile(`^(SPW\d{3})(?::\s*(.*))?$`)

func parseSpec(filename string, line int, spec string, undetermined bool) (*Expectation, error) {
	m := specPattern.FindStringSubmatch(spec)
	if m == nil {
		return nil, fmt.Errorf("%s:%d: want: %q is not \"SPWnnn\" or \"SPWnnn: regexp\"", filename, line, spec)
	}
	e := &Expectation{File: filename, Line: line, RuleID: m[1], Undetermined: undetermined}
	if m[2] != "" {
		re, err := regexp.Compile(m[2])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: want: %w", filename, line, err)
		}
		e.Message = re
	}
	return e, nil
}

// parseWantTxt parses want.txt: "FILE:LINE [undetermined] SPEC" per line,
// # comments and blank lines ignored. FILE is relative to the directory of
// want.txt.
func parseWantTxt(dir, text string) ([]*Expectation, error) {
	var out []*Expectation
	sc := bufio.NewScanner(strings.NewReader(text))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		loc, rest, ok := strings.Cut(line, " ")
		if !ok {
			return nil, fmt.Errorf("line %d: want FILE:LINE SPEC", n)
		}
		file, lineStr, ok := strings.Cut(loc, ":")
		if !ok {
			return nil, fmt.Errorf("line %d: want FILE:LINE SPEC", n)
		}
		ln, err := strconv.Atoi(lineStr)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		rest = strings.TrimSpace(rest)
		undetermined := false
		if strings.HasPrefix(rest, "undetermined ") {
			undetermined = true
			rest = strings.TrimSpace(strings.TrimPrefix(rest, "undetermined "))
		}
		e, err := parseSpec(path.Join(dir, file), ln, rest, undetermined)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, sc.Err()
}
