package eval_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/parser"
)

func variablesRoot(t *testing.T) *eval.Root {
	t.Helper()
	extra, err := os.ReadFile(filepath.Join("..", "testdata", "eval", "variables", "extra.tfvars"))
	if err != nil {
		t.Fatal(err)
	}
	return fixtureRoot(t, "variables", ".", eval.Options{
		Env: []string{
			"HOME=/root",
			"TF_VAR_env_only=env",
			"TF_VAR_tfvars=env",
			"TF_VAR_cli=env",
			"TF_VAR_num=42",
			`TF_VAR_list=["a", "b"]`,
			"TF_VAR_untyped_raw=[1]",
			"TF_VAR_string_raw=[1]",
			"TF_VAR_=ignored",
			"TF_VAR_noequals",
		},
		Args: []eval.VarArg{
			{Assign: "cli=cli"},
			{Assign: "cli_order=first"},
			{Assign: "cli_file_last=var"},
			{File: parser.ParseVarFile("extra.tfvars", extra)},
			{Assign: "any_raw={a = 1, b = [true]}"},
			{Assign: "undeclared=is ignored"},
		},
	})
}

func TestVariableValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		want cty.Value
	}{
		{"plain", cty.StringVal("default")},
		// environment beats the default
		{"env_only", cty.StringVal("env")},
		// terraform.tfvars beats the environment
		{"tfvars", cty.StringVal("tfvars")},
		// terraform.tfvars.json beats terraform.tfvars
		{"tfvars_json", cty.StringVal("tfvars.json")},
		// *.auto.tfvars in name order beat terraform.tfvars.json:
		// a.auto.tfvars, then b.auto.tfvars
		{"auto", cty.StringVal("b.auto.tfvars")},
		// a.auto.tfvars.json sorts after a.auto.tfvars
		{"auto_order", cty.StringVal("a.auto.tfvars.json")},
		// --var beats every file that is loaded automatically
		{"cli", cty.StringVal("cli")},
		// --var and --var-file apply in command-line order
		{"cli_order", cty.StringVal("extra.tfvars")},
		{"cli_file_last", cty.StringVal("extra.tfvars")},
		// raw strings: converted for primitive types...
		{"num", cty.NumberIntVal(42)},
		// ...parsed as HCL for complex types...
		{"list", cty.ListVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")})},
		{"any_raw", cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": cty.TupleVal([]cty.Value{cty.True})})},
		// ...and taken literally when untyped or a string
		{"untyped_raw", cty.StringVal("[1]")},
		{"string_raw", cty.StringVal("[1]")},
		// optional() attributes get their defaults
		{"obj", cty.ObjectVal(map[string]cty.Value{"name": cty.StringVal("n"), "size": cty.NumberIntVal(5), "tags": cty.MapValEmpty(cty.String)})},
		{"obj_default", cty.ObjectVal(map[string]cty.Value{"name": cty.StringVal("from-default"), "retries": cty.NumberIntVal(3)})},
		{"nested_optional", cty.ListVal([]cty.Value{
			cty.ObjectVal(map[string]cty.Value{"port": cty.NumberIntVal(80), "protocol": cty.StringVal("tcp")}),
			cty.ObjectVal(map[string]cty.Value{"port": cty.NumberIntVal(53), "protocol": cty.StringVal("udp")}),
		})},
		{"set_conv", cty.SetVal([]cty.Value{cty.StringVal("a"), cty.StringVal("b")})},
		{"from_json", cty.MapVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": cty.NumberIntVal(2)})},
		// null given to a non-nullable variable takes the default
		{"not_nullable", cty.StringVal("fallback")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := variablesRoot(t)
			got := r.Module.Var(tt.name)
			if diff := cmp.Diff(tt.want, got, ctyCmp); diff != "" {
				t.Errorf("var.%s (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestVariableUnset(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		want cty.Value
	}{
		{"unset", cty.DynamicVal.Mark(eval.Origin{Expr: "var.unset"})},
		{"unset_typed", cty.UnknownVal(cty.Number).Mark(eval.Origin{Expr: "var.unset_typed"})},
		// A value that does not convert is reported and is unknown.
		{"bad_type", cty.UnknownVal(cty.Number)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := variablesRoot(t)
			got := r.Module.Var(tt.name)
			if diff := cmp.Diff(tt.want, got, ctyCmp); diff != "" {
				t.Errorf("var.%s (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestVariableDiagnostics(t *testing.T) {
	t.Parallel()
	r := variablesRoot(t)
	r.Module.Var("bad_type")
	checkDiags(t, r, []diag{{hcl.DiagError, "Invalid value for input variable", "terraform.tfvars:7,19"}})
}

// TestVariableThroughResource checks that a resource argument sees the
// variable's final value.
func TestVariableThroughResource(t *testing.T) {
	t.Parallel()
	l := mapLoader(map[string]string{
		"main.tf": `variable "timeout" {
  type    = number
  default = 3
}
variable "memory" {}
resource "aws_lambda_function" "f" {
  timeout     = var.timeout
  memory_size = var.memory
}
`,
		"prod.auto.tfvars": "timeout = 45\n",
	})
	r := newRoot(t, l, ".", eval.Options{})
	f := lookup(t, r, "aws_lambda_function", "aws_lambda_function.f")
	if diff := cmp.Diff(cty.NumberIntVal(45), f.Attr("timeout").Val, ctyCmp); diff != "" {
		t.Errorf("timeout (-want +got):\n%s", diff)
	}
	mem := f.Attr("memory_size").Val
	if mem.IsKnown() {
		t.Errorf("memory_size = %#v, want unknown", mem)
	}
	if diff := cmp.Diff([]string{"var.memory"}, eval.Origins(mem)); diff != "" {
		t.Errorf("Origins(memory_size) (-want +got):\n%s", diff)
	}
	if got := eval.Describe(f.Attr("memory_size")); got != "var.memory" {
		t.Errorf("Describe(memory_size) = %q, want var.memory", got)
	}
	checkDiags(t, r, nil)
}

func TestVariableBadInputs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts eval.Options
		want []diag
	}{
		{
			name: "--var without =",
			opts: eval.Options{Args: []eval.VarArg{{Assign: "novalue"}}},
			want: []diag{{hcl.DiagError, "Invalid --var option", ""}},
		},
		{
			name: "unparsable HCL for a complex type",
			opts: eval.Options{Args: []eval.VarArg{{Assign: "l=[1,"}}},
			want: []diag{{hcl.DiagError, "Missing expression", "--var l:1,4"}},
		},
		{
			name: "--var-file that does not parse",
			opts: eval.Options{Args: []eval.VarArg{{File: parser.ParseVarFile("bad.tfvars", []byte("l = [\n"))}}},
			want: []diag{{hcl.DiagError, "Missing expression", "bad.tfvars:2,1"}},
		},
		{
			name: "environment value of the wrong type",
			opts: eval.Options{Env: []string{"TF_VAR_n=many"}},
			want: []diag{{hcl.DiagError, "Invalid value for input variable", "<environment>:0,0"}},
		},
	}
	src := `variable "l" {
  type = list(number)
}
variable "n" {
  type = number
}
`
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := newRoot(t, mapLoader(map[string]string{"main.tf": src}), ".", tt.opts)
			r.Module.Var("l")
			r.Module.Var("n")
			checkDiags(t, r, tt.want)
		})
	}
}

// TestModuleVariables covers variables of called modules: inputs, defaults
// and conversion.
func TestModuleVariables(t *testing.T) {
	t.Parallel()
	l := mapLoader(map[string]string{
		"main.tf": `module "m" {
  source   = "./m"
  given    = "5"
  nullable = null
  strict   = null
}
`,
		"m/main.tf": `variable "given" {
  type = number
}
variable "defaulted" {
  default = "d"
}
variable "nullable" {
  default = "d"
}
variable "strict" {
  default  = "d"
  nullable = false
}
variable "required" {}
`,
	})
	tests := []struct {
		name      string
		want      cty.Value
		wantDiags []diag
	}{
		{"given", cty.NumberIntVal(5), nil},
		{"defaulted", cty.StringVal("d"), nil},
		// null passed to a nullable variable stays null...
		{"nullable", cty.NullVal(cty.DynamicPseudoType), nil},
		// ...but a non-nullable one takes its default.
		{"strict", cty.StringVal("d"), nil},
		{"required", cty.DynamicVal, []diag{{hcl.DiagError, "Missing required argument", "main.tf:1,1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := newRoot(t, l, ".", eval.Options{})
			mods := r.ModuleInstances()
			if len(mods) != 2 {
				t.Fatalf("ModuleInstances = %d, want 2", len(mods))
			}
			if diff := cmp.Diff(tt.want, mods[1].Var(tt.name), ctyCmp); diff != "" {
				t.Errorf("var.%s (-want +got):\n%s", tt.name, diff)
			}
			checkDiags(t, r, tt.wantDiags)
		})
	}
}
