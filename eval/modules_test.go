package eval_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
)

func moduleAddrs(r *eval.Root) []string {
	out := []string{}
	for _, m := range r.ModuleInstances() {
		loaded := "loaded"
		if m.Module == nil {
			loaded = "not loaded"
		}
		out = append(out, m.Addr+" "+loaded)
	}
	return out
}

func TestModuleErrors(t *testing.T) {
	t.Parallel()
	r := fixtureRoot(t, "module_errors", ".", eval.Options{})
	wantMods := []string{
		" loaded",
		"module.broken not loaded",
		"module.empty not loaded",
		"module.missing not loaded",
		"module.ok loaded",
		"module.remote not loaded",
		"module.self not loaded",
	}
	if diff := cmp.Diff(wantMods, moduleAddrs(r)); diff != "" {
		t.Errorf("ModuleInstances (-want +got):\n%s", diff)
	}
	r.Validate()
	q := lookup(t, r, "aws_sqs_queue", "aws_sqs_queue.q")
	for attr, origin := range map[string]string{"name": "module.remote", "policy": "module.missing"} {
		v := q.Attr(attr).Val
		if v.IsKnown() {
			t.Errorf("%s = %#v, want unknown", attr, v)
		}
		if diff := cmp.Diff([]string{origin}, eval.Origins(v)); diff != "" {
			t.Errorf("Origins(%s) (-want +got):\n%s", attr, diff)
		}
	}
	checkVal(t, "tags", q.Attr("tags").Val, cty.ObjectVal(map[string]cty.Value{"team": cty.StringVal("orders")}))
	checkDiags(t, r, []diag{
		{hcl.DiagError, "Invalid expression", "modules/broken/main.tf:2,10"},
		{hcl.DiagError, "Module not found", "main.tf:6,12"},
		{hcl.DiagError, "Module not found", "main.tf:2,12"},
		// A remote module that is not installed is a note, not an error.
		{hcl.DiagWarning, "Remote module not installed", "main.tf:14,13"},
		{hcl.DiagError, "Module cycle", "main.tf:19,12"},
	})
}

