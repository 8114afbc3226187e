package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/spillway-iac/spillway/internal/cli"
	"github.com/spillway-iac/spillway/internal/golden"
)

func validateGraphSchema(t *testing.T, doc string) {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", "..", "testdata", "schema", "graph.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	sch, err := jsonschema.NewCompiler().Compile(abs)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, doc)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("graph JSON does not match testdata/schema/graph.schema.json: %v", err)
	}
}

// TestGraphShop is the acceptance golden of issue 14: spillway graph
// --format json on the shop example.
func TestGraphShop(t *testing.T) {
	r := spillway(t, defaultEnv(t), "graph", "--format", "json", "testdata/examples/shop")
	if r.code != cli.ExitOK {
		t.Fatalf("exit code %d, want 0 (findings do not change graph's exit code); stderr:\n%s", r.code, r.stderr)
	}
	validateGraphSchema(t, r.stdout)
	golden.Check(t, filepath.Join("..", "..", "testdata", "cli", "shop.graph.json.golden"), []byte(r.stdout))
}

func TestGraphFormats(t *testing.T) {
	want := map[string]string{
		"text":    "Root module testdata/examples/shop: ",
		"json":    `"root": "testdata/examples/shop"`,
		"mermaid": "flowchart LR\n",
		"dot":     "digraph spillway {\n  rankdir=LR;\n",
	}
	for format, s := range want {
		t.Run(format, func(t *testing.T) {
			r := spillway(t, defaultEnv(t), "graph", "-f", format, "testdata/examples/shop")
			if r.code != cli.ExitOK || r.stderr != "" {
				t.Fatalf("exit code %d, stderr:\n%s", r.code, r.stderr)
			}
			if !strings.Contains(r.stdout, s) {
				t.Errorf("output lacks %q:\n%s", s, r.stdout)
			}
			if again := spillway(t, defaultEnv(t), "graph", "-f", format, "testdata/examples/shop"); again.stdout != r.stdout {
				t.Errorf("two runs differ:\n%s", golden.Diff(r.stdout, again.stdout))
			}
		})
	}
	// The default format is text.
	if r := spillway(t, defaultEnv(t), "graph", "testdata/examples/shop"); !strings.HasPrefix(r.stdout, "Root module ") {
		t.Errorf("default format is not text:\n%s", r.stdout)
	}
}

// TestGraphMarksFindings: the rules run as in scan (and --only selects
// them), and nodes with findings carry the marker.
func TestGraphMarksFindings(t *testing.T) {
	all := spillway(t, defaultEnv(t), "graph", "-f", "mermaid", "testdata/examples/shop")
	if !strings.Contains(all.stdout, "SPW201") || !strings.Contains(all.stdout, "SPW301") {
		t.Errorf("markers lack SPW201 and SPW301:\n%s", all.stdout)
	}
	only := spillway(t, defaultEnv(t), "graph", "-f", "mermaid", "--only", "SPW301", "testdata/examples/shop")
	if only.code != cli.ExitOK || strings.Contains(only.stdout, "SPW201") || strings.Count(only.stdout, "⚠") != 1 {
		t.Errorf("--only SPW301 should leave one marker (exit %d):\n%s", only.code, only.stdout)
	}
}

func TestGraphHelp(t *testing.T) {
	r := spillway(t, defaultEnv(t), "graph", "--help")
	if r.code != cli.ExitOK {
		t.Fatalf("exit code %d", r.code)
	}
	for _, s := range []string{"spillway graph [PATH ...]", "text ", "Exit codes", "Examples", "json ", "mermaid ", "dot ", "--var-file", "--format", "--output"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("help lacks %q:\n%s", s, r.stdout)
		}
	}
	if top := spillway(t, defaultEnv(t), "help"); !strings.Contains(top.stdout, "spillway graph [PATH ...]") {
		t.Errorf("spillway help does not list graph:\n%s", top.stdout)
	}
}

