package eval_test

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
)

// blowups are expressions built to make spillway run for minutes or
// exhaust memory. Each must end quickly with an unknown value and the
// given error.
var blowups = []struct {
	name, expr, summary string
}{
	{"nested for over range", `[for a in range(1000): [for b in range(1000): [for c in range(1000): a*b*c]]]`, "Evaluation budget exceeded"},
	{"nested for over literals", `[for a in local.l: [for b in local.l: [for c in local.l: 1]]]`, "Evaluation budget exceeded"},
	{"template loops", `"%{for a in range(1000)}%{for b in range(1000)}%{for c in range(1000)}x%{endfor}%{endfor}%{endfor}"`, "Evaluation budget exceeded"},
	{"template of a huge string", `"%{for a in range(1000)}${local.big}%{endfor}"`, "String too long"},
	{"template parts", `"${local.huge}${local.huge}x"`, "String too long"},
	{"string repetition", `join("", [for a in range(200): join("", [for b in range(200): local.big])])`, "Error in function call"},
	{"formatlist", `formatlist("%s%s%s%s", local.bigs, local.bigs, local.bigs, local.bigs)`, "Error in function call"},
	{"format width", `format("%999999999d", 1)`, "Error in function call"},
	{"replace", `replace(local.big, "", local.big)`, "Error in function call"},
	{"replace regexp", `replace(local.big, "/(x)/", "$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1")`, "Error in function call"},
	{"strrev", `strrev(join("", [for i in range(200): local.big]))`, "Error in function call"},
	{"indent", `indent(100000, join("\n", range(1000)))`, "Error in function call"},
	{"jsonencode", `jsonencode([for i in range(500): local.big])`, "Error in function call"},
	{"setproduct", `setproduct(range(1000), range(1000), range(1000))`, "Error in function call"},
	{"flatten", `flatten([for i in range(2000): range(1000)])`, "Error in function call"},
	{"concat", `concat([for i in range(200): local.bigl]...)`, "Function arguments too large"},
	{"concat of few", `concat([for i in range(10): local.bigl]...)`, "Error in function call"},
	{"range", `range(1000000000)`, "Error in function call"},
	{"distinct", `distinct([for i in local.bigl: {a = i}])`, "Error in function call"},
	{"contains in a loop", `[for a in local.bigl: contains(local.bigl, a)]`, "Evaluation budget exceeded"},
	{"equality in a loop", `[for a in local.bigl: a == local.bigl]`, "Evaluation budget exceeded"},
	{"splat in a loop", `[for a in local.bigl: local.objs[*].x]`, "Evaluation budget exceeded"},
	{"jsondecode", `jsondecode("${join("", [for i in range(100000): "["])}")`, "Error in function call"},
	{"jsondecode wide", `jsondecode("[${join(",", [for i in range(200): local.ones])}]")`, "Error in function call"},
	{"split", `split("", join("", [for i in range(20): local.big]))`, "Error in function call"},
	{"csvdecode", `csvdecode(join("\n", [for i in range(200): local.ones]))`, "Error in function call"},
}

// TestJSONBlowups: the same loops written in JSON configuration, whose
// templates hcl/json parses and evaluates itself.
func TestJSONBlowups(t *testing.T) {
	t.Parallel()
	src := `{"locals": {
  "l": [` + strings.TrimSuffix(strings.Repeat("1,", 1000), ",") + `],
  "v": {"a": ["${[for a in local.l: [for b in local.l: [for c in local.l: 1]]]}"], "b": "x"},
  "w": {"${\"k\"}": "%{for a in local.l}%{for b in local.l}%{for c in local.l}x%{endfor}%{endfor}%{endfor}"},
  "ok": {"a": ["${[for x in [1, 2]: x * 2]}", 3, true, null], "k${\"ey\"}": "v"}
}}`
	r := newRoot(t, mapLoader(map[string]string{"main.tf.json": src}), ".", eval.Options{})
	start := time.Now()
	for _, name := range []string{"v", "w"} {
		if v := local(r, name); v.IsWhollyKnown() {
			t.Errorf("%s is known", name)
		}
	}
	if d := time.Since(start); d > 3*time.Second*raceFactor {
		t.Errorf("evaluation took %s", d)
	}
	checkDiags(t, r, []diag{{hcl.DiagError, "Evaluation budget exceeded", "main.tf.json:3,75"}})
	want := cty.ObjectVal(map[string]cty.Value{
		"a":   cty.TupleVal([]cty.Value{cty.TupleVal([]cty.Value{cty.NumberIntVal(2), cty.NumberIntVal(4)}), cty.NumberIntVal(3), cty.True, cty.NullVal(cty.DynamicPseudoType)}),
		"key": cty.StringVal("v"),
	})
	r2 := newRoot(t, mapLoader(map[string]string{"main.tf.json": src}), ".", eval.Options{})
	checkVal(t, "ok", local(r2, "ok"), want)
}

func TestBlowups(t *testing.T) {
	t.Parallel()
	for _, b := range blowups {
		t.Run(b.name, func(t *testing.T) {
			// Not parallel: the time each case takes is checked.
			src := "locals {\n" +
				"  v    = " + b.expr + "\n" +
				"  l    = [" + strings.Repeat("1,", 1000) + "]\n" +
				"  big  = \"" + strings.Repeat("x", 10000) + "\"\n" +
				"  bigs = [for i in range(1000): local.big]\n" +
				"  huge = join(\"\", [for i in range(100): local.big])\n" +
				"  ones = join(\",\", [for i in range(1000): \"1\"])\n" +
				"  bigl = flatten([for a in range(50): [for b in range(1000): a*1000+b]])\n" +
				"  objs = [for i in local.bigl: {x = i}]\n" +
				"}\n"
			r := newRoot(t, mapLoader(map[string]string{"main.tf": src}), ".", eval.Options{})
			start := time.Now()
			v := local(r, "v")
			if d := time.Since(start); d > 3*time.Second*raceFactor {
				t.Errorf("evaluation took %s", d)
			}
			if v.IsWhollyKnown() {
				t.Errorf("value is known")
			}
			var got []string
			for _, d := range r.Diagnostics() {
				if d.Severity == hcl.DiagError {
					got = append(got, d.Summary+": "+d.Detail)
					if d.Subject == nil || d.Subject.Filename != "main.tf" || d.Subject.Start.Line != 2 {
						t.Errorf("error not on the expression: %s", d.Error())
					}
				}
			}
			if len(got) == 0 || !strings.HasPrefix(got[0], b.summary) {
				t.Errorf("errors %q, want %q", got, b.summary)
			}
		})
	}
}
