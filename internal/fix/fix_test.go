package fix_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/fix"
	"github.com/spillway-iac/spillway/internal/golden"
	"github.com/spillway-iac/spillway/internal/ruletest"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

const fixtures = "../../testdata/fix"

func rule(t *testing.T, id string) *lint.Rule {
	t.Helper()
	for _, r := range rules.All {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no rule %s", id)
	return nil
}

func analyze(t *testing.T, fsys fs.FS, rs ...*lint.Rule) []lint.Finding {
	t.Helper()
	res := ruletest.Analyze(fsys, rs, eval.Options{})
	for _, d := range res.Diagnostics {
		if d.Severity == hcl.DiagError {
			t.Errorf("error diagnostic: %s", d.Error())
		}
	}
	return res.Findings
}

func reader(dir string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	}
}

// treeOf reads a fixture tree into memory.
func treeOf(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// applyAll applies the edits of every file, checks them and returns the
// fixed tree and the unified diffs of the changed files.
func applyAll(t *testing.T, fsys fstest.MapFS, findings []lint.Finding) (fstest.MapFS, string) {
	t.Helper()
	fixed := fstest.MapFS{}
	for name, f := range fsys {
		fixed[name] = &fstest.MapFile{Data: f.Data}
	}
	byFile := fix.EditsByFile(findings)
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	var diffs strings.Builder
	for _, name := range names {
		src := fsys[name].Data
		edits := byFile[name]
		for _, e := range edits {
			checkPos(t, src, e.Range.Start)
			checkPos(t, src, e.Range.End)
			if e.Range.Filename != name {
				t.Errorf("edit filename %q, want %q", e.Range.Filename, name)
			}
			// A replacement (a single-line block rewritten) keeps what it
			// replaces.
			if old := strings.TrimSpace(string(src[e.Range.Start.Byte:e.Range.End.Byte])); !strings.Contains(e.NewText, old) {
				t.Errorf("%s: edit drops %q", name, old)
			}
		}
		out, err := fix.Apply(src, edits)
		if err != nil {
			t.Fatal(err)
		}
		checkPreserved(t, name, src, out, edits)
		fixed[name] = &fstest.MapFile{Data: out}
		diffs.WriteString(fix.UnifiedDiff(name, src, out))
	}
	return fixed, diffs.String()
}

// checkPos checks a position's line and column against its byte offset,
// counting lines and characters independently of the package.
func checkPos(t *testing.T, src []byte, p hcl.Pos) {
	t.Helper()
	lines := strings.SplitAfter(string(src), "\n")
	if p.Line < 1 || p.Line > len(lines) {
		t.Errorf("position %+v: no line %d", p, p.Line)
		return
	}
	off := 0
	for _, l := range lines[:p.Line-1] {
		off += len(l)
	}
	line := lines[p.Line-1]
	for i := 1; i < p.Column; i++ {
		_, size := utf8.DecodeRuneInString(line)
		line = line[size:]
		off += size
	}
	if off != p.Byte {
		t.Errorf("position %+v: line and column are byte %d", p, off)
	}
}

// checkPreserved checks that out is src with the edits applied and every
// byte outside them unchanged.
func checkPreserved(t *testing.T, name string, src, out []byte, edits []lint.Edit) {
	t.Helper()
	oldPos, newPos := 0, 0
	for _, e := range edits {
		keep := src[oldPos:e.Range.Start.Byte]
		if !bytes.HasPrefix(out[newPos:], keep) {
			t.Fatalf("%s: bytes %d-%d changed outside the edits", name, oldPos, e.Range.Start.Byte)
		}
		newPos += len(keep)
		if !bytes.HasPrefix(out[newPos:], []byte(e.NewText)) {
			t.Fatalf("%s: edit text not at byte %d", name, newPos)
		}
		newPos += len(e.NewText)
		oldPos = e.Range.End.Byte
	}
	if !bytes.Equal(out[newPos:], src[oldPos:]) {
		t.Fatalf("%s: the end of the file changed", name)
	}
}

// TestRuleFixes runs each rule over testdata/fix/<ID>, applies the fixes,
// compares the diff with want.diff, and checks that the fixed tree no
// longer has the findings.
func TestRuleFixes(t *testing.T) {
	for _, id := range []string{"SPW107", "SPW110", "SPW201", "SPW204", "SPW402"} {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			r := rule(t, id)
			dir := filepath.Join(fixtures, id)
			fsys := treeOf(t, dir)
			findings := analyze(t, fsys, r)
			if len(findings) == 0 {
				t.Fatal("no findings")
			}
			if err := fix.Attach(context.Background(), findings, reader(dir)); err != nil {
				t.Fatal(err)
			}
			for _, f := range findings {
				if len(f.FixSpecs) == 0 || len(f.Fixes) != 1 {
					t.Fatalf("%s: %d specs, %d fixes; want a fix", f.Resource, len(f.FixSpecs), len(f.Fixes))
				}
				fx := f.Fixes[0]
				if fx.Description == "" {
					t.Errorf("%s: fix without description", f.Resource)
				}
				for _, e := range fx.Edits {
					if e.Range.Start.Byte < f.Range.Start.Byte || e.Range.End.Byte > f.Range.End.Byte {
						t.Errorf("%s: edit %v outside the block %v", f.Resource, e.Range, f.Range)
					}
				}
			}
			fixed, diff := applyAll(t, fsys, findings)
			golden.Check(t, filepath.Join(dir, "want.diff"), []byte(diff))
			for _, f := range analyze(t, fixed, r) {
				t.Errorf("after the fix: %s: %s", f.Resource, f.Message)
			}
		})
	}
}