func TestGraphBadInput(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"ok/main.tf":     unreservedFunction,
		"broken/main.tf": "resource \"aws_lambda_function\" \"x\" {\n",
	})
	for _, c := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"unknown format", []string{"graph", "--format", "sarif", "ok"}, "text, json, mermaid, dot"},
		{"unknown flag", []string{"graph", "--fail-on", "high", "ok"}, "unknown flag"},
		{"missing path", []string{"graph", "nope"}, "nope"},
		{"missing var file", []string{"graph", "--var-file", "nope.tfvars", "ok"}, "--var-file"},
		{"unknown rule", []string{"graph", "--only", "SPW999", "ok"}, "SPW999"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := spillway(t, envAt(dir), c.args...)
			if r.code != cli.ExitError || !strings.Contains(r.stderr, c.stderr) {
				t.Errorf("exit code %d, stderr %q: want 2 and %q", r.code, r.stderr, c.stderr)
			}
		})
	}
	// An unparsable module: the graph of the rest is still written, the
	// error is on stderr and the exit code is 2.
	r := spillway(t, envAt(dir), "graph", "-f", "json", ".")
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "broken/main.tf:") || !strings.Contains(r.stdout, `"root": "ok"`) {
		t.Errorf("exit code %d, stderr %q, stdout:\n%s", r.code, r.stderr, r.stdout)
	}
}

// TestGraphVarsAndOutput: --var decides a for_each, and -o writes the
// graph to a file instead of stdout.
func TestGraphVarsAndOutput(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": `variable "names" {
  type = list(string)
}

resource "aws_lambda_function" "f" {
  for_each      = toset(var.names)
  function_name = each.key
  runtime       = "python3.12"
}
`})
	if err := os.MkdirAll(filepath.Join(dir, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	r := spillway(t, envAt(dir), "graph", "-f", "json", "-o", "out/graph.json", "--var", `names=["a","b"]`, ".")
	if r.code != cli.ExitOK || r.stdout != "" {
		t.Fatalf("exit code %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "out", "graph.json"))
	if err != nil {
		t.Fatal(err)
	}
	validateGraphSchema(t, string(b))
	for _, s := range []string{`"id": "aws_lambda_function.f[\"a\"]"`, `"id": "aws_lambda_function.f[\"b\"]"`} {
		if !strings.Contains(string(b), s) {
			t.Errorf("graph lacks %s:\n%s", s, b)
		}
	}
	m := spillway(t, envAt(dir), "graph", "-f", "mermaid", "--var", `names=["a","b"]`, ".")
	if !strings.Contains(m.stdout, "aws_lambda_function.f[*] ×2") {
		t.Errorf("instances not collapsed:\n%s", m.stdout)
	}
}

// TestScanMarkdownHasDiagram: the markdown report (the GitHub Action's
// step summary) carries the Mermaid diagram; other formats do not change.
func TestScanMarkdownHasDiagram(t *testing.T) {
	r := spillway(t, defaultEnv(t), "scan", "--format", "markdown", "testdata/examples/shop")
	if r.code != cli.ExitFindings {
		t.Fatalf("exit code %d; stderr:\n%s", r.code, r.stderr)
	}
	g := spillway(t, defaultEnv(t), "graph", "--format", "mermaid", "testdata/examples/shop")
	if !strings.Contains(r.stdout, "```mermaid\n"+g.stdout+"```\n") {
		t.Errorf("the markdown report lacks graph's Mermaid diagram:\n%s", r.stdout)
	}
}

// TestReadmeGraph: the README's picture is what spillway graph draws for
// the shop example today.
func TestReadmeGraph(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const intro = "testdata/examples/shop` draws:\n\n```mermaid\n"
	s := string(b)
	i := strings.Index(s, intro)
	if i < 0 {
		t.Fatal("README.md has no Mermaid picture of the shop example")
	}
	got, _, ok := strings.Cut(s[i+len(intro):], "```")
	if !ok {
		t.Fatal("README.md's Mermaid picture has no closing fence")
	}
	want := spillway(t, defaultEnv(t), "graph", "--format", "mermaid", "testdata/examples/shop").stdout
	if got != want {
		t.Errorf("README's graph is out of date; paste the output of spillway graph --format mermaid testdata/examples/shop (-want +got):\n%s", golden.Diff(want, got))
	}
}
