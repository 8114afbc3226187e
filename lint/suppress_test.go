package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/ruletest"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// pos renders a range as file:line:col-line:col (bytes are not compared:
// the lines and columns are what users see).
func pos(r hcl.Range) string {
	if r.Filename == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d:%d-%d:%d", r.Filename, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

// dir is the part of a Directive the placement tests compare.
type dir struct {
	At       string
	Label    string
	Rules    []string
	Reason   string
	Until    string
	Problem  string
	Target   string
	Resource string
	Foreign  bool
}

func summarize(ds []lint.Directive) []dir {
	var out []dir
	for _, d := range ds {
		x := dir{At: pos(d.Range), Label: d.Label, Rules: d.Rules, Reason: d.Reason, Problem: d.Problem, Target: pos(d.Target), Resource: d.Resource, Foreign: d.Foreign}
		if !d.Until.IsZero() {
			x.Until = d.Until.Format("2006-01-02")
		}
		out = append(out, x)
	}
	return out
}

func parse(t *testing.T, name, src string) []lint.Directive {
	t.Helper()
	ds, diags := lint.ParseDirectives(name, []byte(src))
	if diags.HasErrors() {
		t.Fatalf("syntax errors: %v", diags)
	}
	return ds
}

func TestParseDirectivesPlacement(t *testing.T) {
	t.Parallel()
	const fn = "resource \"aws_lambda_function\" \"api\" {\n  function_name = \"api\"\n}\n"
	const api = "aws_lambda_function.api"
	// ignore is a well-formed "spillway:ignore ID" of one rule, written at
	// at, applying to the block at target with address resource ("" for
	// both when it has no target).
	ignore := func(at, id, reason, target, resource string) dir {
		return dir{At: at, Label: "spillway:ignore " + id, Rules: []string{id}, Reason: reason, Target: target, Resource: resource}
	}
	cases := []struct {
		name string
		src  string
		want []dir
	}{
		{
			name: "hash comment above",
			src:  "# spillway:ignore SPW201 reason=\"batch job, bounded upstream\"\n" + fn,
			want: []dir{ignore("main.tf:1:1-1:62", "SPW201", "batch job, bounded upstream", "main.tf:2:1-4:2", api)},
		},
		{
			name: "slashes above, single quotes, until",
			src:  "// spillway:ignore SPW201 reason='it''s fine' until=2030-01-31\n" + fn,
			want: []dir{{At: "main.tf:1:1-1:63", Label: "spillway:ignore SPW201", Problem: `reason=: text right after the closing quote: "'s"`, Rules: []string{"SPW201"}, Target: "main.tf:2:1-4:2", Resource: "aws_lambda_function.api"}},
		},
		{
			name: "slashes above with until",
			src:  "//spillway:ignore SPW201 reason='bounded' until=2030-01-31\n" + fn,
			want: []dir{{At: "main.tf:1:1-1:59", Label: "spillway:ignore SPW201", Rules: []string{"SPW201"}, Reason: "bounded", Until: "2030-01-31", Target: "main.tf:2:1-4:2", Resource: "aws_lambda_function.api"}},
		},
		{
			name: "block comment above",
			src:  "/* spillway:ignore SPW201 reason=\"x\" */\n" + fn,
			want: []dir{ignore("main.tf:1:1-1:40", "SPW201", "x", "main.tf:2:1-4:2", api)},
		},
		{
			name: "block comment over several lines",
			src:  "/*\n  spillway:ignore SPW201\n  reason=\"spans\n  lines\"\n*/\n" + fn,
			want: []dir{ignore("main.tf:1:1-5:3", "SPW201", "spans lines", "main.tf:6:1-8:2", api)},
		},
		{
			name: "block comment before the block on its line",
			src:  "/* spillway:ignore SPW201 reason=\"x\" */ " + fn,
			want: []dir{ignore("main.tf:1:1-1:40", "SPW201", "x", "main.tf:1:41-3:2", api)},
		},
		{
			name: "several IDs",
			src:  "# spillway:ignore SPW201,SPW204 , SPW201 reason=\"x\"\n" + fn,
			want: []dir{{At: "main.tf:1:1-1:52", Label: "spillway:ignore SPW201,SPW204,SPW201", Rules: []string{"SPW201", "SPW204"}, Reason: "x", Target: "main.tf:2:1-4:2", Resource: "aws_lambda_function.api"}},
		},
		{
			name: "stacked comments in between",
			src:  "# spillway:ignore SPW201 reason=\"x\"\n/* note */\n// another note\n" + fn,
			want: []dir{ignore("main.tf:1:1-1:36", "SPW201", "x", "main.tf:4:1-6:2", api)},
		},
		{
			name: "two directives stacked",
			src:  "# spillway:ignore SPW201 reason=\"a\"\n# spillway:ignore SPW204 reason=\"b\"\n" + fn,
			want: []dir{
				ignore("main.tf:1:1-1:36", "SPW201", "a", "main.tf:3:1-5:2", api),
				ignore("main.tf:2:1-2:36", "SPW204", "b", "main.tf:3:1-5:2", api),
			},
		},
		{
			name: "blank line detaches",
			src:  "# spillway:ignore SPW201 reason=\"x\"\n\n" + fn,
			want: []dir{ignore("main.tf:1:1-1:36", "SPW201", "x", "", "")},
		},
		{
			name: "line of spaces detaches",
			src:  "# spillway:ignore SPW201 reason=\"x\"\n   \t\n" + fn,
			want: []dir{ignore("main.tf:1:1-1:36", "SPW201", "x", "", "")},
		},
		{
			name: "inside the block",
			src:  "resource \"aws_lambda_function\" \"api\" {\n  # spillway:ignore SPW201 reason=\"x\"\n  function_name = \"api\"\n}\n",
			want: []dir{ignore("main.tf:2:3-2:38", "SPW201", "x", "main.tf:1:1-4:2", api)},
		},
		{
			name: "inside a nested block",
			src:  "resource \"aws_lambda_function\" \"api\" {\n  dead_letter_config {\n    // spillway:ignore SPW101 reason=\"x\"\n    target_arn = \"a\"\n  }\n}\n",
			want: []dir{ignore("main.tf:3:5-3:41", "SPW101", "x", "main.tf:1:1-6:2", api)},
		},
		{
			name: "trailing the header",
			src:  "resource \"aws_lambda_function\" \"api\" { # spillway:ignore SPW201 reason=\"x\"\n  function_name = \"api\"\n}\n",
			want: []dir{ignore("main.tf:1:40-1:75", "SPW201", "x", "main.tf:1:1-3:2", api)},
		},
		{
			name: "trailing the closing brace wins over the next block",
			src:  "resource \"aws_lambda_function\" \"a\" {\n} # spillway:ignore SPW201 reason=\"x\"\nresource \"aws_lambda_function\" \"b\" {\n}\n",
			want: []dir{ignore("main.tf:2:3-2:38", "SPW201", "x", "main.tf:1:1-2:2", "aws_lambda_function.a")},
		},
		{
			name: "between two blocks applies to the next",
			src:  "resource \"aws_lambda_function\" \"a\" {\n}\n# spillway:ignore SPW201 reason=\"x\"\nresource \"aws_lambda_function\" \"b\" {\n}\n",
			want: []dir{ignore("main.tf:3:1-3:36", "SPW201", "x", "main.tf:4:1-5:2", "aws_lambda_function.b")},
		},
		{
			name: "data and ephemeral blocks",
			src:  "# spillway:ignore SPW201 reason=\"x\"\ndata \"aws_iam_policy_document\" \"p\" {\n}\n# spillway:ignore SPW201 reason=\"y\"\nephemeral \"aws_secret\" \"s\" {\n}\n",
			want: []dir{
				ignore("main.tf:1:1-1:36", "SPW201", "x", "main.tf:2:1-3:2", "data.aws_iam_policy_document.p"),
				ignore("main.tf:4:1-4:36", "SPW201", "y", "main.tf:5:1-6:2", "ephemeral.aws_secret.s"),
			},
		},
		{
			name: "above a module call or inside locals: no target",
			src:  "# spillway:ignore SPW201 reason=\"x\"\nmodule \"m\" {\n  source = \"./m\"\n}\nlocals {\n  # spillway:ignore SPW201 reason=\"y\"\n  a = 1\n}\n",
			want: []dir{
				ignore("main.tf:1:1-1:36", "SPW201", "x", "", ""),
				ignore("main.tf:6:3-6:38", "SPW201", "y", "", ""),
			},
		},
		{
			name: "comment at the end of the file without a newline",
			src:  fn + "# spillway:ignore SPW201 reason=\"x\"",
			want: []dir{ignore("main.tf:4:1-4:36", "SPW201", "x", "", "")},
		},
		{
			name: "CRLF line endings",
			src:  "# spillway:ignore SPW201 reason=\"x\"\r\n" + strings.ReplaceAll(fn, "\n", "\r\n"),
			want: []dir{ignore("main.tf:1:1-1:36", "SPW201", "x", "main.tf:2:1-4:2", api)},
		},
		{
			name: "checkov skips",
			src: "resource \"aws_lambda_function\" \"api\" {\n" +
				"  #checkov:skip=CKV_AWS_116:replayed nightly\n" +
				"  # checkov:skip=CKV_AWS_115\n" +
				"  # checkov:skip=CKV_AWS_50:X-Ray is not spillway's business\n" +
				"  // checkov:skip= CKV_AWS_117,CKV_AWS_115,CKV_AWS_116: both : at once\n" +
				"}\n",
			want: []dir{
				{At: "main.tf:2:3-2:45", Label: "checkov:skip=CKV_AWS_116", Foreign: true, Rules: []string{"SPW101"}, Reason: "replayed nightly", Target: "main.tf:1:1-6:2", Resource: "aws_lambda_function.api"},
				{At: "main.tf:3:3-3:29", Label: "checkov:skip=CKV_AWS_115", Foreign: true, Rules: []string{"SPW201"}, Target: "main.tf:1:1-6:2", Resource: "aws_lambda_function.api"},
				{At: "main.tf:5:3-5:71", Label: "checkov:skip=CKV_AWS_115,CKV_AWS_116", Foreign: true, Rules: []string{"SPW201", "SPW101"}, Reason: "both : at once", Target: "main.tf:1:1-6:2", Resource: "aws_lambda_function.api"},
			},
		},
		{
			name: "not directives",
			src: "# spillway ignore SPW201\n# see spillway:ignore in the docs\n# Spillway:Ignore SPW201\n" +
				"locals {\n  a = \"# spillway:ignore SPW201 reason=\\\"x\\\"\"\n  b = <<EOT\n// spillway:ignore SPW201\nEOT\n  c = \"${\"/* spillway:ignore SPW201 */\"}\"\n}\n",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := summarize(parse(t, "main.tf", c.src))
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("directives (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseDirectivesFileKinds(t *testing.T) {
	t.Parallel()
	src := "# spillway:ignore SPW201 reason=\"x\"\nresource \"aws_lambda_function\" \"api\" {\n}\n"
	for name, want := range map[string]int{"main.tf": 1, "main.tofu": 1, "main.tf.json": 0, "MAIN.TOFU.JSON": 0} {
		ds, diags := lint.ParseDirectives(name, []byte(src))
		if len(ds) != want || len(diags) != 0 {
			t.Errorf("%s: %d directives and %v, want %d and none", name, len(ds), diags, want)
		}
	}
	// JSON content in a .tf.json file would not even lex as a comment.
	ds, _ := lint.ParseDirectives("main.tf.json", []byte(`{"//": "spillway:ignore SPW201 reason=\"x\""}`))
	if len(ds) != 0 {
		t.Errorf("directives in JSON: %+v", ds)
	}
}

func TestParseDirectivesSyntaxErrors(t *testing.T) {
	t.Parallel()
	src := "# spillway:ignore SPW201 reason=\"x\"\nresource \"aws_lambda_function\" \"api\" {\n  a = \n}\n"
	ds, diags := lint.ParseDirectives("main.tf", []byte(src))
	if !diags.HasErrors() {
		t.Errorf("no syntax error reported for %q", src)
	}
	if len(ds) != 1 || ds[0].Label != "spillway:ignore SPW201" {
		t.Errorf("the directive was lost: %+v", ds)
	}
	// A file without directives is not even lexed: no diagnostics.
	if ds, diags := lint.ParseDirectives("main.tf", []byte("resource \"a\" {\n  = \n")); len(ds) != 0 || len(diags) != 0 {
		t.Errorf("file without directives: %v %v", ds, diags)
	}
}

// oddInputs are inputs at the edges of the lexer and of the directive
// grammar; they are also fuzz seeds.
var oddInputs = []string{
	"/* spillway:ignore SPW201 reason=\"unterminated block comment",
	"# spillway:ignore SPW201 reason=\"x\\",
	"# spillway:ignore SPW201 reason=\"\xff\xfe\" until=2025-01-01\nresource \"a\" \"b\" {}\n",
	"# spillway:ignore SPW201 reason=\"nul \x00 byte\"\nresource \"a\" \"b\" {}\n",
	"#",
	"//",
	"/**/",
	"# checkov:skip=",
	"# checkov:skip=CKV_AWS_116:",
	"resource \"a\" \"b\" { # spillway:ignore SPW201 reason=\"x\"",
	"resource \"a\" {\n# spillway:ignore SPW201 reason=\"x\"\n}\n",
	"resource {\n# spillway:ignore SPW201 reason=\"x\"\n}\n",
	"}}}\n# spillway:ignore SPW201 reason=\"x\"\n{{{",
	"x = <<EOT\n# spillway:ignore SPW201 reason=\"x\"\n",
	"x = \"${\n# spillway:ignore SPW201 reason=\"x\"\n}\"\n",
}

func TestParseDirectivesOddInputs(t *testing.T) {
	t.Parallel()
	for _, src := range oddInputs {
		ds, _ := lint.ParseDirectives("odd.tf", []byte(src))
		checkInvariants(t, []byte(src), ds)
	}
}

func TestParseDirectivesFixture(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join("..", "testdata", "suppress", "forms.tf"))
	if err != nil {
		t.Fatal(err)
	}
	ds := parse(t, "forms.tf", string(src))
	var got []string
	for _, d := range ds {
		until := ""
		if !d.Until.IsZero() {
			until = " until " + d.Until.Format("2006-01-02")
		}
		got = append(got, fmt.Sprintf("%d %s -> %q %s%s: %s", d.Range.Start.Line, d.Label, d.Resource, strings.Join(d.Rules, ","), until, d.Reason))
	}
	want := []string{
		`4 spillway:ignore SPW201 -> "aws_lambda_function.hash_above" SPW201: hash comment above the block`,
		`9 spillway:ignore SPW201,SPW204 -> "aws_lambda_function.slashes_above" SPW201,SPW204 until 2030-01-31: slashes, two rules, single quotes`,
		`14 spillway:ignore SPW201 -> "aws_lambda_function.block_above" SPW201: block comment above`,
		`19 spillway:ignore SPW201 -> "aws_lambda_function.stacked" SPW201: other comments may sit between`,
		`27 spillway:ignore SPW101 -> "aws_lambda_function.inside" SPW101: nested block, enclosing resource`,
		`33 spillway:ignore SPW201 -> "aws_lambda_function.trailing" SPW201: trailing on the header`,
		`35 spillway:ignore SPW101 -> "aws_lambda_function.trailing" SPW101: trailing on the closing brace`,
		`38 checkov:skip=CKV_AWS_116 -> "aws_sqs_queue.checkov" SPW101: replayed from the source bucket`,
		`50 spillway:ignore SPW201 -> "" SPW201: a blank line detaches the comment`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("directives in forms.tf (-want +got):\n%s", diff)
	}
}

func TestParseDirectivesMalformed(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text    string
		label   string
		problem string
	}{
		{`spillway:ignore`, "spillway:ignore", `it names no rule; write spillway:ignore SPW201[,SPW204] reason="why" [until=YYYY-MM-DD]`},
		{`spillway:ignore   `, "spillway:ignore", "it names no rule;"},
		{`spillway:ignore reason="x"`, "spillway:ignore", "it names no rule before its options;"},
		{`spillway:ignore SPW201, reason="x"`, "spillway:ignore SPW201", "its rule list ends with a comma;"},
		{`spillway:ignore SPW201,`, "spillway:ignore SPW201", "its rule list ends with a comma;"},
		{`spillway:ignore spw201 reason="x"`, "spillway:ignore spw201", `"spw201" is not a rule ID like SPW201;`},
		{`spillway:ignore SPW2011 reason="x"`, "spillway:ignore SPW2011", `"SPW2011" is not a rule ID like SPW201;`},
		{`spillway:ignore all reason="x"`, "spillway:ignore all", `"all" is not a rule ID like SPW201;`},
		{`spillway:ignore SPW201,CKV_AWS_115 reason="x"`, "spillway:ignore SPW201,CKV_AWS_115", `"CKV_AWS_115" is not a rule ID like SPW201;`},
		{`spillway:ignore SPW000 reason="x"`, "spillway:ignore SPW000", "SPW000 cannot be suppressed with a comment; fix the directive it reports, or use a baseline"},
		{`spillway:ignore SPW201 SPW204 reason="x"`, "spillway:ignore SPW201", `unexpected "SPW204"; separate rule IDs with commas, not spaces`},
		{`spillway:ignore SPW201 because it is a batch job`, "spillway:ignore SPW201", `unexpected text "because it is a batch job"; write the reason as reason="..."`},
		{`spillway:ignore SPW201 reason = "x"`, "spillway:ignore SPW201", "write reason= with no space before the ="},
		{`spillway:ignore SPW201 reason="unterminated`, "spillway:ignore SPW201", `reason=: unterminated quote; close it with "`},
		{`spillway:ignore SPW201 reason='unterminated\'`, "spillway:ignore SPW201", `reason=: unterminated quote; close it with '`},
		{`spillway:ignore SPW201 reason="a"b`, "spillway:ignore SPW201", `reason=: text right after the closing quote: "b"`},
		{`spillway:ignore SPW201 reason="a" reason="b"`, "spillway:ignore SPW201", "reason= is given twice"},
		{`spillway:ignore SPW201 reason="a" owner=me`, "spillway:ignore SPW201", "unknown option owner=; the options are reason= and until="},
		{`spillway:ignore SPW201 reason="a" until=2025-13-01`, "spillway:ignore SPW201", "until=2025-13-01 is not a date of the form YYYY-MM-DD"},
		{`spillway:ignore SPW201 reason="a" until=tomorrow`, "spillway:ignore SPW201", "until=tomorrow is not a date of the form YYYY-MM-DD"},
		{`spillway:ignore SPW201 reason="a" until=" 2025-01-01"`, "spillway:ignore SPW201", "until= 2025-01-01 is not a date"},
		{`spillway:ignore SPW201 reason=`, "spillway:ignore SPW201", "reason=: no value; put the value right after the ="},
		{`spillway:ignore SPW201 reason="a" =x`, "spillway:ignore SPW201", `unexpected text "=x"`},
		{`spillway:ignore-file SPW201 reason="a"`, "spillway:ignore-file", "spillway:ignore-file is not supported; put a spillway:ignore on each resource block"},
		{`spillway:ignored SPW201`, "spillway:ignored", `"spillway:ignored" is not a spillway directive;`},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			t.Parallel()
			ds := parse(t, "main.tf", "# "+c.text+"\nresource \"aws_lambda_function\" \"api\" {\n}\n")
			if len(ds) != 1 {
				t.Fatalf("got %d directives, want 1", len(ds))
			}
			if ds[0].Label != c.label || !strings.HasPrefix(ds[0].Problem, c.problem) {
				t.Errorf("label %q problem %q, want %q and a problem starting %q", ds[0].Label, ds[0].Problem, c.label, c.problem)
			}
		})
	}
}

