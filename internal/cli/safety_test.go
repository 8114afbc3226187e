package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
)

// writeTree writes files under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
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

// TestFixEditsAFileReachableUnderTwoNamesOnce: a directory linked inside
// the tree makes main.tf readable under two names; --fix edits it once
// and leaves a file that parses, instead of applying the edit twice at
// stale offsets.
func TestFixEditsAFileReachableUnderTwoNamesOnce(t *testing.T) {
	dir := writeTree(t, map[string]string{"app/main.tf": unreservedFunction})
	if err := os.Symlink("app", filepath.Join(dir, "alias")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"scan", "--fix", "."}, {"scan", "--fix", "app", "alias"}, {"scan", "--fix", "app", "app"}} {
		if err := os.WriteFile(filepath.Join(dir, "app", "main.tf"), []byte(unreservedFunction), 0o644); err != nil {
			t.Fatal(err)
		}
		r := spillway(t, envAt(dir), args...)
		got, err := os.ReadFile(filepath.Join(dir, "app", "main.tf"))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(got), "reserved_concurrent_executions"); n != 1 {
			t.Fatalf("%v: %d insertions (exit %d, stderr %s):\n%s", args, n, r.code, r.stderr, got)
		}
		// Aligned as terraform fmt aligns (issue 16 item 2).
		if !strings.Contains(string(got), "  runtime                        = \"python3.12\"\n") {
			t.Fatalf("%v: the file was corrupted:\n%s", args, got)
		}
		if st, err := os.Lstat(filepath.Join(dir, "alias")); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("%v: the link was replaced", args)
		}
	}
}

// TestConfigSymlinkOutOfTreeIsNotFollowed: a committed .spillway.hcl
// linking to a file outside its directory is refused (its keys are never
// printed), one linking to /dev/zero fails at once, and init --force does
// not overwrite the link's outside target.
func TestConfigSymlinkOutOfTreeIsNotFollowed(t *testing.T) {
	outside := writeTree(t, map[string]string{"secret.hcl": "secret_key_xyz = 1\n"})
	secret := filepath.Join(outside, "secret.hcl")
	for _, target := range []string{secret, "/dev/zero"} {
		dir := writeTree(t, map[string]string{"main.tf": unreservedFunction})
		if err := os.Symlink(target, filepath.Join(dir, ".spillway.hcl")); err != nil {
			t.Fatal(err)
		}
		r := spillway(t, envAt(dir), "scan", ".")
		if r.code != cli.ExitError || strings.Contains(r.stderr+r.stdout, "secret_key_xyz") {
			t.Fatalf("%s: exit %d\n%s%s", target, r.code, r.stdout, r.stderr)
		}
		if target == secret {
			r = spillway(t, envAt(dir), "init", "--force")
			if r.code != cli.ExitError {
				t.Fatalf("init --force through an outside link: exit %d %s", r.code, r.stderr)
			}
			if b, _ := os.ReadFile(secret); string(b) != "secret_key_xyz = 1\n" {
				t.Fatalf("the outside file was overwritten: %q", b)
			}
		}
	}
}

// TestSpecialFilesAreNotReplaced: -o /dev/null writes to the device and
// leaves it a device; a FIFO given as --var-file is refused without
// blocking.
func TestSpecialFilesAreNotReplaced(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": unreservedFunction})
	if _, err := os.Stat("/dev/null"); err == nil {
		r := spillway(t, envAt(dir), "scan", "--soft-fail", "-o", "/dev/null", ".")
		if r.code != cli.ExitOK {
			t.Fatalf("-o /dev/null: exit %d %s", r.code, r.stderr)
		}
		if st, err := os.Lstat("/dev/null"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("/dev/null is no longer a device")
		}
	}
	fifo := filepath.Join(dir, "vars.tfvars")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	r := spillway(t, envAt(dir), "scan", "--var-file", "vars.tfvars", ".")
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "not a regular file") {
		t.Fatalf("FIFO var file: exit %d %s", r.code, r.stderr)
	}
}

// failingWriter fails every write, as stdout redirected to /dev/full.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// TestDiffWriteErrorExits2: --diff whose output cannot be written exits 2
// with a message instead of 1 in silence.
func TestDiffWriteErrorExits2(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": unreservedFunction})
	var errOut strings.Builder
	code := cli.RunEnv(context.Background(), []string{"scan", "--diff", "."}, strings.NewReader(""), failingWriter{}, &errOut, envAt(dir))
	if code != cli.ExitError || !strings.Contains(errOut.String(), "diff") {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
}

// TestJobsAreClamped: an absurd -j is clamped, not a thousand goroutines
// each holding a root module.
func TestJobsAreClamped(t *testing.T) {
	dir := writeTree(t, map[string]string{"main.tf": unreservedFunction})
	r := spillway(t, envAt(dir), "scan", "--soft-fail", "-j", "100000000", ".")
	if r.code != cli.ExitOK {
		t.Fatalf("exit %d %s", r.code, r.stderr)
	}
}
