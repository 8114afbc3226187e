package benchgen

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	hcljson "github.com/hashicorp/hcl/v2/json"
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

func TestConfigFileCountIsExact(t *testing.T) {
	t.Parallel()
	for _, n := range []int{MinFiles, 101, 104, 137, 300} {
		t.Run(itoa(n), func(t *testing.T) {
			t.Parallel()
			files, st, err := Files(Options{Files: n, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for p := range files {
				if strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tf.json") {
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

// TestValidSyntax parses every file as Terraform would, checks that HCL
// files are already in terraform fmt's canonical form, and that no
// template placeholder is left.
func TestValidSyntax(t *testing.T) {
	t.Parallel()
	files, _ := tree(t)
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		data := files[p]
		if bytes.Contains(data, []byte("{{")) {
			t.Errorf("%s: unfilled placeholder", p)
		}
		var diags hcl.Diagnostics
		if strings.HasSuffix(p, ".json") {
			_, diags = hcljson.Parse(data, p)
		} else {
			_, diags = hclsyntax.ParseConfig(data, p, hcl.InitialPos)
			if got := hclwrite.Format(data); !bytes.Equal(got, data) {
				t.Errorf("%s is not canonically formatted", p)
			}
		}
		if diags.HasErrors() {
			t.Errorf("%s: %s", p, diags.Error())
		}
	}
}

// TestShape checks the proportions the benchmarks rely on: mostly ordinary
// infrastructure with about a sixth serverless resources, roots of 5 to 15
// configuration files, files of typical length.
func TestShape(t *testing.T) {
	t.Parallel()
	files, st := tree(t)
	if share := st.ServerlessShare(); share < 0.13 || share > 0.20 {
		t.Errorf("serverless share %.3f, want 0.13 to 0.20 (%d of %d resource blocks)", share, st.Serverless, st.Resources)
	}
	perRoot := map[string]int{}
	var lines []int
	for p, data := range files {
		if !strings.HasSuffix(p, ".tf") && !strings.HasSuffix(p, ".tf.json") {
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
		if n < 5 || n > 16 {
			t.Errorf("%s has %d configuration files, want 5 to 16", dir, n)
		}
	}
	sort.Ints(lines)
	if median := lines[len(lines)/2]; median < 50 || median > 150 {
		t.Errorf("median file has %d lines, want 50 to 150", median)
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