func TestParseDirectivesWellFormedEdges(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text, reason, until string
	}{
		{`spillway:ignore SPW201 reason="say \"hi\" \\ there"`, `say "hi" \ there`, ""},
		{`spillway:ignore SPW201 reason=bare`, "bare", ""},
		{`spillway:ignore SPW201 until="2025-01-01" reason='x'`, "x", "2025-01-01"},
		{"spillway:ignore\tSPW201\treason=\"  tabs   and   spaces \"", "tabs and spaces", ""},
		{`spillway:ignore SPW201 reason="ünïcödé ✓"`, "ünïcödé ✓", ""},
		{`spillway:ignore SPW201 reason=""`, "", ""},
		{`spillway:ignore SPW201 reason="   "`, "", ""},
		{"spillway:ignore SPW201 reason=\"bad \xff utf-8, nul \x00, bell \a\"", "bad \uFFFD utf-8, nul , bell", ""},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			t.Parallel()
			ds := parse(t, "main.tf", "# "+c.text+"\nresource \"aws_lambda_function\" \"api\" {\n}\n")
			if len(ds) != 1 {
				t.Fatalf("got %d directives, want 1", len(ds))
			}
			d := ds[0]
			until := ""
			if !d.Until.IsZero() {
				until = d.Until.Format("2006-01-02")
			}
			if d.Problem != "" || d.Reason != c.reason || until != c.until {
				t.Errorf("problem %q reason %q until %q, want no problem, reason %q until %q", d.Problem, d.Reason, until, c.reason, c.until)
			}
		})
	}
}

