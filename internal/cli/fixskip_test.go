package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
)

// TestFixSkipsWhatIsNotReported: --fix and --diff never touch a finding
// that is suppressed (inline or by the baseline) or excluded by --only,
// --disable or --min-severity, and say on stderr what they changed and
// what they skipped, in every case (issue 16 item 1).
func TestFixSkipsWhatIsNotReported(t *testing.T) {
	t.Parallel()
	src := `# spillway:ignore SPW201 reason="batch job"
resource "aws_lambda_function" "a" {
  function_name = "a"
}

resource "aws_lambda_function" "b" {
  function_name = "b"
}

resource "aws_lambda_function" "c" {
  function_name = "c"
}
`
	dir := writeTree(t, map[string]string{"main.tf": src})
	env := envAt(dir)
	read := func() string {
		b, err := os.ReadFile(filepath.Join(dir, "main.tf"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// Nothing to fix below --min-severity high: said, nothing written.
	r := spillway(t, env, "scan", "--diff", "--min-severity", "high", ".")
	if r.stdout != "" || !strings.Contains(r.stderr, "no fix to apply") || !strings.Contains(r.stderr, "skipped: SPW201 aws_lambda_function.b (main.tf:6): below --min-severity") {
		t.Errorf("--diff --min-severity high: stdout %q, stderr %q", r.stdout, r.stderr)
	}
	// --disable: the rule's findings are not fixed, and that is said.
	r = spillway(t, env, "scan", "--fix", "--disable", "SPW201", ".")
	if read() != src || !strings.Contains(r.stderr, "no fix to apply") || !strings.Contains(r.stderr, "rules not run") {
		t.Errorf("--fix --disable SPW201 changed the file or said nothing: %q", r.stderr)
	}
	// Baseline a and b (before c exists), then fix: only c changes.
	withoutC, _, _ := strings.Cut(src, "\nresource \"aws_lambda_function\" \"c\"")
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(withoutC), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := spillway(t, env, "scan", "--only", "SPW201", "--write-baseline", "bl.json", "."); r.code != cli.ExitOK {
		t.Fatalf("write-baseline: %d %s", r.code, r.stderr)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r = spillway(t, env, "scan", "--fix", "--only", "SPW201", "--baseline", "bl.json", ".")
	got := read()
	if !strings.Contains(got, "resource \"aws_lambda_function\" \"a\" {\n  function_name = \"a\"\n}") ||
		!strings.Contains(got, "resource \"aws_lambda_function\" \"b\" {\n  function_name = \"b\"\n}") ||
		!strings.Contains(got, "reserved_concurrent_executions = 10") {
		t.Errorf("--fix touched a suppressed block or fixed nothing:\n%s\nstderr: %s", got, r.stderr)
	}
	for _, want := range []string{
		"fixed 1 finding in 1 file",
		"fixed: SPW201 aws_lambda_function.c (main.tf:10)",
		"skipped: SPW201 aws_lambda_function.a (main.tf:2): suppressed inline: batch job",
		"skipped: SPW201 aws_lambda_function.b (main.tf:6): suppressed by the baseline",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}
