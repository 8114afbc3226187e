package cli_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
)

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o750)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func fingerprints(t *testing.T, env cli.Env, args ...string) map[string]bool {
	t.Helper()
	rep := spillway(t, env, append([]string{"scan", "-f", "json"}, args...)...)
	var out struct {
		Findings []struct {
			RuleID   string `json:"rule_id"`
			Resource string `json:"resource"`
		} `json:"findings"`
	}
	decodeInto(t, rep.stdout, &out)
	got := map[string]bool{}
	for _, f := range out.Findings {
		got[f.RuleID+" "+f.Resource] = true
	}
	return got
}

// TestDiffAndFix: --diff prints the edits and writes nothing; --fix writes
// them, and a new scan no longer reports the fixed findings.
func TestDiffAndFix(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), "testdata", "examples", "shop"), dir)
	env := cli.Env{Cwd: dir, Environ: []string{}, IsTerminal: func(io.Writer) bool { return false }}
	before, err := os.ReadFile(filepath.Join(dir, "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	r := spillway(t, env, "scan", "--diff", ".")
	if !strings.Contains(r.stdout, "+++ b/main.tf") || !strings.Contains(r.stdout, "+  reserved_concurrent_executions = 10") {
		t.Fatalf("--diff output:\n%s", r.stdout)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "main.tf")); string(after) != string(before) {
		t.Fatal("--diff changed a file")
	}
	fixable := []string{
		"SPW201 aws_lambda_function.invoice_parser",
		"SPW201 aws_lambda_function.orders_api",
		"SPW107 aws_lambda_event_source_mapping.clicks",
		`SPW204 module.workers["emails"].aws_lambda_event_source_mapping.jobs`,
	}
	got := fingerprints(t, env, ".")
	for _, k := range fixable {
		if !got[k] {
			t.Fatalf("before the fix, %s is not reported", k)
		}
	}
	r = spillway(t, env, "scan", "--fix", ".")
	if !strings.Contains(r.stderr, "fixed") {
		t.Errorf("--fix did not say what it fixed: %q", r.stderr)
	}
	got = fingerprints(t, env, ".")
	for _, k := range fixable {
		if got[k] {
			t.Errorf("after --fix, %s is still reported", k)
		}
	}
	if !got["SPW101 aws_lambda_function.invoice_parser"] {
		t.Error("a finding without a mechanical fix disappeared")
	}
}
