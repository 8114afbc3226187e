package eval_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/parser"
)

// fixtureFS returns testdata/eval/<name> as a file system.
func fixtureFS(t *testing.T, name string) *parser.Loader {
	t.Helper()
	dir := filepath.Join("..", "testdata", "eval", name)
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("fixture %s: %v", name, err)
	}
	return parser.NewLoader(os.DirFS(dir), parser.Options{})
}

// mapLoader returns a loader over an in-memory tree.
func mapLoader(files map[string]string) *parser.Loader {
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return parser.NewLoader(fsys, parser.Options{})
}

// newRoot evaluates the module in dir as a root module. It fails the test
// when the module does not load.
func newRoot(t *testing.T, l *parser.Loader, dir string, opts eval.Options) *eval.Root {
	t.Helper()
	mod := l.Module(dir)
	if mod.Broken {
		t.Fatalf("module %s is broken: %s", dir, mod.Diags.Error())
	}
	return eval.NewRoot(l, mod, opts)
}

// fixtureRoot evaluates testdata/eval/<name>/<dir>.
func fixtureRoot(t *testing.T, name, dir string, opts eval.Options) *eval.Root {
	t.Helper()
	return newRoot(t, fixtureFS(t, name), dir, opts)
}

// srcRoot evaluates main.tf holding src.
func srcRoot(t *testing.T, src string) *eval.Root {
	t.Helper()
	return newRoot(t, mapLoader(map[string]string{"main.tf": src}), ".", eval.Options{})
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

// errorsOf returns only the error diagnostics.
func errorsOf(diags hcl.Diagnostics) []diag {
	out := []diag{}
	for _, d := range diagsOf(diags) {
		if d.Severity == hcl.DiagError {
			out = append(out, d)
		}
	}
	return out
}

// checkDiags compares every diagnostic of a root with want.
func checkDiags(t *testing.T, r *eval.Root, want []diag) {
	t.Helper()
	if want == nil {
		want = []diag{}
	}
	if diff := cmp.Diff(want, diagsOf(r.Diagnostics())); diff != "" {
		t.Errorf("Diagnostics (-want +got):\n%s", diff)
	}
}

// ctyCmp compares cty values exactly, marks included.
var ctyCmp = cmp.Comparer(func(a, b cty.Value) bool {
	if a == cty.NilVal || b == cty.NilVal {
		return a == b
	}
	return a.RawEquals(b)
})

// unmarked drops every mark, deeply.
func unmarked(v cty.Value) cty.Value {
	if v == cty.NilVal {
		return v
	}
	u, _ := v.UnmarkDeep()
	return u
}

// checkVal compares a value with want, ignoring marks.
func checkVal(t *testing.T, what string, got, want cty.Value) {
	t.Helper()
	if diff := cmp.Diff(want, unmarked(got), ctyCmp); diff != "" {
		t.Errorf("%s (-want +got):\n%s", what, diff)
	}
}

// addrs returns the addresses of instances.
func addrs(insts []*eval.Instance) []string {
	out := []string{}
	for _, i := range insts {
		out = append(out, i.Addr)
	}
	return out
}

// lookup returns an instance by address, expanding the type first.
func lookup(t *testing.T, r *eval.Root, typ, addr string) *eval.Instance {
	t.Helper()
	r.Instances(typ)
	i := r.Lookup(addr)
	if i == nil {
		t.Fatalf("no instance %s (have %v)", addr, addrs(r.Instances(typ)))
	}
	return i
}

// local returns a local value of the root module.
func local(r *eval.Root, name string) cty.Value { return r.Module.Local(name) }
