package checker_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// sharedTree has a module called by three root modules: two leave the
// function without reserved concurrency, the third passes it.
func sharedTree(directive string) map[string]string {
	return map[string]string{
		"modules/fn/main.tf": `variable "reserved" {
  type    = number
  default = null
}
` + directive + `resource "aws_lambda_function" "this" {
  function_name                  = "fn"
  reserved_concurrent_executions = var.reserved
}
`,
		"examples/a/main.tf": "module \"fn\" {\n  source = \"../../modules/fn\"\n}\n",
		"examples/b/main.tf": "module \"fn\" {\n  source = \"../../modules/fn\"\n}\n",
		"examples/c/main.tf": "module \"fn\" {\n  source   = \"../../modules/fn\"\n  reserved = 10\n}\n",
	}
}

// TestSharedModuleIsOneFinding: the finding on a module block that two
// root modules reach (the third passes the input and is no instance) is
// one finding with both roots' instances, whatever the scan order, and
// its fingerprint does not depend on the roots.
func TestSharedModuleIsOneFinding(t *testing.T) {
	t.Parallel()
	opts := checker.Options{Rules: []*lint.Rule{rules.SPW201}, Jobs: 2}
	res, err := checker.RunFS(context.Background(), tree(sharedTree("")), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 {
		t.Fatalf("got %d findings, want 1: %+v", len(res.Findings), res.Findings)
	}
	f := res.Findings[0]
	want := []lint.Instance{
		{Root: "examples/a", Address: "module.fn.aws_lambda_function.this"},
		{Root: "examples/b", Address: "module.fn.aws_lambda_function.this"},
	}
	if diff := cmp.Diff(want, f.RootInstances); diff != "" {
		t.Errorf("instances (-want +got):\n%s", diff)
	}
	if f.Range.Filename != "modules/fn/main.tf" || f.Fingerprint != lint.Fingerprint("SPW201", "aws_lambda_function.this", "modules/fn/main.tf") {
		t.Errorf("finding at %s with fingerprint %s", f.Range, f.Fingerprint)
	}
	if len(f.Related) != 2 {
		t.Errorf("related %+v, want one caller chain per root module", f.Related)
	}
	// With --all-dirs the module is also a root of its own: three roots.
	opts.AllDirs = true
	res, err = checker.RunFS(context.Background(), tree(sharedTree("")), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || len(res.Findings[0].RootInstances) != 3 {
		t.Errorf("--all-dirs: %d findings, want one with three instances: %+v", len(res.Findings), res.Findings)
	}
}

// TestSharedModuleSuppressedOnce: a directive at the shared block
// suppresses the merged finding for every root module, and is not
// reported as unused.
func TestSharedModuleSuppressedOnce(t *testing.T) {
	t.Parallel()
	opts := checker.Options{Rules: []*lint.Rule{rules.SPW201}, Jobs: 2}
	res, err := checker.RunFS(context.Background(), tree(sharedTree("# spillway:ignore SPW201 reason=\"bounded by the caller\"\n")), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || !res.Findings[0].Suppressed || len(res.Findings[0].RootInstances) != 2 {
		t.Errorf("got %+v, want one suppressed finding with two instances", res.Findings)
	}
}
