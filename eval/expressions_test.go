package eval_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
)

func TestLocals(t *testing.T) {
	t.Parallel()
	str := cty.StringVal
	tests := []struct {
		name string
		want cty.Value
	}{
		{"c", cty.NumberIntVal(4)},
		{"b", cty.NumberIntVal(2)},
		{"cond", str("yes")},
		{"upper_envs", cty.TupleVal([]cty.Value{str("DEV"), str("PROD")})},
		{"env_lengths", cty.ObjectVal(map[string]cty.Value{"dev": cty.NumberIntVal(3), "prod": cty.NumberIntVal(4)})},
		{"filtered", cty.TupleVal([]cty.Value{str("prod")})},
		{"splat", cty.TupleVal([]cty.Value{str("a"), str("b")})},
		{"greeting", str("hello dev!")},
		{"heredoc", str("env=prod\n")},
		{"directive", str("dev;prod;")},
		{"tried", str("fallback")},
		{"tried_ok", str("b")},
		{"can_ok", cty.True},
		{"can_bad", cty.False},
		{"path_module", str(".")},
		{"path_root", str(".")},
		{"workspace", str("staging")},
		{"child_path", str("modules/child|.")},
		{"index", str("b")},
		{"arith", cty.NumberIntVal(0)},
		{"compare", cty.True},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := fixtureRoot(t, "expressions", ".", eval.Options{Workspace: "staging"})
			if diff := cmp.Diff(tt.want, local(r, tt.name), ctyCmp); diff != "" {
				t.Errorf("local.%s (-want +got):\n%s", tt.name, diff)
			}
		})
	}
	t.Run("conditional on an unknown", func(t *testing.T) {
		t.Parallel()
		r := fixtureRoot(t, "expressions", ".", eval.Options{})
		v := local(r, "cond_unknown")
		if v.IsKnown() {
			t.Errorf("local.cond_unknown = %#v, want unknown", v)
		}
		if diff := cmp.Diff([]string{"var.unknown"}, eval.Origins(v)); diff != "" {
			t.Errorf("Origins (-want +got):\n%s", diff)
		}
	})
	t.Run("no diagnostics", func(t *testing.T) {
		t.Parallel()
		r := fixtureRoot(t, "expressions", ".", eval.Options{})
		for _, n := range []string{"c", "tried", "can_bad", "child_path", "cond_unknown"} {
			local(r, n)
		}
		r.Validate()
		checkDiags(t, r, nil)
	})
}

func TestWorkspaceDefault(t *testing.T) {
	t.Parallel()
	r := srcRoot(t, `locals { w = terraform.workspace }`)
	if diff := cmp.Diff(cty.StringVal("default"), local(r, "w"), ctyCmp); diff != "" {
		t.Errorf("terraform.workspace (-want +got):\n%s", diff)
	}
}

// TestPathModuleFromSubdirectoryRoot checks path.module and path.root
// when the root module is not at the top of the scanned tree.
func TestPathModuleFromSubdirectoryRoot(t *testing.T) {
	t.Parallel()
	l := mapLoader(map[string]string{
		"live/main.tf":      `module "x" { source = "../modules/x" }` + "\nlocals { p = \"${path.module}|${path.root}\" }\n",
		"modules/x/main.tf": `output "p" { value = "${path.module}|${path.root}" }`,
	})
	r := newRoot(t, l, "live", eval.Options{})
	if diff := cmp.Diff(cty.StringVal(".|."), local(r, "p"), ctyCmp); diff != "" {
		t.Errorf("root path (-want +got):\n%s", diff)
	}
	child := r.ModuleInstances()[1]
	if diff := cmp.Diff(cty.StringVal("../modules/x|."), child.Output("p"), ctyCmp); diff != "" {
		t.Errorf("child path (-want +got):\n%s", diff)
	}
}

func TestLocalCycle(t *testing.T) {
	t.Parallel()
	want := []diag{
		{hcl.DiagError, "Cycle in local values", "main.tf:2,3"},
		{hcl.DiagError, "Cycle in local values", "main.tf:4,3"},
	}
	tests := []struct {
		name string
		run  func(r *eval.Root)
		want []diag
	}{
		{
			name: "evaluated from the first member",
			run:  func(r *eval.Root) { local(r, "loop1"); local(r, "self") },
			want: want,
		},
		{
			// The cycle is reported at its first member in source order,
			// whichever member evaluation starts from.
			name: "evaluated from the second member",
			run:  func(r *eval.Root) { local(r, "loop2"); local(r, "self") },
			want: want,
		},
		{
			name: "Validate finds every cycle, used or not",
			run:  func(r *eval.Root) { r.Validate() },
			want: append(append([]diag(nil), want...), diag{hcl.DiagError, "Cycle in local values", "main.tf:10,3"}),
		},
		{
			name: "Validate then evaluation reports each cycle once",
			run: func(r *eval.Root) {
				r.Validate()
				for _, n := range []string{"loop2", "loop1", "self", "unused_c", "uses"} {
					local(r, n)
				}
			},
			want: append(append([]diag(nil), want...), diag{hcl.DiagError, "Cycle in local values", "main.tf:10,3"}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := fixtureRoot(t, "local_cycle", ".", eval.Options{})
			tt.run(r)
			checkDiags(t, r, tt.want)
			for _, n := range []string{"loop1", "loop2", "self"} {
				if v := local(r, n); v.IsKnown() {
					t.Errorf("local.%s = %#v, want unknown", n, v)
				}
			}
			checkVal(t, "local.uses", local(r, "uses"), cty.StringVal("ok"))
		})
	}
}
