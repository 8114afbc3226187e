package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
)

// TestNothingAnalyzedIsAnError: a scan that analyzed no configuration
// file says so on stderr with a hint and exits 2 (issue 16 item 6).
func TestNothingAnalyzedIsAnError(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"vars/terraform.tfvars": "a = 1\n",
		"plan/plan.json":        `{"format_version":"1.2","planned_values":{}}`,
	})
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	env := envAt(dir)
	for path, hint := range map[string]string{
		"empty":                 "the directory is empty",
		"vars":                  "--var-file",
		"vars/terraform.tfvars": "--var-file",
		"plan/plan.json":        "not a plan or state file in JSON",
	} {
		r := spillway(t, env, "scan", path)
		if r.code != cli.ExitError || !strings.Contains(r.stderr, "nothing was analyzed") || !strings.Contains(r.stderr, hint) {
			t.Errorf("scan %s: exit %d, stderr %q (want exit 2 and the hint %q)", path, r.code, r.stderr, hint)
		}
	}
}

// TestBrokenRootIsNotReplacedByItsModules: the modules a root that
// fails to parse calls are not analyzed as roots in its place, and JUnit
// shows the broken root as an error (issue 16 item 6).
func TestBrokenRootIsNotReplacedByItsModules(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"main.tf": `module "w" {
  source = "./modules/w"
}
resource "aws_lambda_function" "f" {
  function_name = "f
}
`,
		"modules/w/main.tf": unreservedFunction,
	})
	env := envAt(dir)
	r := spillway(t, env, "scan", "-f", "json", ".")
	if rep := decode(t, r.stdout); r.code != cli.ExitError || len(rep.Findings) != 0 || len(rep.Errors) == 0 {
		t.Errorf("exit %d, findings %+v: the called module was analyzed as a root", r.code, rep.Findings)
	}
	r = spillway(t, env, "scan", "-f", "junit", ".")
	if strings.Contains(r.stdout, "no findings") || !strings.Contains(r.stdout, `<testsuite name="." tests="`) ||
		!strings.Contains(r.stdout, `errors="0"`) && !strings.Contains(r.stdout, `<error message="Unterminated template string"`) {
		t.Errorf("junit:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, `<testsuite name="." tests="1" failures="0" errors="0"`) {
		t.Errorf("the broken root is a green suite:\n%s", r.stdout)
	}
}