// TestModuleUsedTwice checks that a module block reached through two calls
// in one root module, and through a second root module, is one finding
// (merged over the root modules) and edited once.
func TestModuleUsedTwice(t *testing.T) {
	r := rule(t, "SPW201")
	dir := filepath.Join(fixtures, "module_twice")
	fsys := treeOf(t, dir)
	findings := analyze(t, fsys, r)
	if len(findings) != 1 {
		t.Fatalf("got %d findings, want one for the shared block", len(findings))
	}
	if n := len(findings[0].RootInstances); n != 3 {
		t.Errorf("root instances %v, want two in app and one in the other root", findings[0].RootInstances)
	}
	if err := fix.Attach(context.Background(), findings, reader(dir)); err != nil {
		t.Fatal(err)
	}
	var all []lint.Edit
	for _, f := range findings {
		if len(f.Fixes) != 1 || len(f.Fixes[0].Edits) != 1 {
			t.Fatalf("%s in %s: fixes %+v, want one fix with one edit", f.Resource, f.Root, f.Fixes)
		}
		all = append(all, f.Fixes[0].Edits...)
	}
	byFile := fix.EditsByFile(findings)
	const name = "modules/fn/main.tf"
	if len(byFile) != 1 || len(byFile[name]) != 1 {
		t.Fatalf("edits by file %+v, want one edit of %s", byFile, name)
	}
	// Apply drops the duplicate too.
	src := fsys[name].Data
	once, err := fix.Apply(src, byFile[name])
	if err != nil {
		t.Fatal(err)
	}
	twice, err := fix.Apply(src, all)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(once, twice) {
		t.Errorf("applying the duplicate edits changed the result:\n%s", fix.UnifiedDiff(name, once, twice))
	}
	if n := strings.Count(string(once), "reserved_concurrent_executions"); n != 1 {
		t.Errorf("the fixed module sets reserved_concurrent_executions %d times", n)
	}
	fixed, _ := applyAll(t, fsys, findings)
	for _, f := range analyze(t, fixed, r) {
		t.Errorf("after the fix: %s: %s", f.Resource, f.Message)
	}
}

// TestNoFixForSetValues checks that arguments set to a variable, null or a
// sentinel get no edit and no spec (the engine keeps a spec only for an
// argument the block lacks, or moves it to the call of a module the user
// does not own), and that blocks written with dynamic blocks get no edit.
func TestNoFixForSetValues(t *testing.T) {
	dir := filepath.Join(fixtures, "nofix")
	fsys := treeOf(t, dir)
	var rs []*lint.Rule
	for _, id := range []string{"SPW107", "SPW110", "SPW201", "SPW204", "SPW402"} {
		rs = append(rs, rule(t, id))
	}
	findings := analyze(t, fsys, rs...)
	// true: the rule attaches a spec, but the argument is set or the
	// file has a dynamic block.
	want := map[string]bool{
		"SPW201 aws_lambda_function.from_var":                    false,
		"SPW201 aws_lambda_function.minus_one":                   false,
		"SPW201 aws_lambda_function.null":                        false,
		"SPW107 aws_lambda_event_source_mapping.bisect_false":    false,
		"SPW110 aws_lambda_event_source_mapping.empty_types":     false,
		"SPW204 aws_lambda_event_source_mapping.empty_types":     false,
		"SPW204 aws_lambda_event_source_mapping.dynamic_scaling": true,
		"SPW402 aws_apigatewayv2_stage.burst_null":               false,
		"SPW402 aws_apigatewayv2_stage.dynamic":                  true,
	}
	seen := map[string]bool{}
	for _, f := range findings {
		key := f.RuleID + " " + f.Resource
		seen[key] = true
		hasSpecs, ok := want[key]
		if !ok {
			t.Errorf("unexpected finding %s: %s", key, f.Message)
			continue
		}
		if got := len(f.FixSpecs) > 0; got != hasSpecs {
			t.Errorf("%s: fix specs %+v", key, f.FixSpecs)
		}
		src := fsys[f.Range.Filename].Data
		edits, err := fix.Compute(src, f.Range.Filename, f.Range, f.FixSpecs)
		if err != nil || len(edits) > 0 {
			t.Errorf("%s: edits %+v, error %v; want none", key, edits, err)
		}
	}
	for key := range want {
		if !seen[key] {
			t.Errorf("no finding %s", key)
		}
	}
	if err := fix.Attach(context.Background(), findings, reader(dir)); err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		if len(f.Fixes) > 0 {
			t.Errorf("%s %s: fixes %+v", f.RuleID, f.Resource, f.Fixes)
		}
	}
}

