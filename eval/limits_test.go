package eval_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
)

// TestModuleInputCycle: a module call whose argument reads the call's own
// output is a cycle, reported as such from whichever end evaluation
// starts.
func TestModuleInputCycle(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"main.tf":   "module \"a\" {\n  source = \"./m\"\n  x      = module.a.out\n}\noutput \"o\" {\n  value = module.a.out\n}\n",
		"m/main.tf": "variable \"x\" {}\noutput \"out\" {\n  value = var.x\n}\n",
	}
	want := []diag{{hcl.DiagError, "Cycle in module inputs", "main.tf:3,12"}}
	t.Run("from the output", func(t *testing.T) {
		t.Parallel()
		r := newRoot(t, mapLoader(files), ".", eval.Options{})
		if v := r.Module.Output("o"); v.IsKnown() {
			t.Errorf("output is %#v, want unknown", v)
		}
		checkDiags(t, r, want)
	})
	t.Run("from the variable", func(t *testing.T) {
		t.Parallel()
		r := newRoot(t, mapLoader(files), ".", eval.Options{})
		child := r.Module.Children()[0]
		if v := child.Var("x"); v.IsKnown() {
			t.Errorf("variable is %#v, want unknown", v)
		}
		checkDiags(t, r, want)
	})
}

// TestReferenceChainTooLong: locals chained deeper than MaxEvalDepth end
// in an unknown value and an error instead of a stack overflow.
func TestReferenceChainTooLong(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("locals {\n")
	const n = 100000
	for i := 0; i < n; i++ {
		b.WriteString("  l" + itoa(i) + " = [local.l" + itoa(i+1) + "]\n")
	}
	b.WriteString("  l" + itoa(n) + " = 1\n}\n")
	r := newRoot(t, mapLoader(map[string]string{"main.tf": b.String()}), ".", eval.Options{})
	if v := local(r, "l0"); v.IsWhollyKnown() {
		t.Errorf("value is known")
	}
	var got []string
	for _, d := range r.Diagnostics() {
		got = append(got, d.Summary)
	}
	if len(got) != 1 || got[0] != "Reference chain too long" {
		t.Errorf("diagnostics %q", got)
	}
}

func itoa(i int) string { return cty.NumberIntVal(int64(i)).AsBigFloat().Text('f', 0) }

// TestNestingAtEvaluation: input parsed only during evaluation (template
// files, --var values, JSON type strings) is checked for nesting too.
func TestNestingAtEvaluation(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000)
	t.Run("templatefile", func(t *testing.T) {
		t.Parallel()
		r := newRoot(t, mapLoader(map[string]string{
			"main.tf":  "locals {\n  v = templatefile(\"t.tftpl\", {})\n}\n",
			"t.tftpl":  "${" + deep + "}",
			"other.tf": "",
		}), ".", eval.Options{})
		if v := local(r, "v"); v.IsKnown() {
			t.Errorf("value is known")
		}
		if ds := r.Diagnostics(); len(ds) != 1 || !strings.Contains(ds[0].Detail, "Expression nesting too deep") {
			t.Errorf("diagnostics %v", ds)
		}
	})
	t.Run("var", func(t *testing.T) {
		t.Parallel()
		r := newRoot(t, mapLoader(map[string]string{
			"main.tf": "variable \"v\" {\n  type = list(number)\n}\n",
		}), ".", eval.Options{Args: []eval.VarArg{{Assign: "v=[" + deep + "]"}}})
		if v := r.Module.Var("v"); v.IsKnown() {
			t.Errorf("value is known")
		}
		checkDiags(t, r, []diag{{hcl.DiagError, "Expression nesting too deep", "--var v:1,257"}})
	})
	t.Run("json type", func(t *testing.T) {
		t.Parallel()
		ty := strings.Repeat("list(", 1000) + "string" + strings.Repeat(")", 1000)
		r := newRoot(t, mapLoader(map[string]string{
			"main.tf.json": `{"variable": {"v": {"type": "` + ty + `", "default": []}}}`,
		}), ".", eval.Options{})
		r.Module.Var("v")
		checkDiags(t, r, []diag{{hcl.DiagError, "Expression nesting too deep", "main.tf.json:1,1314"}})
	})
}

// TestFileset covers Terraform's fileset: patterns with *, ** and {a,b},
// only files, sorted, and never outside the tree.
func TestFileset(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"files/a.txt":         "a",
		"files/b.json":        "b",
		"files/sub/c.txt":     "c",
		"files/sub/deep/d.md": "d",
		"other/e.txt":         "e",
	}
	tests := []struct {
		expr string
		want []string
	}{
		{`fileset("files", "*.txt")`, []string{"a.txt"}},
		{`fileset("files", "**/*.txt")`, []string{"a.txt", "sub/c.txt"}},
		{`fileset("files", "**")`, []string{"a.txt", "b.json", "sub/c.txt", "sub/deep/d.md"}},
		{`fileset("files", "*.{txt,json}")`, []string{"a.txt", "b.json"}},
		{`fileset(path.module, "files/sub/*")`, []string{"files/sub/c.txt"}},
		{`fileset("files", "sub")`, nil},
		{`fileset("nope", "*")`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			t.Parallel()
			fs := map[string]string{"main.tf": "locals {\n  v = " + tt.expr + "\n}\n"}
			for k, v := range files {
				fs[k] = v
			}
			r := newRoot(t, mapLoader(fs), ".", eval.Options{})
			want := cty.SetValEmpty(cty.String)
			if len(tt.want) > 0 {
				var vals []cty.Value
				for _, w := range tt.want {
					vals = append(vals, cty.StringVal(w))
				}
				want = cty.SetVal(vals)
			}
			checkVal(t, tt.expr, local(r, "v"), want)
			checkDiags(t, r, nil)
		})
	}
	for _, expr := range []string{`fileset("..", "*")`, `fileset(".", "../*")`, `fileset("/etc", "*")`} {
		r := newRoot(t, mapLoader(map[string]string{"main.tf": "locals {\n  v = " + expr + "\n}\n"}), ".", eval.Options{})
		if v := local(r, "v"); v.IsKnown() {
			t.Errorf("%s is known", expr)
		}
		checkDiags(t, r, []diag{{hcl.DiagWarning, "Path outside the scanned tree", "main.tf:2,7"}})
	}
}