// finding builds a finding of rule on resource addr whose block spans the
// lines from-to of main.tf.
func finding(rule, addr string, from, to int) lint.Finding {
	return lint.Finding{
		RuleID:      rule,
		Severity:    lint.Medium,
		Message:     addr + " is bad",
		Resource:    addr,
		Instances:   []string{addr},
		Range:       hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: from, Column: 1}, End: hcl.Pos{Line: to, Column: 2}},
		Root:        ".",
		Fingerprint: lint.Fingerprint(rule, addr, "."),
	}
}

var day = func(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func knownIDs(ids ...string) func(string) bool {
	return func(id string) bool { return slices.Contains(ids, id) }
}

var known = knownIDs("SPW101", "SPW201", "SPW204", "SPW502")

// suppression summarizes the suppression state of a finding.
func suppression(f lint.Finding) string {
	if !f.Suppressed {
		return f.RuleID + " " + f.Resource + ": reported"
	}
	return fmt.Sprintf("%s %s: %s %q", f.RuleID, f.Resource, f.SuppressionKind, f.Justification)
}

// problem summarizes an SPW000 finding: position, then message.
func problem(f lint.Finding) string {
	return pos(f.Range) + " " + f.RuleID + " " + f.Message
}

func apply(t *testing.T, src string, today time.Time, findings ...lint.Finding) (states, problems []string) {
	t.Helper()
	ds := parse(t, "main.tf", src)
	out, probs := lint.ApplySuppressions(findings, map[string][]lint.Directive{"main.tf": ds}, today, known, rules.SPW000)
	if len(out) != len(findings) {
		t.Fatalf("ApplySuppressions returned %d findings for %d", len(out), len(findings))
	}
	for _, f := range out {
		states = append(states, suppression(f))
	}
	for _, p := range probs {
		if p.RuleID != "SPW000" || p.RuleName != "invalid-suppression" || p.Severity != lint.Low || p.Fingerprint == "" {
			t.Errorf("problem is not a complete SPW000 finding: %+v", p)
		}
		problems = append(problems, problem(p))
	}
	return states, problems
}

const twoFunctions = `# spillway:ignore SPW201 reason="batch job, bounded upstream"
resource "aws_lambda_function" "batch" {
  function_name = "batch"
}

resource "aws_lambda_function" "api" {
  // spillway:ignore SPW201,SPW101 reason="fronted by a queue" until=2030-01-31
  function_name = "api"
}
`

func TestApplySuppressions(t *testing.T) {
	t.Parallel()
	findings := []lint.Finding{
		finding("SPW201", "aws_lambda_function.batch", 2, 4),
		finding("SPW502", "aws_lambda_function.batch", 2, 4),
		finding("SPW201", "aws_lambda_function.api", 6, 9),
		finding("SPW101", "aws_lambda_function.api", 6, 9),
		finding("SPW201", "aws_lambda_function.other", 12, 14),
	}
	// The input is not modified.
	before := fmt.Sprint(findings)
	states, problems := apply(t, twoFunctions, day("2030-01-31"), findings...)
	want := []string{
		`SPW201 aws_lambda_function.batch: inSource "batch job, bounded upstream"`,
		"SPW502 aws_lambda_function.batch: reported",
		`SPW201 aws_lambda_function.api: inSource "fronted by a queue"`,
		`SPW101 aws_lambda_function.api: inSource "fronted by a queue"`,
		"SPW201 aws_lambda_function.other: reported",
	}
	if diff := cmp.Diff(want, states); diff != "" {
		t.Errorf("suppressions (-want +got):\n%s", diff)
	}
	if len(problems) != 0 {
		t.Errorf("unexpected problems: %q", problems)
	}
	if fmt.Sprint(findings) != before {
		t.Error("ApplySuppressions modified its input")
	}
}

func TestApplySuppressionsProblems(t *testing.T) {
	t.Parallel()
	const fn = "resource \"aws_lambda_function\" \"api\" {\n  function_name = \"api\"\n}\n" // lines 2-4 after one comment line
	api := finding("SPW201", "aws_lambda_function.api", 2, 4)
	cases := []struct {
		name     string
		src      string
		today    string
		findings []lint.Finding
		states   []string
		problems []string
	}{
		{
			name:     "missing reason",
			src:      "# spillway:ignore SPW201\n" + fn,
			findings: []lint.Finding{api},
			states:   []string{"SPW201 aws_lambda_function.api: reported"},
			problems: []string{`main.tf:1:1-1:25 SPW000 spillway:ignore SPW201 has no reason="..."; every suppression must say why`},
		},
		{
			name:     "empty reason",
			src:      "// spillway:ignore SPW201 reason=\"\"\n" + fn,
			findings: []lint.Finding{api},
			states:   []string{"SPW201 aws_lambda_function.api: reported"},
			problems: []string{`main.tf:1:1-1:36 SPW000 spillway:ignore SPW201 has no reason="..."; every suppression must say why`},
		},
		{
			name:     "unknown rule ID",
			src:      "# spillway:ignore SPW210 reason=\"typo\"\n" + fn,
			findings: []lint.Finding{api},
			states:   []string{"SPW201 aws_lambda_function.api: reported"},
			problems: []string{"main.tf:1:1-1:39 SPW000 spillway:ignore SPW210 names SPW210, which is not a spillway rule; check the ID with spillway rules"},
		},
		{
			name:     "unknown rule ID next to a known one",
			src:      "# spillway:ignore SPW201,SPW999 reason=\"x\"\n" + fn,
			findings: []lint.Finding{api},
			states:   []string{`SPW201 aws_lambda_function.api: inSource "x"`},
			problems: []string{"main.tf:1:1-1:43 SPW000 spillway:ignore SPW201,SPW999 names SPW999, which is not a spillway rule; check the ID with spillway rules"},
		},
		{
			name:     "unknown rule ID and no reason",
			src:      "# spillway:ignore SPW999\n" + fn,
			findings: []lint.Finding{api},
			states:   []string{"SPW201 aws_lambda_function.api: reported"},
			problems: []string{
				"main.tf:1:1-1:25 SPW000 spillway:ignore SPW999 names SPW999, which is not a spillway rule; check the ID with spillway rules",
				`main.tf:1:1-1:25 SPW000 spillway:ignore SPW999 has no reason="..."; every suppression must say why`,
			},
		},
		{
			name:     "malformed",
			src:      "/* spillway:ignore SPW201 reason=\"unterminated */\n" + fn,
			findings: []lint.Finding{api},
			states:   []string{"SPW201 aws_lambda_function.api: reported"},
			problems: []string{`main.tf:1:1-1:50 SPW000 spillway:ignore SPW201 is malformed: reason=: unterminated quote; close it with "`},
		},
		{
			name:     "malformed and detached reports only the malformation",
			src:      "# spillway:ignore\n\n" + fn,
			problems: []string{`main.tf:1:1-1:18 SPW000 spillway:ignore is malformed: it names no rule; write spillway:ignore SPW201[,SPW204] reason="why" [until=YYYY-MM-DD]`},
		},
		{
			name:     "expired",
			src:      "# spillway:ignore SPW201 reason=\"x\" until=2025-01-31\n" + fn,
			today:    "2025-02-01",
			findings: []lint.Finding{api},
			states:   []string{"SPW201 aws_lambda_function.api: reported"},
			problems: []string{"main.tf:1:1-1:53 SPW000 spillway:ignore SPW201 expired after until=2025-01-31 and no longer suppresses SPW201 on aws_lambda_function.api; fix the finding or set a later date"},
		},
		{
			name:     "until is the last day it applies",
			src:      "# spillway:ignore SPW201 reason=\"x\" until=2025-01-31\n" + fn,
			today:    "2025-01-31",
			findings: []lint.Finding{api},
			states:   []string{`SPW201 aws_lambda_function.api: inSource "x"`},
		},
		{
			name:  "expired with nothing to suppress is reported as expired only",
			src:   "# spillway:ignore SPW201 reason=\"x\" until=2020-01-01\n" + fn,
			today: "2025-01-31",
			problems: []string{
				"main.tf:1:1-1:53 SPW000 spillway:ignore SPW201 expired after until=2020-01-01 and no longer suppresses SPW201 on aws_lambda_function.api; fix the finding or set a later date",
			},
		},
		{
			name:     "unused",
			src:      "# spillway:ignore SPW201 reason=\"x\"\n" + fn,
			findings: []lint.Finding{finding("SPW502", "aws_lambda_function.api", 2, 4)},
			states:   []string{"SPW502 aws_lambda_function.api: reported"},
			problems: []string{"main.tf:1:1-1:36 SPW000 spillway:ignore SPW201 matches no SPW201 finding on aws_lambda_function.api; remove it"},
		},
		{
			name:     "one of two IDs unused",
			src:      "# spillway:ignore SPW201,SPW204 reason=\"x\"\n" + fn,
			findings: []lint.Finding{api},
			states:   []string{`SPW201 aws_lambda_function.api: inSource "x"`},
			problems: []string{"main.tf:1:1-1:43 SPW000 spillway:ignore SPW201,SPW204 matches no SPW204 finding on aws_lambda_function.api; remove SPW204 from it"},
		},
		{
			name:     "a finding of another block does not use it",
			src:      "# spillway:ignore SPW201 reason=\"x\"\n" + fn,
			findings: []lint.Finding{finding("SPW201", "aws_lambda_function.other", 6, 8)},
			states:   []string{"SPW201 aws_lambda_function.other: reported"},
			problems: []string{"main.tf:1:1-1:36 SPW000 spillway:ignore SPW201 matches no SPW201 finding on aws_lambda_function.api; remove it"},
		},
		{
			name:     "detached by a blank line",
			src:      "# spillway:ignore SPW201 reason=\"x\"\n\n" + fn,
			findings: []lint.Finding{finding("SPW201", "aws_lambda_function.api", 3, 5)},
			states:   []string{"SPW201 aws_lambda_function.api: reported"},
			problems: []string{"main.tf:1:1-1:36 SPW000 spillway:ignore SPW201 is neither on the line right above a resource block nor inside one, so it suppresses nothing; move it above the block (no blank line in between)"},
		},
		{
			name:     "checkov skip with a reason",
			src:      "# checkov:skip=CKV_AWS_115:bounded upstream\n" + fn,
			findings: []lint.Finding{api},
			states:   []string{`SPW201 aws_lambda_function.api: inSource "bounded upstream"`},
		},
		{
			name:     "checkov skip without a reason that would suppress",
			src:      "# checkov:skip=CKV_AWS_115\n" + fn,
			findings: []lint.Finding{api},
			states:   []string{"SPW201 aws_lambda_function.api: reported"},
			problems: []string{"main.tf:1:1-1:27 SPW000 checkov:skip=CKV_AWS_115 has no reason, so spillway does not let it suppress SPW201 on aws_lambda_function.api; write checkov:skip=CKV_AWS_115:<why>"},
		},
		{
			name: "checkov skip without a reason and nothing to suppress is checkov's business",
			src:  "# checkov:skip=CKV_AWS_116\n" + fn,
		},
		{
			name: "unused or detached checkov skip is checkov's business",
			src:  "# checkov:skip=CKV_AWS_116:x\n" + fn + "\n# checkov:skip=CKV_AWS_115:y\n\n" + fn,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			today := day("2025-06-01")
			if c.today != "" {
				today = day(c.today)
			}
			states, problems := apply(t, c.src, today, c.findings...)
			if diff := cmp.Diff(c.states, states); diff != "" {
				t.Errorf("suppressions (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(c.problems, problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestExpiryUsesTheDateOfToday checks that only the calendar date of the
// today parameter counts, in its own time zone: late on the last day is
// not expired, early on the next day is.
func TestExpiryUsesTheDateOfToday(t *testing.T) {
	t.Parallel()
	src := "# spillway:ignore SPW201 reason=\"x\" until=2025-01-31\nresource \"aws_lambda_function\" \"api\" {\n}\n"
	api := finding("SPW201", "aws_lambda_function.api", 2, 3)
	east := time.FixedZone("UTC+14", 14*3600)
	west := time.FixedZone("UTC-12", -12*3600)
	for _, c := range []struct {
		today      time.Time
		suppressed bool
	}{
		{time.Date(2025, 1, 31, 23, 59, 59, 0, west), true},
		{time.Date(2025, 2, 1, 0, 0, 1, 0, east), false},
		{time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Time{}, true},
	} {
		states, _ := apply(t, src, c.today, api)
		if got := states[0] != "SPW201 aws_lambda_function.api: reported"; got != c.suppressed {
			t.Errorf("today %v: suppressed %v, want %v", c.today, got, c.suppressed)
		}
	}
}

func TestApplySuppressionsKeepsEarlierSuppression(t *testing.T) {
	t.Parallel()
	f := finding("SPW201", "aws_lambda_function.api", 2, 3)
	f.Suppressed, f.SuppressionKind, f.Justification = true, lint.SuppressedExternal, "baseline"
	states, problems := apply(t, "# spillway:ignore SPW201 reason=\"x\"\nresource \"aws_lambda_function\" \"api\" {\n}\n", day("2025-01-01"), f)
	if diff := cmp.Diff([]string{`SPW201 aws_lambda_function.api: external "baseline"`}, states); diff != "" {
		t.Errorf("suppressions (-want +got):\n%s", diff)
	}
	if len(problems) != 0 {
		t.Errorf("the directive matched a finding but was reported: %q", problems)
	}
}

func TestApplySuppressionsFirstDirectiveGivesTheReason(t *testing.T) {
	t.Parallel()
	src := "# spillway:ignore SPW201 reason=\"first\"\nresource \"aws_lambda_function\" \"api\" {\n  # spillway:ignore SPW201 reason=\"second\"\n}\n"
	states, problems := apply(t, src, day("2025-01-01"), finding("SPW201", "aws_lambda_function.api", 2, 4))
	if diff := cmp.Diff([]string{`SPW201 aws_lambda_function.api: inSource "first"`}, states); diff != "" {
		t.Errorf("suppressions (-want +got):\n%s", diff)
	}
	if len(problems) != 0 {
		t.Errorf("both directives matched, yet: %q", problems)
	}
}

func TestApplySuppressionsNilKnownAndOrder(t *testing.T) {
	t.Parallel()
	a, _ := lint.ParseDirectives("b.tf", []byte("# spillway:ignore SPW777 reason=\"x\"\n\n# spillway:ignore SPW778\n"))
	b, _ := lint.ParseDirectives("a.tf", []byte("# spillway:ignore SPW779 reason=\"x\"\n"))
	_, probs := lint.ApplySuppressions(nil, map[string][]lint.Directive{"b.tf": a, "a.tf": b}, day("2025-01-01"), nil, rules.SPW000)
	var got []string
	for _, p := range probs {
		got = append(got, problem(p))
	}
	// nil known accepts every SPWnnn; problems come by file, then source order.
	want := []string{
		"a.tf:1:1-1:36 SPW000 spillway:ignore SPW779 is neither on the line right above a resource block nor inside one, so it suppresses nothing; move it above the block (no blank line in between)",
		"b.tf:1:1-1:36 SPW000 spillway:ignore SPW777 is neither on the line right above a resource block nor inside one, so it suppresses nothing; move it above the block (no blank line in between)",
		`b.tf:3:1-3:25 SPW000 spillway:ignore SPW778 has no reason="..."; every suppression must say why`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestSPW000FingerprintSurvivesLineMoves checks that an SPW000 finding can
// be baselined like any other: its fingerprint does not change when the
// directive moves.
func TestSPW000FingerprintSurvivesLineMoves(t *testing.T) {
	t.Parallel()
	fp := func(src string) (string, string) {
		ds, _ := lint.ParseDirectives("main.tf", []byte(src))
		_, probs := lint.ApplySuppressions(nil, map[string][]lint.Directive{"main.tf": ds}, day("2025-01-01"), known, rules.SPW000)
		if len(probs) != 1 {
			t.Fatalf("want one problem, got %+v", probs)
		}
		return probs[0].Fingerprint, probs[0].Root
	}
	const block = "# spillway:ignore SPW201\nresource \"aws_lambda_function\" \"api\" {\n}\n"
	a, root := fp(block)
	b, _ := fp(strings.Repeat("\n", 20) + strings.ReplaceAll(block, "\n", "\n    "))
	c, _ := fp(strings.Replace(block, `"api"`, `"web"`, 1))
	if a != b {
		t.Errorf("the fingerprint changed when the block moved: %s, %s", a, b)
	}
	if a == c {
		t.Error("the fingerprint did not change with the resource")
	}
	if root != "." {
		t.Errorf("root %q, want the file's directory", root)
	}
}

// TestSuppressionsEndToEnd runs SPW201 with the real parser, evaluator and
// graph over testdata/suppress/project, including a directive in a module
// called twice, and applies the directives of every file.
func TestSuppressionsEndToEnd(t *testing.T) {
	t.Parallel()
	fsys := os.DirFS(filepath.Join("..", "testdata", "suppress", "project"))
	res := ruletest.Analyze(fsys, []*lint.Rule{rules.SPW201}, eval.Options{})
	if res.Diagnostics.HasErrors() {
		t.Fatalf("diagnostics: %v", res.Diagnostics)
	}
	dirs := map[string][]lint.Directive{}
	for _, name := range []string{"main.tf", "modules/worker/main.tf"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "suppress", "project", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		ds, diags := lint.ParseDirectives(name, src)
		if len(diags) != 0 {
			t.Fatal(diags)
		}
		dirs[name] = ds
	}
	isKnown := func(id string) bool { return rules.ByID(id) != nil }
	out, probs := lint.ApplySuppressions(res.Findings, dirs, day("2025-06-01"), isKnown, rules.SPW000)
	var states []string
	for _, f := range out {
		states = append(states, fmt.Sprintf("%s:%d %s", f.Range.Filename, f.Range.Start.Line, suppression(f)))
	}
	want := []string{
		`main.tf:6 SPW201 aws_lambda_function.batch: inSource "nightly batch, one invocation at a time"`,
		"main.tf:11 SPW201 aws_lambda_function.api: reported",
		`main.tf:16 SPW201 aws_lambda_function.legacy: inSource "owned by the legacy team, migrating in Q3"`,
		"main.tf:23 SPW201 aws_lambda_function.expired: reported",
		`modules/worker/main.tf:5 SPW201 module.workers["eu"].aws_lambda_function.worker: inSource "bounded by the SQS event source's maximum_concurrency"`,
	}
	if diff := cmp.Diff(want, states); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	var got []string
	for _, p := range probs {
		got = append(got, problem(p))
	}
	wantProbs := []string{
		"main.tf:22:1-22:84 SPW000 spillway:ignore SPW201 expired after until=2024-12-31 and no longer suppresses SPW201 on aws_lambda_function.expired; fix the finding or set a later date",
		"main.tf:29:3-29:91 SPW000 spillway:ignore SPW201 matches no SPW201 finding on aws_lambda_function.reserved; remove it",
	}
	if diff := cmp.Diff(wantProbs, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// checkInvariants checks what must hold for any input: ranges inside the
// source, and problems anchored on a directive and naming it.
func checkInvariants(t *testing.T, src []byte, ds []lint.Directive) {
	t.Helper()
	for _, d := range ds {
		r := d.Range
		if r.Start.Byte < 0 || r.Start.Byte > r.End.Byte || r.End.Byte > len(src) {
			t.Fatalf("directive range %v outside the %d-byte source", r, len(src))
		}
		if text := string(src[r.Start.Byte:r.End.Byte]); !strings.HasPrefix(text, "#") && !strings.HasPrefix(text, "//") && !strings.HasPrefix(text, "/*") {
			t.Fatalf("directive range %v does not hold a comment: %q", r, text)
		}
		if d.Label == "" {
			t.Fatalf("directive without a label: %+v", d)
		}
		if d.Problem == "" && len(d.Rules) == 0 {
			t.Fatalf("well-formed directive without rules: %+v", d)
		}
		if d.Target.Filename != "" && (d.Target.Start.Byte < 0 || d.Target.Start.Byte > d.Target.End.Byte || d.Target.End.Byte > len(src)) {
			t.Fatalf("target %v of %q outside the %d-byte source", d.Target, d.Resource, len(src))
		}
	}
	// A finding on every target for every rule, and one elsewhere.
	var fs []lint.Finding
	for _, d := range ds {
		for _, id := range d.Rules {
			if d.Target.Filename != "" {
				f := finding(id, d.Resource, d.Target.Start.Line, d.Target.End.Line)
				f.Range.Filename = "fuzz.tf"
				fs = append(fs, f)
			}
		}
	}
	for _, today := range []time.Time{day("2000-01-01"), day("2100-01-01")} {
		out, probs := lint.ApplySuppressions(fs, map[string][]lint.Directive{"fuzz.tf": ds}, today, known, rules.SPW000)
		if len(out) != len(fs) {
			t.Fatalf("%d findings in, %d out", len(fs), len(out))
		}
		for _, f := range out {
			if f.Suppressed && (f.Justification == "" || f.SuppressionKind != lint.SuppressedInSource || !utf8.ValidString(f.Justification)) {
				t.Fatalf("suppressed without a valid reason: %+v", f)
			}
		}
		for _, p := range probs {
			ok := false
			for _, d := range ds {
				if p.Range == d.Range && strings.HasPrefix(p.Message, d.Label+" ") {
					ok = true
				}
			}
			if !ok || p.RuleID != "SPW000" || !utf8.ValidString(p.Message) {
				t.Fatalf("problem %q at %v is not anchored on a directive it names", p.Message, p.Range)
			}
		}
	}
}

func FuzzIgnoreDirective(f *testing.F) {
	seeds := []string{
		`spillway:ignore SPW201 reason="batch job, bounded upstream"`,
		`spillway:ignore SPW201,SPW204 reason='x' until=2030-01-31`,
		`spillway:ignore SPW201 reason="say \"hi\"" until="2025-01-01"`,
		`spillway:ignore SPW201 reason="unterminated`,
		`spillway:ignore`,
		`spillway:ignore-file SPW201`,
		`spillway:ignore SPW201 SPW204 because`,
		`checkov:skip=CKV_AWS_116:replayed`,
		`checkov:skip=CKV_AWS_115,CKV_AWS_116`,
		`checkov:skip=`,
	}
	files := [][]byte{[]byte(twoFunctions)}
	for _, name := range []string{"forms.tf", "project/main.tf", "project/modules/worker/main.tf"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "suppress", filepath.FromSlash(name)))
		if err != nil {
			f.Fatal(err)
		}
		files = append(files, b)
	}
	for i, s := range seeds {
		f.Add(s, files[i%len(files)])
	}
	for _, s := range oddInputs {
		f.Add(s, []byte(s))
	}
	f.Fuzz(func(t *testing.T, comment string, file []byte) {
		const fn = "resource \"aws_lambda_function\" \"f\" {\n  function_name = \"f\"\n}\n"
		for _, src := range [][]byte{
			[]byte("# " + comment + "\n" + fn),
			[]byte("resource \"aws_lambda_function\" \"f\" {\n  // " + comment + "\n}\n"),
			[]byte("/* " + comment + " */\n" + fn),
			append([]byte("# "+comment+"\n"), file...),
			file,
		} {
			ds, _ := lint.ParseDirectives("fuzz.tf", src)
			again, _ := lint.ParseDirectives("fuzz.tf", src)
			if !cmp.Equal(summarize(ds), summarize(again)) {
				t.Fatalf("two parses differ:\n%s", cmp.Diff(summarize(ds), summarize(again)))
			}
			checkInvariants(t, src, ds)
		}
	})
}

// BenchmarkParseDirectives measures a 2,000-block file with a directive on
// every tenth block.
func BenchmarkParseDirectives(b *testing.B) {
	var sb strings.Builder
	for i := range 2000 {
		if i%10 == 0 {
			fmt.Fprintf(&sb, "# spillway:ignore SPW201 reason=\"bench %d\"\n", i)
		}
		fmt.Fprintf(&sb, "resource \"aws_lambda_function\" \"f%d\" {\n  function_name = \"f%d\"\n  environment {\n    variables = { A = \"${var.x}-%d\" }\n  }\n}\n\n", i, i, i)
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if ds, _ := lint.ParseDirectives("main.tf", src); len(ds) != 200 {
			b.Fatalf("%d directives", len(ds))
		}
	}
}
