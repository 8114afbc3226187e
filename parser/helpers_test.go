package parser_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"testing/fstest"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/parser"
)

// fixture returns a loader over testdata/parser/<name>.
func fixture(t *testing.T, name string) *parser.Loader {
	t.Helper()
	dir := filepath.Join("..", "testdata", "parser", name)
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("fixture %s: %v", name, err)
	}
	return parser.NewLoader(os.DirFS(dir), parser.Options{})
}

// mapFS builds an in-memory tree from file contents.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

// diag is the comparable part of an hcl.Diagnostic.
type diag struct {
	Severity hcl.DiagnosticSeverity
	Summary  string
	Subject  string
}

func diagsOf(diags hcl.Diagnostics) []diag {
	out := []diag{}
	for _, d := range diags {
		s := ""
		if d.Subject != nil {
			s = fmt.Sprintf("%s:%d,%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
		}
		out = append(out, diag{Severity: d.Severity, Summary: d.Summary, Subject: s})
	}
	return out
}

// fileNames returns the paths of a module's files in order.
func fileNames(m *parser.Module) []string {
	out := []string{}
	for _, f := range m.Files {
		out = append(out, f.Path)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// literal evaluates an expression that needs no context.
func literal(t *testing.T, expr hcl.Expression) cty.Value {
	t.Helper()
	if expr == nil {
		t.Fatal("expression is nil")
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() {
		t.Fatalf("evaluating %s: %s", expr.Range(), diags.Error())
	}
	return v
}

// attrValue evaluates the literal argument name of a body.
func attrValue(t *testing.T, body hcl.Body, name string) cty.Value {
	t.Helper()
	content, _, diags := body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: name}}})
	if diags.HasErrors() {
		t.Fatalf("reading %s: %s", name, diags.Error())
	}
	a := content.Attributes[name]
	if a == nil {
		return cty.NilVal
	}
	return literal(t, a.Expr)
}

var ctyTrue = cty.True

// ctyEqual compares two cty values, NilVal included.
func ctyEqual(a, b cty.Value) bool {
	if a == cty.NilVal || b == cty.NilVal {
		return a == b
	}
	return a.RawEquals(b)
}