// blockAt returns the range of the first top-level block of src, as the
// parser records it (type keyword to closing brace).
func blockAt(t *testing.T, src, filename string) hcl.Range {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(src), filename, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	blocks := f.Body.(*hclsyntax.Body).Blocks
	if len(blocks) == 0 {
		t.Fatal("no block")
	}
	return blocks[0].Range()
}

var reserve = []lint.FixSpec{{Description: "reserve", Attribute: "reserved_concurrent_executions", Value: "10"}}

func computeApply(t *testing.T, src string, specs []lint.FixSpec) string {
	t.Helper()
	edits, err := fix.Compute([]byte(src), "main.tf", blockAt(t, src, "main.tf"), specs)
	if err != nil {
		t.Fatal(err)
	}
	out, err := fix.Apply([]byte(src), edits)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestComputeLayouts(t *testing.T) {
	scaling := []lint.FixSpec{{Block: []string{"scaling_config"}, Attribute: "maximum_concurrency", Value: "10"}}
	nested := []lint.FixSpec{
		{Block: []string{"destination_config", "on_failure"}, Attribute: "destination_arn", Value: `"arn:x"`},
		{Attribute: "bisect_batch_on_function_error", Value: "true"},
		{Block: []string{"destination_config", "on_failure"}, Attribute: "extra", Value: "1"},
	}
	cases := []struct {
		name, src string
		specs     []lint.FixSpec
		want      string
	}{{
		name:  "crlf",
		src:   "resource \"a\" \"b\" {\r\n  x = 1\r\n}\r\n",
		specs: reserve,
		want:  "resource \"a\" \"b\" {\r\n  x = 1\r\n  reserved_concurrent_executions = 10\r\n}\r\n",
	}, {
		name:  "empty body",
		src:   "resource \"a\" \"b\" {\n}\n",
		specs: append(slices.Clone(reserve), scaling...),
		want:  "resource \"a\" \"b\" {\n  reserved_concurrent_executions = 10\n\n  scaling_config {\n    maximum_concurrency = 10\n  }\n}\n",
	}, {
		name:  "empty single line",
		src:   "resource \"a\" \"b\" {}\n",
		specs: reserve,
		want:  "resource \"a\" \"b\" {\n  reserved_concurrent_executions = 10\n}\n",
	}, {
		name:  "single line with argument",
		src:   "resource \"a\" \"b\" { x = 1 }\n",
		specs: scaling,
		want:  "resource \"a\" \"b\" {\n  x = 1\n\n  scaling_config {\n    maximum_concurrency = 10\n  }\n}\n",
	}, {
		name:  "comment after the brace and four spaces",
		src:   "resource \"a\" \"b\" { # c\n    lifecycle {\n    }\n}\n",
		specs: reserve,
		want:  "resource \"a\" \"b\" { # c\n    reserved_concurrent_executions = 10\n    lifecycle {\n    }\n}\n",
	}, {
		name:  "block comment after the last argument",
		src:   "resource \"a\" \"b\" {\n  x = 1 /* one\n  two */\n  y {\n  }\n}\n",
		specs: reserve,
		want:  "resource \"a\" \"b\" {\n  x = 1 /* one\n  two */\n  reserved_concurrent_executions = 10\n  y {\n  }\n}\n",
	}, {
		name:  "heredoc last",
		src:   "resource \"a\" \"b\" {\n  p = <<EOT\n{\n}\nEOT\n}\n",
		specs: reserve,
		want:  "resource \"a\" \"b\" {\n  p = <<EOT\n{\n}\nEOT\n  reserved_concurrent_executions = 10\n}\n",
	}, {
		name:  "nested path shares one block",
		src:   "resource \"a\" \"b\" {\n  x = 1\n\n}\n",
		specs: nested,
		want:  "resource \"a\" \"b\" {\n  x = 1\n  bisect_batch_on_function_error = true\n\n  destination_config {\n    on_failure {\n      destination_arn = \"arn:x\"\n      extra           = 1\n    }\n  }\n}\n",
	}, {
		name:  "already set",
		src:   "resource \"a\" \"b\" {\n  reserved_concurrent_executions = 5\n}\n",
		specs: reserve,
		want:  "resource \"a\" \"b\" {\n  reserved_concurrent_executions = 5\n}\n",
	}, {
		name:  "dynamic block",
		src:   "resource \"a\" \"b\" {\n  dynamic \"scaling_config\" {\n    for_each = []\n    content {}\n  }\n}\n",
		specs: scaling,
		want:  "resource \"a\" \"b\" {\n  dynamic \"scaling_config\" {\n    for_each = []\n    content {}\n  }\n}\n",
	}, {
		name:  "single line with comment",
		src:   "resource \"a\" \"b\" { /* keep */ }\n",
		specs: reserve,
		want:  "resource \"a\" \"b\" { /* keep */ }\n",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := computeApply(t, c.src, c.specs); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s\ndiff:\n%s", got, c.want, golden.Diff(c.want, got))
			}
		})
	}
}

