package eval_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
)

type instance struct {
	Addr          string
	Key           string
	Uncertain     bool
	UncertainExpr string
	Name          string
}

func describeInstances(insts []*eval.Instance, attr string) []instance {
	out := []instance{}
	for _, i := range insts {
		key := "<none>"
		switch {
		case i.Key == cty.NilVal:
		case !i.Key.IsKnown():
			key = "<unknown>"
		default:
			key = i.Key.GoString()
		}
		name := "<unknown>"
		if v := unmarked(i.Attr(attr).Val); v.IsKnown() && !v.IsNull() {
			name = v.AsString()
		}
		out = append(out, instance{i.Addr, key, i.Uncertain, i.UncertainExpr, name})
	}
	return out
}

func TestResourceExpansion(t *testing.T) {
	t.Parallel()
	r := fixtureRoot(t, "expansion", ".", eval.Options{})
	got := describeInstances(r.Module.Instances("aws_sqs_queue"), "name")
	want := []instance{
		{`aws_sqs_queue.single`, "<none>", false, "", "single"},
		{`aws_sqs_queue.counted[0]`, "cty.NumberIntVal(0)", false, "", "counted-0"},
		{`aws_sqs_queue.counted[1]`, "cty.NumberIntVal(1)", false, "", "counted-1"},
		{`aws_sqs_queue.keyed["x"]`, `cty.StringVal("x")`, false, "", "x-1"},
		{`aws_sqs_queue.keyed["y"]`, `cty.StringVal("y")`, false, "", "y-2"},
		// each.value is each.key for a set
		{`aws_sqs_queue.set["a"]`, `cty.StringVal("a")`, false, "", "set-a-a"},
		{`aws_sqs_queue.set["b"]`, `cty.StringVal("b")`, false, "", "set-b-b"},
		// count = 0 and an empty for_each: no instances
		{`aws_sqs_queue.unknown_count`, "<unknown>", true, "var.unknown", "maybe"},
		{`aws_sqs_queue.unknown_for_each`, "<unknown>", true, "var.unknown", "<unknown>"},
		{`aws_sqs_queue.from_resource["x"]`, `cty.StringVal("x")`, false, "", "copy-x-1"},
		{`aws_sqs_queue.from_resource["y"]`, `cty.StringVal("y")`, false, "", "copy-y-2"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("instances (-want +got):\n%s", diff)
	}
	for _, addr := range []string{"aws_sqs_queue.none", "aws_sqs_queue.none[0]", `aws_sqs_queue.empty`} {
		if r.Lookup(addr) != nil {
			t.Errorf("Lookup(%s) found an instance", addr)
		}
	}
	if i := r.Lookup(`aws_sqs_queue.keyed["y"]`); i == nil || i.Type() != "aws_sqs_queue" || i.Range().Start.Line != 16 {
		t.Errorf("Lookup(keyed[y]) = %v", i)
	}
	checkDiags(t, r, nil)
}

func TestModuleExpansion(t *testing.T) {
	t.Parallel()
	r := fixtureRoot(t, "expansion", ".", eval.Options{})
	var mods []string
	for _, m := range r.ModuleInstances() {
		mods = append(mods, m.Addr)
	}
	wantMods := []string{"", "module.counted[0]", "module.counted[1]", "module.maybe", `module.per_region["eu"]`, `module.per_region["us"]`}
	if diff := cmp.Diff(wantMods, mods); diff != "" {
		t.Errorf("ModuleInstances (-want +got):\n%s", diff)
	}
	got := describeInstances(r.Instances("aws_lambda_function"), "function_name")
	want := []instance{
		{`module.counted[0].aws_lambda_function.f`, "<none>", false, "", "fn-c-r0"},
		{`module.counted[1].aws_lambda_function.f`, "<none>", false, "", "fn-c-r1"},
		{`module.maybe.aws_lambda_function.f`, "<none>", true, "var.unknown", "<unknown>"},
		{`module.per_region["eu"].aws_lambda_function.f`, "<none>", false, "", "fn-eu-eu-west-1"},
		{`module.per_region["us"].aws_lambda_function.f`, "<none>", false, "", "fn-us-us-east-1"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("instances (-want +got):\n%s", diff)
	}
	maybe := r.ModuleInstances()[3]
	if u, expr := maybe.IsUncertain(); !u || expr != "var.unknown" || !maybe.Uncertain {
		t.Errorf("module.maybe IsUncertain() = %v, %q", u, expr)
	}
	eu := r.ModuleInstances()[4]
	if diff := cmp.Diff(cty.StringVal("eu"), eu.Key, ctyCmp); diff != "" {
		t.Errorf("Key (-want +got):\n%s", diff)
	}
	if eu.Depth() != 1 || eu.Root() != r {
		t.Errorf("Depth() = %d", eu.Depth())
	}
	sites := eu.CallSites()
	if len(sites) != 1 || sites[0].Address != `module.per_region["eu"]` || sites[0].Range.Start.Line != 51 {
		t.Errorf("CallSites() = %+v", sites)
	}
	wantOut := cty.ObjectVal(map[string]cty.Value{"eu": cty.StringVal("fn-eu-eu-west-1"), "us": cty.StringVal("fn-us-us-east-1")})
	checkVal(t, "output per_region_names", r.Module.Output("per_region_names"), wantOut)
	checkDiags(t, r, nil)
}

func TestInvalidExpansion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []diag
	}{
		{
			name: "negative count",
			src:  "resource \"aws_sqs_queue\" \"q\" {\n  count = -1\n}\n",
			want: []diag{{hcl.DiagError, "Invalid count argument", "main.tf:2,11"}},
		},
		{
			name: "fractional count",
			src:  "resource \"aws_sqs_queue\" \"q\" {\n  count = 1.5\n}\n",
			want: []diag{{hcl.DiagError, "Invalid count argument", "main.tf:2,11"}},
		},
		{
			name: "count of the wrong type",
			src:  "resource \"aws_sqs_queue\" \"q\" {\n  count = \"many\"\n}\n",
			want: []diag{{hcl.DiagError, "Invalid count argument", "main.tf:2,11"}},
		},
		{
			name: "for_each over a list",
			src:  "resource \"aws_sqs_queue\" \"q\" {\n  for_each = [\"a\"]\n}\n",
			want: []diag{{hcl.DiagError, "Invalid for_each argument", "main.tf:2,14"}},
		},
		{
			name: "for_each over a set of numbers",
			src:  "resource \"aws_sqs_queue\" \"q\" {\n  for_each = toset([[1]])\n}\n",
			want: []diag{{hcl.DiagError, "Invalid for_each set argument", "main.tf:2,14"}},
		},
		{
			name: "too many instances",
			src:  "resource \"aws_sqs_queue\" \"q\" {\n  count = 10001\n}\n",
			want: []diag{{hcl.DiagError, "Too many instances", "main.tf:2,11"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := srcRoot(t, tt.src)
			r.Instances("aws_sqs_queue")
			checkDiags(t, r, tt.want)
		})
	}
}