func TestModuleCycle(t *testing.T) {
	t.Parallel()
	r := fixtureRoot(t, "module_cycle", "a", eval.Options{})
	wantMods := []string{" loaded", "module.b loaded", "module.b.module.a not loaded"}
	if diff := cmp.Diff(wantMods, moduleAddrs(r)); diff != "" {
		t.Errorf("ModuleInstances (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"module.b.aws_sqs_queue.in_b"}, addrs(r.Instances("aws_sqs_queue"))); diff != "" {
		t.Errorf("Instances (-want +got):\n%s", diff)
	}
	checkDiags(t, r, []diag{{hcl.DiagError, "Module cycle", "b/main.tf:2,12"}})
}

func TestInstalledRemoteModule(t *testing.T) {
	t.Parallel()
	r := fixtureRoot(t, "installed", ".", eval.Options{})
	wantMods := []string{" loaded", "module.lambda loaded", "module.lambda.module.inner loaded", "module.other not loaded"}
	if diff := cmp.Diff(wantMods, moduleAddrs(r)); diff != "" {
		t.Errorf("ModuleInstances (-want +got):\n%s", diff)
	}
	fn := lookup(t, r, "aws_lambda_function", "module.lambda.aws_lambda_function.this")
	checkVal(t, "function_name", fn.Attr("function_name").Val, cty.StringVal("orders"))
	checkVal(t, "timeout", fn.Attr("timeout").Val, cty.NumberIntVal(30))
	lg := lookup(t, r, "aws_cloudwatch_log_group", "module.lambda.module.inner.aws_cloudwatch_log_group.lg")
	checkVal(t, "log group name", lg.Attr("name").Val, cty.StringVal("/aws/lambda/orders"))
	q := lookup(t, r, "aws_sqs_queue", "aws_sqs_queue.q")
	name := q.Attr("name").Val
	checkVal(t, "queue name", name, cty.StringVal("orders"))
	if diff := cmp.Diff([]eval.Ref{{Addr: "module.lambda.aws_lambda_function.this", Attr: "function_name"}}, eval.Refs(name)); diff != "" {
		t.Errorf("Refs(name) (-want +got):\n%s", diff)
	}
	// module.other is in .terraform/modules but not in the manifest.
	if diff := cmp.Diff([]string{"aws_sqs_queue.q"}, addrs(r.Instances("aws_sqs_queue"))); diff != "" {
		t.Errorf("Instances (-want +got):\n%s", diff)
	}
	r.Validate()
	checkDiags(t, r, []diag{{hcl.DiagWarning, "Remote module not installed", "main.tf:8,12"}})
}

func TestModuleOutsideTree(t *testing.T) {
	t.Parallel()
	r := srcRoot(t, `module "up" {
  source = "../shared"
}
locals {
  v = module.up.value
}
`)
	v := local(r, "v")
	if v.IsKnown() {
		t.Errorf("local.v = %#v, want unknown", v)
	}
	if diff := cmp.Diff([]string{"module.up"}, eval.Origins(v)); diff != "" {
		t.Errorf("Origins (-want +got):\n%s", diff)
	}
	checkDiags(t, r, []diag{{hcl.DiagWarning, "Module outside the scanned tree", "main.tf:2,12"}})
}

func TestModuleOutputs(t *testing.T) {
	t.Parallel()
	l := mapLoader(map[string]string{
		"main.tf": `module "m" {
  source = "./m"
  n      = 2
}
module "c" {
  source = "./m"
  count  = 2
  n      = count.index
}
locals {
  doubled  = module.m.doubled
  whole    = module.m
  counted  = module.c[1].doubled
  all      = module.c[*].doubled
  no_value = module.m.empty
}
`,
		"m/main.tf": `variable "n" {
  type = number
}
output "doubled" {
  value = var.n * 2
}
output "empty" {
  description = "no value"
}
`,
	})
	tests := []struct {
		name string
		want cty.Value
	}{
		{"doubled", cty.NumberIntVal(4)},
		{"whole", cty.ObjectVal(map[string]cty.Value{"doubled": cty.NumberIntVal(4), "empty": cty.DynamicVal})},
		{"counted", cty.NumberIntVal(2)},
		{"all", cty.TupleVal([]cty.Value{cty.NumberIntVal(0), cty.NumberIntVal(2)})},
		{"no_value", cty.DynamicVal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := newRoot(t, l, ".", eval.Options{})
			checkVal(t, "local."+tt.name, local(r, tt.name), tt.want)
			checkDiags(t, r, nil)
		})
	}
}

func TestModuleUndeclaredOutput(t *testing.T) {
	t.Parallel()
	l := mapLoader(map[string]string{
		"main.tf":   "module \"m\" {\n  source = \"./m\"\n}\nlocals {\n  v = module.m.nope\n}\n",
		"m/main.tf": `output "yes" { value = 1 }`,
	})
	r := newRoot(t, l, ".", eval.Options{})
	if v := local(r, "v"); v.IsKnown() {
		t.Errorf("local.v = %#v, want unknown", v)
	}
	checkDiags(t, r, []diag{{hcl.DiagError, "Unsupported attribute", "main.tf:5,15"}})
}

func TestInstalledModuleDirGone(t *testing.T) {
	t.Parallel()
	l := mapLoader(map[string]string{
		"main.tf":                         "module \"x\" {\n  source = \"org/x/aws\"\n}\n",
		".terraform/modules/modules.json": `{"Modules":[{"Key":"x","Source":"org/x/aws","Dir":".terraform/modules/x"}]}`,
	})
	r := newRoot(t, l, ".", eval.Options{})
	if diff := cmp.Diff([]string{" loaded", "module.x not loaded"}, moduleAddrs(r)); diff != "" {
		t.Errorf("ModuleInstances (-want +got):\n%s", diff)
	}
	checkDiags(t, r, []diag{{hcl.DiagWarning, "Remote module not installed", "main.tf:2,12"}})
}