func TestComputeSecondBlock(t *testing.T) {
	src := "resource \"a\" \"one\" {\n  x = 1\n}\n\nresource \"a\" \"two\" {\n\ty = \"é\"\n}\n"
	start := strings.Index(src, "resource \"a\" \"two\"")
	rng := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Byte: start}, End: hcl.Pos{Byte: len(src) - 1}}
	edits, err := fix.Compute([]byte(src), "main.tf", rng, reserve)
	if err != nil {
		t.Fatal(err)
	}
	want := []lint.Edit{{
		Range: hcl.Range{
			Filename: "main.tf",
			Start:    hcl.Pos{Line: 7, Column: 1, Byte: len(src) - 2},
			End:      hcl.Pos{Line: 7, Column: 1, Byte: len(src) - 2},
		},
		NewText: "\treserved_concurrent_executions = 10\n",
	}}
	if !slices.Equal(edits, want) {
		t.Errorf("edits %+v, want %+v", edits, want)
	}
}

func TestComputeSkipsAndErrors(t *testing.T) {
	src := []byte("resource \"a\" \"b\" {\n  x = 1\n}\n")
	rng := blockAt(t, string(src), "main.tf")
	for _, name := range []string{"main.tf.json", "main.tofu.json"} {
		edits, err := fix.Compute([]byte(`{"resource": {"a": {"b": {}}}}`), name, rng, reserve)
		if err != nil || edits != nil {
			t.Errorf("%s: edits %+v, error %v; want neither", name, edits, err)
		}
	}
	if edits, err := fix.Compute(src, "main.tf", rng, nil); err != nil || edits != nil {
		t.Errorf("no specs: edits %+v, error %v", edits, err)
	}
	moved := rng
	moved.Start.Byte++
	if _, err := fix.Compute(src, "main.tf", moved, reserve); err == nil {
		t.Error("no error for a range that is no block")
	}
	for _, bad := range []lint.FixSpec{
		{Attribute: "x", Value: "1 +"},
		{Attribute: "x", Value: "1\ny = 2"},
		{Attribute: "not valid", Value: "1"},
		{Block: []string{"a b"}, Attribute: "x", Value: "1"},
	} {
		if _, err := fix.Compute(src, "main.tf", rng, []lint.FixSpec{bad}); err == nil {
			t.Errorf("no error for spec %+v", bad)
		}
	}
	if _, err := fix.Compute([]byte("resource {"), "main.tf", rng, reserve); err == nil {
		t.Error("no error for a file that does not parse")
	}
}

func edit(file string, start, end int, text string) lint.Edit {
	return lint.Edit{Range: hcl.Range{Filename: file, Start: hcl.Pos{Byte: start}, End: hcl.Pos{Byte: end}}, NewText: text}
}

