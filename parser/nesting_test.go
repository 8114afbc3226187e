package parser

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// TestNestingLimits gives the parser a million levels of every construct
// that hclsyntax or hcl/json parse or evaluate recursively: each must be a
// positioned error, quickly, instead of a stack overflow.
func TestNestingLimits(t *testing.T) {
	const n = 1_000_000
	rep := strings.Repeat
	cases := []struct {
		name, file, src string
		line, col       int
	}{
		{"parens", "main.tf", "a = " + rep("(", n) + "1" + rep(")", n) + "\n", 1, 4 + MaxNesting + 1},
		{"brackets", "main.tf", "a = " + rep("[", n) + rep("]", n) + "\n", 1, 4 + MaxNesting + 1},
		{"braces", "main.tf", "a = " + rep("{a=", n) + "1" + rep("}", n) + "\n", 1, 4 + 3*MaxNesting + 1},
		{"blocks", "main.tf", rep("b {\n", n) + rep("}\n", n), MaxNesting + 1, 3},
		{"calls", "main.tf", "a = " + rep("f(", n) + rep(")", n) + "\n", 1, 4 + 2*MaxNesting + 2},
		{"bangs", "main.tf", "a = " + rep("!", n) + "true\n", 1, 4 + MaxExpressionDepth},
		{"minus", "main.tf", "a = " + rep("- ", n) + "1\n", 1, 4 + 2*(MaxExpressionDepth-1) + 1},
		{"plus chain", "main.tf", "a = 1" + rep("+1", n) + "\n", 1, 5 + 2*(MaxExpressionDepth-1) + 1},
		{"conditionals", "main.tf", "a = " + rep("x ? 1 : ", n) + "2\n", 1, 4 + 8*(MaxExpressionDepth-1) + 3},
		{"index chain", "main.tf", "a = x" + rep("[y]", n) + "\n", 1, 5 + 3*(MaxExpressionDepth-3) + 1},
		{"templates", "main.tf", "a = " + rep(`"${`, n) + rep(`}"`, n) + "\n", 1, 4 + 3*(MaxNesting/2) + 1},
		{"heredoc templates", "main.tf", "a = <<EOT\n" + rep("${(", n) + "\nEOT\n", 2, 3*(MaxNesting/2) + 0},
		{"directives", "main.tf", "a = \"" + rep("%{if true}", n) + "\"\n", 1, 5 + 10*(MaxNesting-1) + 1},
		{"json arrays", "main.tf.json", `{"locals": {"a": ` + rep("[", n) + rep("]", n) + "}}", 1, 18 + MaxNesting - 2},
		{"json templates", "main.tf.json", `{"locals": {"a": "` + "${" + rep("(", n) + `"}}`, 1, 20 + MaxNesting},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			l := NewLoader(fstest.MapFS{c.file: {Data: []byte(c.src)}}, Options{})
			f := l.ReadFile(c.file)
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("took %s", elapsed)
			}
			if f.HCL != nil || len(f.Diags) != 1 {
				t.Fatalf("want one error and no parse, got %v", f.Diags)
			}
			d := f.Diags[0]
			if d.Summary != "Expression nesting too deep" || d.Severity != hcl.DiagError {
				t.Fatalf("got %s", d.Error())
			}
			if d.Subject.Start.Line != c.line || d.Subject.Start.Column != c.col {
				t.Errorf("position %d:%d, want %d:%d", d.Subject.Start.Line, d.Subject.Start.Column, c.line, c.col)
			}
		})
	}
}

// TestNestingWithinLimits: deep but legal input parses, and operators in
// separate expressions do not add up.
func TestNestingWithinLimits(t *testing.T) {
	rep := strings.Repeat
	srcs := map[string]string{
		"parens":  "a = " + rep("(", MaxNesting-1) + "1" + rep(")", MaxNesting-1) + "\n",
		"list":    "a = [" + rep("1 + 1 + 1,\n", 5000) + "]\n",
		"object":  "a = {\n" + rep("k = 1 + 2 + 3\n", 5000) + "}\n",
		"body":    rep("a = 1 + 2 + 3 + 4\n", 5000),
		"strings": "a = [" + rep(`"((((((((((", `, 5000) + "]\n",
		"comment": "a = [" + rep("1, # ((((((((((((\n", 5000) + "]\n",
		"heredoc": "a = <<-EOT\n" + rep("  {[({[(\n", 5000) + "  EOT\nb = 1\n",
	}
	for name, src := range srcs {
		if d := CheckNesting([]byte(src), "main.tf", hcl.InitialPos, NestConfig); d != nil {
			t.Errorf("%s: %s", name, d.Error())
		}
	}
	long := `{"a": "${` + rep("x + ", 1000) + `x}"}`
	if d := CheckNesting([]byte(long), "main.tf.json", hcl.InitialPos, NestJSON); d != nil {
		t.Errorf("json: %s", d.Error())
	}
}

