package benchgen

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/parser"
	"github.com/spillway-iac/spillway/rules"
)

// sharedTree is a tree of a realistic size, generated once for the tests
// that only read it.
var sharedTree = sync.OnceValues(func() (treeResult, error) {
	files, st, err := Files(Options{Files: 1500, Seed: 1})
	return treeResult{files, st}, err
})

type treeResult struct {
	files map[string][]byte
	stats Stats
}

func tree(t *testing.T) (map[string][]byte, Stats) {
	t.Helper()
	tr, err := sharedTree()
	if err != nil {
		t.Fatal(err)
	}
	return tr.files, tr.stats
}

func isConfig(p string) bool { return strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json") }

func TestConfigFileCountIsExact(t *testing.T) {
	t.Parallel()
	for _, n := range []int{MinFiles, 101, 104, 105, 106, 117, 118, 137, 300} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			t.Parallel()
			files, st, err := Files(Options{Files: n, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for p := range files {
				if isConfig(p) {
					got++
				}
			}
			if got != n || st.ConfigFiles != n {
				t.Errorf("got %d configuration files (stats say %d), want %d", got, st.ConfigFiles, n)
			}
			if st.OtherFiles != len(files)-got {
				t.Errorf("stats count %d other files, the tree has %d", st.OtherFiles, len(files)-got)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, _, err := Files(Options{Files: 400, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Files(Options{Files: 400, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("same options gave %d and %d files", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Fatalf("same options gave different %s", p)
		}
	}
	c, _, err := Files(Options{Files: 400, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for p, data := range c {
		if bytes.Equal(data, a[p]) {
			same++
		}
	}
	if same == len(c) {
		t.Error("seeds 3 and 4 gave the same tree")
	}
}

// TestValidSyntax parses every file as Terraform would (hclparse, HCL or
// JSON by suffix) without diagnostics, and checks that HCL files are
// already in terraform fmt's canonical form.
func TestValidSyntax(t *testing.T) {
	t.Parallel()
	files, _ := tree(t)
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	p := hclparse.NewParser()
	for _, name := range names {
		data := files[name]
		var diags hcl.Diagnostics
		if strings.HasSuffix(name, ".json") {
			_, diags = p.ParseJSON(data, name)
		} else {
			_, diags = p.ParseHCL(data, name)
			if got := hclwrite.Format(data); !bytes.Equal(got, data) {
				t.Errorf("%s is not canonically formatted", name)
			}
		}
		for _, d := range diags {
			t.Errorf("%s: %s", name, d.Error())
		}
	}
}

// TestShape checks the proportions the benchmarks rely on: mostly
// serverless resources, roots of 5 to 13 configuration files, files of
// typical length, some JSON.
func TestShape(t *testing.T) {
	t.Parallel()
	files, st := tree(t)
	if share := st.ServerlessShare(); share < 0.7 || share > 0.95 {
		t.Errorf("serverless share %.3f, want 0.7 to 0.95 (%d of %d resource blocks)", share, st.Serverless, st.Resources)
	}
	perRoot := map[string]int{}
	var lines []int
	for p, data := range files {
		if !isConfig(p) {
			continue
		}
		lines = append(lines, bytes.Count(data, []byte("\n")))
		if strings.HasPrefix(p, "envs/") {
			perRoot[filepath.Dir(p)]++
		}
	}
	if len(perRoot) != st.RootModules {
		t.Errorf("%d root directories, stats say %d", len(perRoot), st.RootModules)
	}
	for dir, n := range perRoot {
		if n < 5 || n > 13 {
			t.Errorf("%s has %d configuration files, want 5 to 13", dir, n)
		}
	}
	sort.Ints(lines)
	if median := lines[len(lines)/2]; median < 25 || median > 150 {
		t.Errorf("median file has %d lines, want 25 to 150", median)
	}
	if longest := lines[len(lines)-1]; longest > 300 {
		t.Errorf("longest file has %d lines, want at most 300", longest)
	}
	if st.JSONFiles == 0 {
		t.Error("no .tf.json files")
	}
}

func TestGenerate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	st, err := Generate(dir, Options{Files: MinFiles, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := st.ConfigFiles + st.OtherFiles; n != want {
		t.Errorf("wrote %d files, stats say %d", n, want)
	}
	if _, err := Generate(dir, Options{Files: MinFiles, Seed: 1}); err == nil {
		t.Error("Generate into a non-empty directory succeeded")
	}
	if _, err := Generate(t.TempDir(), Options{Files: MinFiles - 1}); err == nil {
		t.Errorf("Generate with %d files succeeded", MinFiles-1)
	}
}

// TestScan analyzes every root module of a small tree as a scan does
// (parser, eval, graph, lint with rules.All): no error diagnostics, and
// findings from every rule family (SPW1xx to SPW5xx).
func TestScan(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := Generate(dir, Options{Files: 600, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = root.Close() }()
	loader := parser.NewLoader(root.FS(), parser.Options{})
	dirs, diags := loader.Discover(".")
	roots := loader.RootModules(dirs, false)
	families := map[byte]int{}
	for _, d := range dirs {
		diags = append(diags, loader.Module(d).Diags...)
	}
	for _, d := range roots {
		r := eval.NewRoot(loader, loader.Module(d), eval.Options{})
		r.Validate()
		findings, _, ldiags := lint.RunGraph(graph.Build(r), d, rules.All, nil)
		diags = append(append(diags, r.Diagnostics()...), ldiags...)
		for _, f := range findings {
			families[f.RuleID[3]]++
		}
	}
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			t.Errorf("%s: %s: %s", d.Subject, d.Summary, d.Detail)
		}
	}
	if len(roots) == 0 {
		t.Fatal("no root modules found")
	}
	for fam := byte('1'); fam <= '5'; fam++ {
		if families[fam] == 0 {
			t.Errorf("no SPW%cxx finding in %d root modules (findings by family: %v)", fam, len(roots), families)
		}
	}
}
