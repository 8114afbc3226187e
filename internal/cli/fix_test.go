package cli_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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

// TestFixInstalledModuleCall: a finding inside a module terraform init
// installed (.terraform/modules) is reported at the caller's module block
// with the resource as a related location, and its fix sets the input on
// the call: --fix edits only main.tf, never the vendored copy, and a new
// scan no longer reports it. The caller that chose -1 itself keeps its
// finding, at the argument, without a fix.
func TestFixInstalledModuleCall(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), "testdata", "rules", "SPW201", "bad_installed_module"), dir)
	env := cli.Env{Cwd: dir, Environ: []string{}, IsTerminal: func(io.Writer) bool { return false }}
	vendored := filepath.Join(dir, ".terraform", "modules", "lambda", "main.tf")
	before, err := os.ReadFile(vendored)
	if err != nil {
		t.Fatal(err)
	}
	rep := spillway(t, env, "scan", "--only", "SPW201", "-f", "json", "--soft-fail", ".")
	var out struct {
		Findings []struct {
			Resource  string `json:"resource"`
			File      string `json:"file"`
			StartLine int    `json:"start_line"`
			Related   []struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"related"`
		} `json:"findings"`
	}
	decodeInto(t, rep.stdout, &out)
	var got []string
	for _, f := range out.Findings {
		rel := ""
		if len(f.Related) > 0 {
			rel = fmt.Sprintf("%s:%d", f.Related[0].File, f.Related[0].Line)
		}
		got = append(got, fmt.Sprintf("%s %s:%d related %s", f.Resource, f.File, f.StartLine, rel))
	}
	want := []string{
		"module.lambda_function.aws_lambda_function.this[0] main.tf:4 related .terraform/modules/lambda/main.tf:16",
		"module.worker.aws_lambda_function.this[0] main.tf:10 related .terraform/modules/lambda/main.tf:16",
		"module.explicit.aws_lambda_function.this[0] main.tf:21 related .terraform/modules/lambda/main.tf:16",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("findings (-want +got):\n%s", diff)
	}
	r := spillway(t, env, "scan", "--only", "SPW201", "--diff", ".")
	if !strings.Contains(r.stdout, "+++ b/main.tf") || !strings.Contains(r.stdout, "reserved_concurrent_executions = 10") || strings.Contains(r.stdout, "+++ b/.terraform") {
		t.Fatalf("--diff output:\n%s", r.stdout)
	}
	sarif := spillway(t, env, "scan", "--only", "SPW201", "-f", "sarif", "--soft-fail", ".")
	var log struct {
		Runs []struct {
			Results []struct {
				Fixes []struct {
					ArtifactChanges []struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"artifactChanges"`
				} `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	decodeInto(t, sarif.stdout, &log)
	var uris []string
	for _, res := range log.Runs[0].Results {
		for _, fx := range res.Fixes {
			for _, c := range fx.ArtifactChanges {
				uris = append(uris, c.ArtifactLocation.URI)
			}
		}
	}
	if diff := cmp.Diff([]string{"main.tf", "main.tf"}, uris); diff != "" {
		t.Errorf("SARIF fixes edit (-want +got):\n%s", diff)
	}
	spillway(t, env, "scan", "--only", "SPW201", "--fix", "--soft-fail", ".")
	if after, _ := os.ReadFile(vendored); string(after) != string(before) {
		t.Fatal("--fix edited the vendored module")
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "main.tf"))
	if n := strings.Count(string(fixed), "reserved_concurrent_executions = 10"); n != 2 {
		t.Errorf("main.tf after --fix sets the input %d times, want 2:\n%s", n, fixed)
	}
	left := fingerprints(t, env, "--only", "SPW201", "--soft-fail", ".")
	if diff := cmp.Diff(map[string]bool{"SPW201 module.explicit.aws_lambda_function.this[0]": true}, left); diff != "" {
		t.Errorf("after --fix (-want +got):\n%s", diff)
	}
}
