package cli_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/spillway-iac/spillway/internal/cli"
)

// TestFlagValidation: bad values and combinations that make no sense are
// usage errors (exit 2, one clear line) reported before anything is read:
// the scanned path, the config file and the variable files do not exist,
// so reading any of them would give another message.
func TestFlagValidation(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	env := cli.Env{Cwd: dir, Environ: []string{}, IsTerminal: func(io.Writer) bool { return false }}
	missing := []string{"--config", "missing.hcl", "--var-file", "missing.tfvars", "--baseline", "missing.json", "does-not-exist"}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"diff and fix", []string{"--diff", "--fix"}, "--diff and --fix cannot be combined"},
		{"diff and a report on stdout", []string{"--diff", "-f", "json"}, "--diff prints the diff on stdout instead of the report, so --format json has nowhere to go"},
		{"enable and disable one rule", []string{"--enable", "SPW201", "--disable", "SPW201"}, "--enable SPW201 and --disable SPW201 contradict each other"},
		{"only and disable one rule", []string{"--only", "SPW101,SPW201", "--disable", "SPW201"}, "--only SPW201 and --disable SPW201 contradict each other"},
		{"unknown rule", []string{"--disable", "SPW999"}, `--disable: unknown rule "SPW999"`},
		{"two reports to one file", []string{"-f", "json=out.txt", "-f", "sarif=./out.txt"}, "the json and sarif reports would both be written to ./out.txt"},
		{"output with nothing to write", []string{"-f", "json=a.json", "-o", "b.txt"}, "--output b.txt: every --format names its own file"},
		{"two formats on stdout", []string{"-f", "json", "-f", "text"}, "only one format can go to stdout"},
		{"unknown format", []string{"-f", "yaml"}, "--format"},
		{"zero jobs", []string{"-j", "0"}, "--jobs 0: at least one job is needed"},
		{"negative timeout", []string{"--timeout", "-1s"}, "--timeout -1s: the limit cannot be negative"},
		{"zero file size", []string{"--max-file-size", "0"}, "--max-file-size 0: the limit must be at least one byte"},
		{"bad min severity", []string{"--min-severity", "urgent"}, "--min-severity"},
		{"bad fail-on", []string{"--fail-on", "urgent"}, "--fail-on"},
		{"bad exclude", []string{"--exclude", "a/[b"}, "invalid --exclude pattern"},
		{"path outside root", []string{"--root", "sub", "other"}, "other is outside --root sub"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			args := append(append([]string{"scan"}, c.args...), missing...)
			if c.name == "path outside root" {
				args = append([]string{"scan"}, c.args...)
			}
			r := spillway(t, env, args...)
			if r.code != cli.ExitError {
				t.Errorf("exit %d, want 2", r.code)
			}
			if !strings.HasPrefix(r.stderr, "spillway: ") || !strings.Contains(r.stderr, c.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("stderr %q, want one line with %q", r.stderr, c.want)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
		})
	}
}

// TestDiffWithReportFiles: --diff keeps the reports written to files, with
// FORMAT=FILE or --output, and writes no other file.
func TestDiffWithReportFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), "testdata", "examples", "shop"), dir)
	env := cli.Env{Cwd: dir, Environ: []string{}, IsTerminal: func(io.Writer) bool { return false }}
	r := spillway(t, env, "scan", "--diff", "-f", "json=report.json", "-f", "text", "-o", "report.txt", ".")
	if r.code != cli.ExitFindings || !strings.Contains(r.stdout, "+++ b/main.tf") {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	for _, name := range []string{"report.json", "report.txt"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || len(b) == 0 {
			t.Errorf("%s: %v, %d bytes", name, err, len(b))
		}
	}
}

// slowRoot evaluates for about a second before the evaluation budget
// stops it (10^6 iterations of nested for expressions).
const slowRoot = `
locals {
  n = range(1000)
  v = [for a in local.n : [for b in local.n : b if b < 0]]
}
resource "aws_lambda_function" "slow" {
  function_name                  = "slow"
  reserved_concurrent_executions = length(local.v)
}
`

// settle waits for the goroutines started since baseline was counted to
// end, and fails with their stacks if some are still running.
func settle(t *testing.T, baseline int) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > baseline {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("%d goroutines still running, %d before the scan:\n%s", runtime.NumGoroutine(), baseline, buf)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestTimeout: --timeout stops the analysis of a root module that runs
// past it, reports it as an error (exit 2) and still reports the other
// root module, and the scan leaves no goroutine running. Not parallel:
// it counts goroutines.
func TestTimeout(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"slow/main.tf": slowRoot,
		"ok/main.tf":   `resource "aws_lambda_function" "f" { function_name = "f" }` + "\n",
	})
	env := cli.Env{Cwd: dir, Environ: []string{}}
	baseline := runtime.NumGoroutine()
	start := time.Now()
	r := spillway(t, env, "scan", "-f", "json", "--only", "SPW201", "--timeout", "200ms", "-j", "2", ".")
	if d := time.Since(start); d > 2*time.Second*raceFactor {
		t.Errorf("the scan took %s with --timeout 200ms", d)
	}
	if r.code != cli.ExitError {
		t.Errorf("exit %d, want 2; stderr:\n%s", r.code, r.stderr)
	}
	rep := decode(t, r.stdout)
	if len(rep.Errors) != 1 || rep.Errors[0].Summary != "Analysis timed out" || rep.Errors[0].File != "slow" {
		t.Errorf("errors %+v, want one timeout of slow", rep.Errors)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].File != "ok/main.tf" {
		t.Errorf("findings %+v, want the one of ok/main.tf", rep.Findings)
	}
	settle(t, baseline)
}

// TestInterrupt: canceling the context (what Ctrl-C does through
// cli.Run) stops a scan that would otherwise run for a second, with exit
// code 2, no report, and no goroutine left running. Not parallel: it
// counts goroutines.
func TestInterrupt(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"main.tf": slowRoot})
	env := cli.Env{Cwd: dir, Environ: []string{}}
	baseline := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(100*time.Millisecond, cancel)
	var out, errOut bytes.Buffer
	start := time.Now()
	code := cli.RunEnv(ctx, []string{"scan", "--timeout", "0", "."}, strings.NewReader(""), &out, &errOut, env)
	if d := time.Since(start); d > time.Second*raceFactor {
		t.Errorf("the scan took %s after a cancel at 100ms", d)
	}
	if code != cli.ExitError || out.Len() != 0 || !strings.Contains(errOut.String(), "spillway: scan stopped (context canceled); nothing reported") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	settle(t, baseline)
}
