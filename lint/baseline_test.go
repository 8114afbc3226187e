package lint_test

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/internal/golden"
	"github.com/spillway-iac/spillway/internal/ruletest"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

func writeBaseline(t *testing.T, fs []lint.Finding) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := lint.WriteBaseline(&buf, fs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readBaseline(t *testing.T, b []byte) *lint.Baseline {
	t.Helper()
	bl, err := lint.ReadBaseline(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return bl
}

func TestWriteBaseline(t *testing.T) {
	t.Parallel()
	api := finding("SPW201", "aws_lambda_function.api", 2, 4)
	worker := finding("SPW101", `module.w["eu"].aws_lambda_function.worker`, 5, 9)
	worker.Range.Filename = `modules\w\main.tf`
	inline := finding("SPW502", "aws_lambda_function.api", 2, 4)
	inline.Suppressed, inline.SuppressionKind, inline.Justification = true, lint.SuppressedInSource, "x"
	old := finding("SPW204", "aws_lambda_event_source_mapping.q", 11, 15)
	old.Suppressed, old.SuppressionKind, old.Justification = true, lint.SuppressedExternal, "baseline"
	noFP := finding("SPW301", "aws_s3_bucket_notification.n", 20, 30)
	noFP.Fingerprint = ""
	got := writeBaseline(t, []lint.Finding{api, worker, inline, old, api, noFP})
	golden.Check(t, filepath.Join("..", "testdata", "suppress", "baseline.golden.json"), got)

	bl := readBaseline(t, got)
	var fps []string
	for _, e := range bl.Findings {
		fps = append(fps, e.Fingerprint)
	}
	want := []string{api.Fingerprint, worker.Fingerprint, old.Fingerprint, lint.Fingerprint("SPW301", "aws_s3_bucket_notification.n", ".")}
	slices.Sort(want) // entries come sorted by fingerprint
	if diff := cmp.Diff(want, fps); diff != "" {
		t.Errorf("fingerprints (-want +got):\n%s", diff)
	}
	if bl.Version != 1 || bl.Tool != "spillway" {
		t.Errorf("version %d tool %q", bl.Version, bl.Tool)
	}
}

func TestWriteBaselineEmpty(t *testing.T) {
	t.Parallel()
	got := string(writeBaseline(t, nil))
	want := "{\n  \"version\": 1,\n  \"tool\": \"spillway\",\n  \"findings\": []\n}\n"
	if got != want {
		t.Errorf("empty baseline:\n%s\nwant:\n%s", got, want)
	}
	if bl := readBaseline(t, []byte(got)); len(bl.Findings) != 0 {
		t.Errorf("entries in an empty baseline: %+v", bl.Findings)
	}
}

type failingWriter struct{}

var errDiskFull = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errDiskFull }

func TestBaselineIOErrors(t *testing.T) {
	t.Parallel()
	if err := lint.WriteBaseline(failingWriter{}, nil); !errors.Is(err, errDiskFull) || !strings.Contains(err.Error(), "write baseline") {
		t.Errorf("WriteBaseline error %v, want a wrapped write error", err)
	}
	if _, err := lint.ReadBaseline(failingReader{}); !errors.Is(err, errDiskFull) || !strings.Contains(err.Error(), "read baseline") {
		t.Errorf("ReadBaseline error %v, want a wrapped read error", err)
	}
}

func TestReadBaselineErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in, want string
	}{
		{"empty", " \n", "baseline is empty; write one with --write-baseline"},
		{"truncated", "{\n  \"version\": 1,\n  \"findings\": [\n", "baseline is not valid JSON at line 4, column 1: unexpected end of JSON input"},
		{"bad token", "{\n  \"version\": 1,\n  \"findings\": [}\n}", "baseline is not valid JSON at line 3, column 16: invalid character '}' looking for beginning of value"},
		{"trailing data", "{\"version\": 1, \"tool\": \"spillway\", \"findings\": []} {}", "baseline is not valid JSON at line 1, column 52: invalid character '{' after top-level value"},
		{"not an object", "[]", "baseline is not a spillway baseline: the document near line 1, column 2 is a JSON array, want lint.Baseline"},
		{"version as a string", "{\"version\": \"1\"}", "baseline is not a spillway baseline: version near line 1, column 16 is a JSON string, want int"},
		{"findings not a list", "{\"version\": 1, \"findings\": {}}", "baseline is not a spillway baseline: findings near line 1, column 29 is a JSON object, want []lint.BaselineEntry"},
		{"no version", "{\"tool\": \"spillway\", \"findings\": []}", `baseline has no "version"; want version 1 as written by --write-baseline`},
		{"unknown version", "{\"version\": 2, \"tool\": \"spillway\", \"findings\": []}", "baseline version 2 is not supported: this spillway reads version 1; rewrite it with --write-baseline"},
		{"another tool", "{\"version\": 1, \"tool\": \"checkov\", \"findings\": []}", `baseline was written by "checkov", not spillway`},
		{"no fingerprint", "{\"version\": 1, \"findings\": [{\"fingerprint\": \"ab\"}, {\"rule_id\": \"SPW201\", \"resource\": \"aws_x.y\"}]}", "baseline finding 2 (SPW201 aws_x.y) has no fingerprint"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, err := lint.ReadBaseline(strings.NewReader(c.in))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %v\nwant one starting %q", err, c.want)
			}
		})
	}
}