func TestApply(t *testing.T) {
	src := []byte("0123456789")
	cases := []struct {
		name  string
		edits []lint.Edit
		want  string
		err   bool
	}{
		{"none", nil, "0123456789", false},
		{"insert and replace", []lint.Edit{edit("f", 8, 9, "X"), edit("f", 2, 2, "ab")}, "01ab234567X9", false},
		{"same offset keeps order", []lint.Edit{edit("f", 5, 5, "a"), edit("f", 5, 5, "b")}, "01234ab56789", false},
		{"insert before a replacement at the same offset", []lint.Edit{edit("f", 5, 7, "R"), edit("f", 5, 5, "i")}, "01234iR789", false},
		{"duplicates once", []lint.Edit{edit("f", 1, 1, "x"), edit("f", 1, 1, "x")}, "0x123456789", false},
		{"adjacent", []lint.Edit{edit("f", 0, 2, "A"), edit("f", 2, 4, "B")}, "AB456789", false},
		{"overlap", []lint.Edit{edit("f", 0, 3, "A"), edit("f", 2, 4, "B")}, "", true},
		{"insert inside a replacement", []lint.Edit{edit("f", 0, 3, "A"), edit("f", 1, 1, "B")}, "", true},
		{"outside", []lint.Edit{edit("f", 9, 11, "A")}, "", true},
		{"reversed", []lint.Edit{edit("f", 3, 2, "A")}, "", true},
		{"two files", []lint.Edit{edit("f", 1, 1, "A"), edit("g", 2, 2, "B")}, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := fix.Apply(src, c.edits)
			if c.err {
				if err == nil {
					t.Errorf("no error; got %q", got)
				}
				return
			}
			if err != nil || string(got) != c.want {
				t.Errorf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
	if string(src) != "0123456789" {
		t.Errorf("Apply modified its input: %q", src)
	}
}

func TestUnifiedDiff(t *testing.T) {
	var old, new []string
	for i := 1; i <= 20; i++ {
		l := strings.Repeat("x", i%3) + string(rune('a'+i))
		old = append(old, l)
		new = append(new, l)
	}
	new = slices.Insert(new, 4, "NEW1")
	new[10] = "CHANGED"
	new = append(new, "END")
	a := strings.Join(old, "\n") + "\n"
	b := strings.Join(new, "\n") + "\n"
	got := fix.UnifiedDiff("./dir/main.tf", []byte(a), []byte(b))
	want := `--- a/dir/main.tf
+++ b/dir/main.tf
@@ -2,12 +2,13 @@
 xxc
 d
 xe
+NEW1
 xxf
 g
 xh
 xxi
 j
-xk
+CHANGED
 xxl
 m
 xn
@@ -18,3 +19,4 @@
 s
 xt
 xxu
+END
`
	if got != want {
		t.Errorf("got:\n%s\ndiff (-want +got):\n%s", got, golden.Diff(want, got))
	}
	if d := fix.UnifiedDiff("f", []byte("a\n"), []byte("a\n")); d != "" {
		t.Errorf("equal files: %q", d)
	}
	got = fix.UnifiedDiff("f", []byte("a\nb"), []byte("a\nb\nc\n"))
	want = "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n"
	if got != want {
		t.Errorf("no newline at end:\n%s\nwant:\n%s", got, want)
	}
	got = fix.UnifiedDiff("f", nil, []byte("a\n"))
	if want = "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n"; got != want {
		t.Errorf("new file:\n%q\nwant:\n%q", got, want)
	}
	if strings.Contains(got, "\x1b") {
		t.Error("ANSI escapes")
	}
}

// TestTwoRulesOneBlock checks that the fixes of two rules on one block
// apply together.
func TestTwoRulesOneBlock(t *testing.T) {
	src := `resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_sqs_queue" "q" {
  name = "q"
}

resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.worker.arn
}
`
	fsys := fstest.MapFS{"main.tf": {Data: []byte(src)}}
	rs := []*lint.Rule{rule(t, "SPW110"), rule(t, "SPW204")}
	findings := analyze(t, fsys, rs...)
	if len(findings) != 2 {
		t.Fatalf("got %d findings, want SPW110 and SPW204", len(findings))
	}
	err := fix.Attach(context.Background(), findings, func(string) ([]byte, error) { return []byte(src), nil })
	if err != nil {
		t.Fatal(err)
	}
	fixed, _ := applyAll(t, fsys, findings)
	for _, f := range analyze(t, fixed, rs...) {
		t.Errorf("after the fix: %s %s: %s", f.RuleID, f.Resource, f.Message)
	}
	want := `resource "aws_lambda_event_source_mapping" "m" {
  event_source_arn = aws_sqs_queue.q.arn
  function_name    = aws_lambda_function.worker.arn
  function_response_types = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = 10
  }
}
`
	if got := string(fixed["main.tf"].Data); !strings.HasSuffix(got, want) {
		t.Errorf("fixed file:\n%s", got)
	}
}
