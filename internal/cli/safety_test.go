package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
)

// writeTree writes files under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func envAt(dir string) cli.Env {
	return cli.Env{Cwd: dir, Environ: []string{}}
}

const unreservedFunction = `resource "aws_lambda_function" "f" {
  function_name = "f"
  runtime       = "python3.12"
}
`

// TestMissingPathAmongSeveralIsAnErrorEntry: a missing PATH beside a
// readable one is an error entry (exit 2) and the readable one is still
// scanned and reported.
func TestMissingPathAmongSeveralIsAnErrorEntry(t *testing.T) {
	dir := writeTree(t, map[string]string{"app/main.tf": unreservedFunction})
	r := spillway(t, envAt(dir), "scan", "--format", "json", "app", "missing")
	if r.code != cli.ExitError {
		t.Fatalf("exit %d, want 2\n%s", r.code, r.stderr)
	}
	rep := decode(t, r.stdout)
	if len(rep.Findings) == 0 {
		t.Fatalf("the readable path was not reported: %s", r.stdout)
	}
	found := false
	for _, e := range rep.Errors {
		if e.File == "missing" && e.Summary == "Path not scanned" {
			found = true
		}
	}
	if !found {
		t.Fatalf("no error entry for the missing path: %+v", rep.Errors)
	}
}

// TestStderrNamesAreSanitized: a name from a file that holds a newline
// and a workflow command does not start a line of stderr with "::" (a
// committed baseline entry could forge a GitHub annotation otherwise).
func TestStderrNamesAreSanitized(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"main.tf":       unreservedFunction,
		"baseline.json": `{"version": 1, "findings": [{"rule_id": "SPW201", "resource": "x\n::error file=main.tf,line=1::forged"}]}`,
	})
	r := spillway(t, envAt(dir), "scan", "--baseline", "baseline.json", ".")
	if r.code != cli.ExitError {
		t.Fatalf("exit %d, want 2\n%s", r.code, r.stderr)
	}
	for _, line := range strings.Split(r.stderr, "\n") {
		if strings.HasPrefix(line, "::") {
			t.Fatalf("forged annotation on stderr:\n%s", r.stderr)
		}
	}
}