func TestReadBaselineAcceptsHandWrittenFiles(t *testing.T) {
	t.Parallel()
	// No tool, unknown extra fields, entries with only a fingerprint.
	bl := readBaseline(t, []byte(`{"version": 1, "comment": "accepted in review #12", "findings": [{"fingerprint": "abc", "note": "x"}]}`))
	if !bl.Has("abc") || bl.Has("abd") {
		t.Errorf("Has: %+v", bl.Findings)
	}
}

func TestBaselineApply(t *testing.T) {
	t.Parallel()
	api := finding("SPW201", "aws_lambda_function.api", 2, 4)
	web := finding("SPW201", "aws_lambda_function.web", 6, 8)
	inline := finding("SPW502", "aws_lambda_function.api", 2, 4)
	bl := readBaseline(t, writeBaseline(t, []lint.Finding{api, inline}))
	inline.Suppressed, inline.SuppressionKind, inline.Justification = true, lint.SuppressedInSource, "checked"
	in := []lint.Finding{api, web, inline}
	out := bl.Apply(in)
	var got []string
	for _, f := range out {
		got = append(got, suppression(f))
	}
	want := []string{
		`SPW201 aws_lambda_function.api: external "baseline"`,
		"SPW201 aws_lambda_function.web: reported",
		`SPW502 aws_lambda_function.api: inSource "checked"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("suppressions (-want +got):\n%s", diff)
	}
	if in[0].Suppressed {
		t.Error("Apply modified its input")
	}
	var nilBaseline *lint.Baseline
	if out := nilBaseline.Apply(in); len(out) != 3 || out[0].Suppressed {
		t.Errorf("a nil baseline suppressed something: %+v", out)
	}
	if u := nilBaseline.Unmatched(in); u != nil {
		t.Errorf("a nil baseline has unmatched entries: %+v", u)
	}
	if u := bl.Unmatched([]lint.Finding{web}); len(u) != 2 {
		t.Errorf("unmatched entries %+v, want both", u)
	}
}

// Before and after: the function "api" moves down 20 lines (below a new
// function and a locals block) and is re-indented and re-aligned.
const movedBefore = `resource "aws_lambda_function" "api" {
  function_name = "api"
  role = "arn:aws:iam::123456789012:role/api"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"
}
`

var movedAfter = `resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"
}

locals {
` + strings.Repeat("  # padding\n", 12) + `}

    resource   "aws_lambda_function"   "api"   {
        function_name   =   "api"
        role            =   "arn:aws:iam::123456789012:role/api"
    }
`

// TestBaselineSurvivesMovesAndReformatting computes findings with the real
// pipeline before and after the move, writes a baseline from the first run
// and checks that it suppresses every finding of the second, although
// every range changed; renaming the resource is what makes a finding new.
func TestBaselineSurvivesMovesAndReformatting(t *testing.T) {
	t.Parallel()
	analyze := func(src string) []lint.Finding {
		t.Helper()
		res := ruletest.Analyze(fstest.MapFS{"main.tf": {Data: []byte(src)}}, []*lint.Rule{rules.SPW201}, eval.Options{})
		if res.Diagnostics.HasErrors() {
			t.Fatalf("diagnostics: %v", res.Diagnostics)
		}
		return res.Findings
	}
	before, after := analyze(movedBefore), analyze(movedAfter)
	where := func(fs []lint.Finding) map[string]hcl.Range {
		m := map[string]hcl.Range{}
		for _, f := range fs {
			m[f.Resource] = f.Range
		}
		return m
	}
	b, a := where(before), where(after)
	if len(b) != 2 || len(a) != 2 {
		t.Fatalf("want SPW201 on both functions, got %v and %v", b, a)
	}
	const api = "aws_lambda_function.api"
	if a[api].Start.Line != b[api].Start.Line+20 || a[api].Start.Column == b[api].Start.Column {
		t.Fatalf("the fixture did not move api 20 lines down and re-indent it: %v -> %v", b[api], a[api])
	}
	if a["aws_lambda_function.worker"].Start.Line == b["aws_lambda_function.worker"].Start.Line {
		t.Fatalf("the fixture did not move worker: %v", a)
	}

	bl := readBaseline(t, writeBaseline(t, before))
	for _, f := range bl.Apply(after) {
		if !f.Suppressed || f.SuppressionKind != lint.SuppressedExternal || f.Justification != "baseline" {
			t.Errorf("%s at %s is not suppressed by the baseline of the unmoved file", f.Resource, pos(f.Range))
		}
	}
	if u := bl.Unmatched(after); len(u) != 0 {
		t.Errorf("baseline entries no longer matched: %+v", u)
	}

	renamed := analyze(strings.Replace(movedAfter, `"api"   {`, `"web"   {`, 1))
	var reported []string
	for _, f := range bl.Apply(renamed) {
		if !f.Suppressed {
			reported = append(reported, f.Resource)
		}
	}
	if diff := cmp.Diff([]string{"aws_lambda_function.web"}, reported); diff != "" {
		t.Errorf("unsuppressed findings after a rename (-want +got):\n%s", diff)
	}
	if u := bl.Unmatched(renamed); len(u) != 1 || u[0].Resource != api {
		t.Errorf("unmatched entries after a rename %+v, want only %s", u, api)
	}
}

// TestFingerprintIgnoresRanges builds the findings by hand through the
// engine: the same rule and resource at different positions, or in
// another root module, give the same fingerprint; a baseline written
// before fingerprints ignored the root module (one legacy fingerprint per
// root) still matches the finding of its root only.
func TestFingerprintIgnoresRanges(t *testing.T) {
	t.Parallel()
	run := func(line, col int, root string) lint.Finding {
		r := &graph.Resource{Addr: "aws_lambda_function.api", Range: hcl.Range{
			Filename: "main.tf",
			Start:    hcl.Pos{Line: line, Column: col, Byte: line * 40},
			End:      hcl.Pos{Line: line + 3, Column: col + 1, Byte: line*40 + 90},
		}}
		rl := rule("SPW201", func(p *lint.Pass) error { p.Report(lint.Diagnostic{Resource: r, Message: "bad"}); return nil })
		fs, _, _ := lint.RunGraph(&graph.Graph{Root: root}, root, []*lint.Rule{rl}, nil)
		if len(fs) != 1 {
			t.Fatalf("want one finding, got %+v", fs)
		}
		return fs[0]
	}
	before, after, other := run(1, 1, "."), run(21, 5, "."), run(21, 5, "envs/prod")
	if before.Fingerprint != after.Fingerprint {
		t.Errorf("fingerprint changed with the position: %s -> %s", before.Fingerprint, after.Fingerprint)
	}
	if before.Fingerprint != other.Fingerprint {
		t.Error("fingerprint depends on the root module")
	}
	bl := readBaseline(t, writeBaseline(t, []lint.Finding{before}))
	out := bl.Apply([]lint.Finding{after, other})
	if got := fmt.Sprint(out[0].Suppressed, out[1].Suppressed); got != "true true" {
		t.Errorf("suppressed: %s, want true true", got)
	}
	legacy := before
	legacy.Fingerprint = lint.Fingerprint("SPW201", "aws_lambda_function.api", ".")
	old := readBaseline(t, writeBaseline(t, []lint.Finding{legacy}))
	out = old.Apply([]lint.Finding{after, other})
	if got := fmt.Sprint(out[0].Suppressed, out[1].Suppressed); got != "true false" {
		t.Errorf("with a legacy baseline, suppressed: %s, want true false", got)
	}
}

// TestBaselineErrorsCannotForgeAnnotations: a committed baseline entry
// whose address holds a newline and a GitHub workflow command is printed
// with the newline escaped, so no line of stderr starts with "::error".
func TestBaselineErrorsCannotForgeAnnotations(t *testing.T) {
	doc := `{"version": 1, "findings": [{"rule_id": "SPW201", "resource": "x\n::error file=a.tf,line=1::forged"}]}`
	_, err := lint.ReadBaseline(strings.NewReader(doc))
	if err == nil {
		t.Fatal("accepted an entry without a fingerprint")
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if strings.HasPrefix(line, "::") {
			t.Fatalf("forged annotation line in %q", err.Error())
		}
	}
	if !strings.Contains(err.Error(), `x\n::error`) {
		t.Fatalf("the address is not shown escaped: %q", err.Error())
	}
}

// FuzzReadBaseline: any input is read or refused with an error, never a
// panic, and an error never carries a raw control character.
func FuzzReadBaseline(f *testing.F) {
	f.Add([]byte(`{"version": 1, "findings": [{"fingerprint": "ab", "rule_id": "SPW201", "resource": "aws_x.y"}]}`))
	f.Add([]byte(`{"version": 1, "findings": [{"rule_id": "SPW\u001b[2J", "resource": "a\nb"}]}`))
	f.Add([]byte(`{"tool": "x\ny", "version": 1}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := lint.ReadBaseline(bytes.NewReader(data))
		if err != nil {
			if strings.ContainsFunc(err.Error(), func(r rune) bool { return r < 0x20 || r == 0x7f }) {
				t.Fatalf("control character in %q", err.Error())
			}
			return
		}
		for _, e := range b.Findings {
			if !b.Has(e.Fingerprint) {
				t.Fatalf("entry %q not found by its fingerprint", e.Fingerprint)
			}
		}
	})
}
