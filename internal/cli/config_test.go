package cli_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
)

// configTree makes a scan tree with a config file and returns its env.
func configTree(t *testing.T, cfg string, files map[string]string) cli.Env {
	t.Helper()
	dir := writeTree(t, files)
	if cfg != "" {
		if err := os.WriteFile(filepath.Join(dir, ".spillway.hcl"), []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return cli.Env{Cwd: dir, Environ: []string{}, IsTerminal: func(io.Writer) bool { return false }}
}

const twoFunctions = `
resource "aws_lambda_function" "a" {
  function_name                  = "a"
  reserved_concurrent_executions = 600
}
resource "aws_lambda_function" "b" {
  function_name                  = "b"
  reserved_concurrent_executions = 400
}
resource "aws_lambda_function" "c" {
  function_name = "c"
}
`

type finding struct {
	RuleID   string `json:"rule_id"`
	Severity string `json:"severity"`
	Resource string `json:"resource"`
	File     string `json:"file"`
}

func scanFindings(t *testing.T, env cli.Env, args ...string) (map[string]finding, run) {
	t.Helper()
	r := spillway(t, env, append([]string{"scan", "-f", "json"}, args...)...)
	var out struct {
		Findings []finding `json:"findings"`
	}
	if r.code == cli.ExitError {
		return nil, r
	}
	decodeInto(t, r.stdout, &out)
	m := map[string]finding{}
	for _, f := range out.Findings {
		m[f.RuleID+" "+f.Resource] = f
	}
	return m, r
}

func TestConfigFile(t *testing.T) {
	files := map[string]string{
		"main.tf":        twoFunctions,
		"legacy/main.tf": `resource "aws_lambda_function" "old" { function_name = "old" }`,
		"svc/main.tf":    `resource "aws_lambda_function" "svc" { function_name = "svc" }`,
	}

	env := configTree(t, "", files)
	got, _ := scanFindings(t, env, ".")
	if _, ok := got["SPW203 aws_lambda_function.b"]; !ok {
		t.Fatalf("without a config, SPW203 must fire (600 + 400 > 900): %v", got)
	}
	if _, ok := got["SPW201 aws_lambda_function.old"]; !ok {
		t.Fatal("without a config, legacy/ is scanned")
	}

	env = configTree(t, `
exclude = ["legacy/**"]
settings {
  account_concurrency_limit = 3000
}
rule "SPW501" {
  enabled = false
}
rule "SPW201" {
  severity = "high"
}
rule "SPW505" {
  enabled = true
}
`, files)
	got, _ = scanFindings(t, env, ".")
	if _, ok := got["SPW203 aws_lambda_function.b"]; ok {
		t.Error("account_concurrency_limit = 3000 did not raise the SPW203 limit")
	}
	if _, ok := got["SPW201 aws_lambda_function.old"]; ok {
		t.Error("exclude did not exclude legacy/")
	}
	if f := got["SPW201 aws_lambda_function.c"]; f.Severity != "high" {
		t.Errorf("SPW201 severity = %q, want high from the config", f.Severity)
	}
	for k := range got {
		if strings.HasPrefix(k, "SPW501 ") {
			t.Errorf("SPW501 is disabled in the config but reported: %s", k)
		}
	}
	if _, ok := got["SPW505 aws_lambda_function.a"]; !ok {
		t.Error("SPW505 is enabled in the config but not reported")
	}
	// The command line wins over the file.
	got, _ = scanFindings(t, env, "--enable", "SPW501", "--disable", "SPW505", ".")
	if _, ok := got["SPW501 aws_lambda_function.a"]; !ok {
		t.Error("--enable SPW501 did not override the config")
	}
	if _, ok := got["SPW505 aws_lambda_function.a"]; ok {
		t.Error("--disable SPW505 did not override the config")
	}
	// The nearest parent's config applies when scanning from a subdirectory.
	sub := env
	sub.Cwd = filepath.Join(env.Cwd, "svc")
	got, _ = scanFindings(t, sub, ".")
	if f := got["SPW201 aws_lambda_function.svc"]; f.Severity != "high" {
		t.Errorf("from a subdirectory, the parent's config was not used: %v", got)
	}
}

func TestConfigErrors(t *testing.T) {
	env := configTree(t, "rule \"SPW999\" {\n  enabled = false\n}\nsettings {\n  bogus = 1\n}\n", map[string]string{"main.tf": twoFunctions})
	_, r := scanFindings(t, env, ".")
	if r.code != cli.ExitError {
		t.Fatalf("exit %d, want 2", r.code)
	}
	for _, want := range []string{".spillway.hcl:1:6: error: Unknown rule ID", ".spillway.hcl:5:3: error: Unsupported argument"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if r := spillway(t, env, "scan", "--config", "missing.hcl", "."); r.code != cli.ExitError || !strings.Contains(r.stderr, "config file") {
		t.Errorf("--config of a missing file: exit %d, %q", r.code, r.stderr)
	}
}

func TestInit(t *testing.T) {
	env := configTree(t, "", map[string]string{"main.tf": twoFunctions})
	if r := spillway(t, env, "init"); r.code != 0 {
		t.Fatalf("init: %d %s", r.code, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(env.Cwd, ".spillway.hcl"))
	if err != nil || !strings.Contains(string(b), `# rule "SPW505"`) {
		t.Fatalf("starter config: %v\n%s", err, b)
	}
	if r := spillway(t, env, "init"); r.code != cli.ExitError {
		t.Error("init overwrote an existing config without --force")
	}
	if r := spillway(t, env, "init", "--force"); r.code != 0 {
		t.Error("init --force failed")
	}
	// The starter config loads and changes nothing.
	if _, r := scanFindings(t, env, "."); r.code == cli.ExitError {
		t.Errorf("the starter config does not load: %s", r.stderr)
	}
}
