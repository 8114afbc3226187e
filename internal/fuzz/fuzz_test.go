package fuzz_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/ruletest"
	"github.com/spillway-iac/spillway/parser"
	"github.com/spillway-iac/spillway/rules"
)

// slow is how long one input may take before it counts as a hang.
const slow = 10 * time.Second

// fixtures returns the contents of every fixture file under testdata
// whose name ends in one of the suffixes.
func fixtures(f *testing.F, suffixes ...string) [][]byte {
	f.Helper()
	var out [][]byte
	root := filepath.Join("..", "..", "testdata")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, s := range suffixes {
			if strings.HasSuffix(p, s) {
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				out = append(out, b)
				break
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	if len(out) == 0 {
		f.Fatalf("no fixtures ending in %v", suffixes)
	}
	return out
}

// scan runs the whole pipeline over fsys as spillway scan does (every
// rule, suppression comments applied) and fails on a hang or on a panic,
// which the checker and the lint engine turn into "Internal error"
// diagnostics.
func scan(t *testing.T, fsys fstest.MapFS, opts eval.Options) {
	t.Helper()
	start := time.Now()
	res, err := checker.RunFS(context.Background(), fsys, checker.Options{
		Rules:    rules.All,
		Settings: nil,
		Eval:     opts,
		Jobs:     1,
	})
	if d := time.Since(start); d > slow {
		t.Fatalf("analysis took %s", d)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diagnostics {
		if strings.HasPrefix(d.Summary, checker.SummaryInternalError) {
			t.Fatalf("%s: %s", d.Summary, d.Detail)
		}
	}
}

// FuzzLoad gives arbitrary bytes to the pipeline as main.tf or, when
// asJSON is set, as main.tf.json, next to a small module that calls
// nothing. It must never panic or hang.
func FuzzLoad(f *testing.F) {
	for _, b := range fixtures(f, ".tf") {
		f.Add(b, false)
	}
	for _, b := range fixtures(f, ".tf.json") {
		f.Add(b, true)
	}
	f.Fuzz(func(t *testing.T, src []byte, asJSON bool) {
		name := "main.tf"
		if asJSON {
			name = "main.tf.json"
		}
		fsys := fstest.MapFS{
			name:                 {Data: src},
			"modules/m/main.tf":  {Data: []byte("variable \"x\" {}\noutput \"y\" { value = var.x }\n")},
			"templates/a.tmpl":   {Data: src},
			"terraform.tfvars":   {Data: []byte("x = 1\n")},
			"modules/m/extra.tf": {Data: []byte("locals { z = 1 }\n")},
		}
		scan(t, fsys, eval.Options{})
	})
}

// varFileModule declares variables of the types a variable file may set.
const varFileModule = `
variable "a" {}
variable "b" { type = list(string) }
variable "c" { type = map(object({ x = number, y = optional(string, "d") })) }
variable "d" { type = number }
variable "e" { type = set(string) }
resource "aws_lambda_function" "f" {
  function_name                  = "f"
  reserved_concurrent_executions = var.d
  for_each                       = var.e
}
output "o" { value = [var.a, var.b, var.c, var.d] }
`

// FuzzVarFile parses arbitrary bytes as a --var-file (HCL, or JSON when
// asJSON is set) and evaluates a module with them.
func FuzzVarFile(f *testing.F) {
	for _, b := range fixtures(f, ".tfvars") {
		f.Add(b, false)
	}
	for _, b := range fixtures(f, ".tfvars.json") {
		f.Add(b, true)
	}
	f.Add([]byte(`a = "x"`+"\nb = [\"p\"]\nc = { k = { x = 1 } }\nd = 3\ne = [\"u\"]\n"), false)
	f.Add([]byte(`{"a": "x", "b": ["p"], "c": {"k": {"x": 1}}, "d": 3, "e": ["u"]}`), true)
	f.Fuzz(func(t *testing.T, src []byte, asJSON bool) {
		name := "in.tfvars"
		if asJSON {
			name = "in.tfvars.json"
		}
		file := parser.ParseVarFile(name, src)
		fsys := fstest.MapFS{"main.tf": {Data: []byte(varFileModule)}}
		scan(t, fsys, eval.Options{Args: []eval.VarArg{{File: file}}})
	})
}

// FuzzWantComment gives arbitrary text to the rule test harness's
// expectation parsers.
func FuzzWantComment(f *testing.F) {
	for _, b := range fixtures(f, ".tf") {
		f.Add(string(b))
	}
	for _, s := range []string{
		`want "SPW101"`, `want "SPW201: no reserved" "SPW202"`, `want +2 "SPW301"`,
		`undetermined "SPW201"`, `want`, `want "SPW1"`, `want "SPW101: ("`, `want +x`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, _ = ruletest.ParseWant("main.tf", 1, text)
		_, _ = ruletest.ParseComments("main.tf", []byte(text))
	})
}
