package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func execIn(t *testing.T, dir string, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func must(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, err := execIn(t, dir, env, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

// hookRepo copies the working tree of this repository (tracked and new
// files, as git sees them) into a fresh git repository with one commit, so
// pre-commit can install the hook from exactly the code under test.
func hookRepo(t *testing.T, env []string) (dir, rev string) {
	t.Helper()
	src := repoRoot(t)
	files := must(t, src, env, "git", "ls-files", "--cached", "--others", "--exclude-standard", "-z")
	dir = t.TempDir()
	for _, f := range strings.Split(files, "\x00") {
		if f == "" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			continue // deleted but still in the index
		}
		dst := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	must(t, dir, env, "git", "init", "-q")
	must(t, dir, env, "git", "add", "-A")
	must(t, dir, env, "git", "commit", "-q", "-m", "spillway under test")
	return dir, strings.TrimSpace(must(t, dir, env, "git", "rev-parse", "HEAD"))
}

const goodTF = `resource "aws_lambda_function" "api" {
  function_name                  = "api"
  reserved_concurrent_executions = 20
}
`

// badTF adds a function behind an IAM-authenticated URL without reserved
// concurrency: SPW201 at medium, the severity of an authenticated path.
const badTF = goodTF + `
resource "aws_lambda_function" "worker" {
  function_name = "worker"
}

resource "aws_lambda_function_url" "worker" {
  function_name      = aws_lambda_function.worker.function_name
  authorization_type = "AWS_IAM"
}
`

// TestPreCommit installs the hook from this repository with Debian's
// pre-commit and runs it on a temporary repository: a bad change fails and
// prints the finding; with the fix committed it passes. It builds spillway
// offline from the local module cache.
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds spillway inside pre-commit; skipped with -short")
	}
	for _, tool := range []string{"pre-commit", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is unavailable (Debian: apt-get install -y pre-commit); .ci/run installs it", tool)
		}
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+t.TempDir(),
		"GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local",
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com",
		"NO_COLOR=1",
	)
	hook, rev := hookRepo(t, env)

	repo := t.TempDir()
	must(t, repo, env, "git", "init", "-q")
	config := "repos:\n- repo: " + hook + "\n  rev: " + rev + "\n  hooks:\n  - id: spillway\n    args: [--min-severity, medium]\n"
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(repo, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(".pre-commit-config.yaml", config)
	write("main.tf", goodTF)
	must(t, repo, env, "git", "add", "-A")
	must(t, repo, env, "git", "commit", "-q", "-m", "good")

	write("main.tf", badTF)
	must(t, repo, env, "git", "add", "main.tf")
	out, err := execIn(t, repo, env, "pre-commit", "run", "--files", "main.tf")
	if err == nil {
		t.Fatalf("pre-commit passed on a bad change:\n%s", out)
	}
	if !strings.Contains(out, "SPW201") || !strings.Contains(out, "aws_lambda_function.worker") {
		t.Fatalf("pre-commit failed without printing the finding:\n%s", out)
	}

	write("main.tf", goodTF+`
resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  reserved_concurrent_executions = 5
}
`)
	must(t, repo, env, "git", "add", "main.tf")
	must(t, repo, env, "git", "commit", "-q", "-m", "fix")
	if out, err := execIn(t, repo, env, "pre-commit", "run", "--all-files"); err != nil {
		t.Fatalf("pre-commit fails on the fixed repository: %v\n%s", err, out)
	}
}
