package cli_test

import (
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
)

// TestExcludeCalledModule: --exclude of a called module skips the module
// (its resources are not analyzed, the call's outputs are unknown, a note
// says so) instead of failing the scan (issue 16 item 11).
func TestExcludeCalledModule(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf": `module "fn" {
  source = "./modules/fn"
  name   = "x"
}

resource "aws_lambda_function" "f" {
  function_name                  = module.fn.name
  reserved_concurrent_executions = module.fn.reserved
}
`,
		"modules/fn/main.tf": `variable "name" {}
resource "aws_lambda_function" "g" {
  function_name = var.name
}
output "name" { value = var.name }
output "reserved" { value = 5 }
`,
	})
	for _, pattern := range []string{"modules/fn", "modules/**", "modules"} {
		r := spillway(t, envAt(dir), "scan", "--only", "SPW201", "--exclude", pattern, ".")
		if r.code != cli.ExitOK {
			t.Errorf("--exclude %s: exit %d, want 0 (the module is skipped, the output unknown); stdout:\n%s\nstderr:\n%s", pattern, r.code, r.stdout, r.stderr)
		}
		if strings.Contains(r.stdout, "module.fn.aws_lambda_function.g") {
			t.Errorf("--exclude %s: the excluded module is analyzed:\n%s", pattern, r.stdout)
		}
		if !strings.Contains(r.stdout, "note: Module excluded") {
			t.Errorf("--exclude %s: no note says the module was excluded:\n%s", pattern, r.stdout)
		}
		if !strings.Contains(r.stdout, "1 check undetermined") {
			t.Errorf("--exclude %s: the function's reservation is not undetermined (module.fn.reserved is unknown):\n%s", pattern, r.stdout)
		}
	}
}
