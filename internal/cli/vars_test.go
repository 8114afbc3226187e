package cli_test

import (
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
)

// TestVarProblemsAreUsageErrors: --var and --var-file problems are usage
// errors reported before the scan, with their source (issue 16 item 7).
func TestVarProblemsAreUsageErrors(t *testing.T) {
	t.Parallel()
	env := configTree(t, "", map[string]string{
		"main.tf": `variable "reserved" {
  type = number
}
variable "names" {
  type = list(string)
}
resource "aws_lambda_function" "f" {
  function_name                  = "f"
  reserved_concurrent_executions = var.reserved
}
`,
		"bad-syntax.tfvars": "reserved = \n",
		"unknown.tfvars":    "reserved = 1\nreservd = 2\n",
		"type.tfvars":       "names = 3\nreserved = \"lots\"\n",
		"good.tfvars":       "reserved = 5\nnames = [\"a\"]\n",
	})
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--var", "reserved"}, []string{`--var "reserved" is not NAME=VALUE`}},
		{[]string{"--var", "=3"}, []string{`--var "=3" is not NAME=VALUE`}},
		{[]string{"--var", "reservd=3"}, []string{`--var reservd=3: no root module declares a variable "reservd" (declared: names, reserved)`}},
		{[]string{"--var", "reserved=many"}, []string{"--var reserved=many:", `variable "reserved" (main.tf:1:1) is of type number`}},
		{[]string{"--var", "names=[1"}, []string{"--var names=[1:"}},
		{[]string{"--var-file", "bad-syntax.tfvars"}, []string{"--var-file bad-syntax.tfvars: bad-syntax.tfvars:1:"}},
		{[]string{"--var-file", "unknown.tfvars"}, []string{`unknown.tfvars:2:1: no root module declares a variable "reservd"`}},
		{[]string{"--var-file", "type.tfvars"}, []string{`type.tfvars:1:1: variable "names" (main.tf:4:1) is of type list(string): list of string required`}},
		{[]string{"--var-file", "missing.tfvars"}, []string{"--var-file missing.tfvars:"}},
	}
	for _, tt := range tests {
		r := spillway(t, env, append(append([]string{"scan", "-f", "json"}, tt.args...), ".")...)
		if r.code != cli.ExitError || r.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q (want a usage error before the scan)", tt.args, r.code, r.stdout)
		}
		for _, w := range tt.want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%q: stderr %q lacks %q", tt.args, r.stderr, w)
			}
		}
	}
	for _, args := range [][]string{{"--var-file", "good.tfvars"}, {"--var", "reserved=5", "--var", `names=["a"]`}} {
		if r := spillway(t, env, append(append([]string{"scan", "--only", "SPW201"}, args...), ".")...); r.code != cli.ExitOK {
			t.Errorf("%q: exit %d %s", args, r.code, r.stderr)
		}
	}
}
