package cli_test

import (
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
)

// TestShowSuppressedAndQuiet: text hides suppressed findings and counts
// them; --show-suppressed prints them; --quiet prints only the findings
// (issue 16 item 8).
func TestShowSuppressedAndQuiet(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": unreservedFunction + `
# spillway:ignore SPW201 reason="bounded by the scheduler"
resource "aws_lambda_function" "batch" {
  function_name = "batch"
}
`})
	env := envAt(dir)
	r := spillway(t, env, "scan", "--only", "SPW201", ".")
	if r.code != cli.ExitFindings {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, "aws_lambda_function.batch") || !strings.Contains(r.stdout, "1 suppressed") {
		t.Errorf("default text prints the suppressed finding or does not count it:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "more: spillway explain SPW201; fixable:") {
		t.Errorf("the finding does not end with how to learn more and whether it is fixable:\n%s", r.stdout)
	}
	r = spillway(t, env, "scan", "--only", "SPW201", "--show-suppressed", ".")
	if !strings.Contains(r.stdout, "aws_lambda_function.batch") {
		t.Errorf("--show-suppressed does not print the suppressed finding (exit %d):\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = spillway(t, env, "scan", "--only", "SPW201", "--quiet", ".")
	if r.code != cli.ExitFindings || strings.Contains(r.stdout, "root module") || !strings.Contains(r.stdout, "SPW201") {
		t.Errorf("--quiet: exit %d, want only the findings:\n%s%s", r.code, r.stdout, r.stderr)
	}
}