// TestCrudeScanOnFixtures: the byte scan alone accepts every fixture of
// the repository, so the normal path never lexes twice.
func TestCrudeScanOnFixtures(t *testing.T) {
	n := 0
	err := filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.HasSuffix(p, ".tf") && !strings.HasSuffix(p, ".tofu") && !strings.HasSuffix(p, ".tfvars") {
			return nil
		}
		if strings.Contains(filepath.ToSlash(p), "testdata/bad/") || strings.Contains(filepath.ToSlash(p), "testdata/fuzz/") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		if !crudeNestingOK(b, NestConfig) {
			t.Errorf("%s: the byte scan does not accept the file", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Errorf("only %d fixtures found", n)
	}
}

// FuzzNesting checks that the byte scan is an upper bound of the exact
// check: whatever the lexer finds too deep, the scan must not accept.
func FuzzNesting(f *testing.F) {
	for _, s := range []string{
		"a = (1)\n", `a = "${x}"` + "\n", "a = <<EOT\n${x}\nEOT\n", "a = [for x in y: x]\n",
		`a = "%{if x}y%{endif}"`, "a = {for k, v in x : k => v}\n", "# c\na = 1 /* c */\n",
		`a = "\"${"${x}"}"`, "a = <<-EOT\n  x\n  EOT\n", "$${x}%%{y}", "a = x[0].b[*].c\n",
	} {
		f.Add([]byte(s), uint8(0))
	}
	f.Fuzz(func(t *testing.T, src []byte, m uint8) {
		mode := NestingMode(m % 3)
		// Amplify: repeat the input so that limits are reachable.
		var b strings.Builder
		for b.Len() < 20000 && len(src) > 0 {
			b.Write(src)
		}
		in := []byte(b.String())
		if !utf8.Valid(in) {
			return // CheckNesting lexes such input exactly
		}
		exact := exactNesting(in, "x.tf", hcl.InitialPos, mode)
		if exact != nil && crudeNestingOK(in, mode) {
			t.Fatalf("byte scan accepts input the lexer rejects (%s)", exact.Error())
		}
	})
}

// TestNestingInvalidUTF8 is the crasher FuzzNesting found: hclsyntax lexes
// some invalid UTF-8 into identifiers that swallow a comment, so the byte
// scan must leave input that is not UTF-8 to the lexer.
func TestNestingInvalidUTF8(t *testing.T) {
	src := []byte(strings.Repeat("(\xe40#", 300))
	d := CheckNesting(src, "x.tf", hcl.InitialPos, NestConfig)
	if d == nil || d.Summary != "Expression nesting too deep" {
		t.Fatalf("got %v", d)
	}
}

// TestNestingJSONStringWithNewline is the crasher FuzzLoad found: a long
// JSON string broken by a newline made the position of its template
// point before the start of its line.
func TestNestingJSONStringWithNewline(t *testing.T) {
	src := []byte(`"` + strings.Repeat("0", 300) + "\n0000000000")
	if d := CheckNesting(src, "x.tf.json", hcl.InitialPos, NestJSON); d != nil {
		t.Errorf("got %s", d.Error())
	}
	src = []byte(`{"a": "` + strings.Repeat("0", 300) + "\",\n" + `"b": "${` + strings.Repeat("(", 300) + `"}`)
	if d := CheckNesting(src, "x.tf.json", hcl.InitialPos, NestJSON); d == nil || d.Subject.Start.Line != 2 || d.Subject.Start.Column != 9+MaxNesting-1 {
		t.Errorf("got %v", d)
	}
}

// TestStrayBlockComments: a file of many "/*" with no "*/" after them
// would take hclsyntax's scanner minutes (each is read to the end of the
// file); it is refused at the first one. One stray "/*" is left to the
// parser's own error, and "/*" in strings, heredocs and comments is no
// comment at all.
func TestStrayBlockComments(t *testing.T) {
	t.Parallel()
	hostile := "a = 1\n" + strings.Repeat("x /* y\n", (1<<20)/7)
	d := CheckNesting([]byte(hostile), "x.tf", hcl.InitialPos, NestConfig)
	if d == nil || d.Summary != "Unterminated block comment" {
		t.Fatalf("CheckNesting(hostile) = %v, want an unterminated block comment", d)
	}
	if got := d.Subject.Start; got.Line != 2 || got.Column != 3 || got.Byte != 8 {
		t.Errorf("the error is at %d:%d (byte %d), want the first stray comment at 2:3 (byte 8)", got.Line, got.Column, got.Byte)
	}
	// Closed at the end, the same lines are one comment: linear.
	if d := CheckNesting([]byte(hostile+"*/\n"), "x.tf", hcl.InitialPos, NestConfig); d != nil {
		t.Errorf("CheckNesting(closed) = %s, want nil", d.Error())
	}
	quiet := map[string]string{
		"one stray comment":                 "a = 1\n" + strings.Repeat("b = 2\n", 200) + "c = 3 /* d\n" + strings.Repeat("e = 4\n", 200),
		"in strings, comments and heredocs": strings.Repeat(`r = "arn:aws:s3:::bucket/*" # /* x`+"\n"+"p = <<EOT\n/* y\nEOT\n// /*\n", 20000),
	}
	for name, src := range quiet {
		if d := CheckNesting([]byte(src), "x.tf", hcl.InitialPos, NestConfig); d != nil {
			t.Errorf("%s: CheckNesting = %s, want nil", name, d.Error())
		}
	}
}
