package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
	"github.com/spillway-iac/spillway/report"
)

// TestFlagErrorsAreExplained: a flag error prints the error, a
// suggestion and a usage hint on stderr (issue 16 item 5; with pflag
// v1.0.2 "scan --severity HIGH ." exited 2 printing nothing).
func TestFlagErrorsAreExplained(t *testing.T) {
	t.Parallel()
	env := defaultEnv(t)
	for _, args := range [][]string{
		{"scan", "--severity", "HIGH", "."},
		{"scan", "-Z"},
		{"rules", "--formt", "json"},
		{"init", "--forse"},
		{"explain", "--bogus"},
	} {
		r := spillway(t, env, args...)
		if r.code != cli.ExitError || r.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q", args, r.code, r.stdout)
		}
		if !strings.Contains(r.stderr, "unknown") || !strings.Contains(r.stderr, `Run "spillway `+args[0]+` --help"`) {
			t.Errorf("%q: stderr %q lacks the error and the usage hint", args, r.stderr)
		}
	}
	if r := spillway(t, env, "scan", "--severity", "HIGH", "."); !strings.Contains(r.stderr, "--min-severity") {
		t.Errorf("--severity: no suggestion of --min-severity in %q", r.stderr)
	}
}

// TestHelp: --help of every command and spillway help COMMAND go to
// stdout, exit 0, and list the formats (scan), exit codes and examples
// (issue 16 item 5).
func TestHelp(t *testing.T) {
	t.Parallel()
	env := defaultEnv(t)
	for _, cmd := range []string{"scan", "rules", "explain", "init", "version"} {
		for _, args := range [][]string{{cmd, "--help"}, {cmd, "-h"}, {"help", cmd}} {
			if cmd == "version" && args[0] == "version" {
				continue
			}
			r := spillway(t, env, args...)
			if r.code != cli.ExitOK || r.stderr != "" {
				t.Errorf("%q: exit %d, stderr %q", args, r.code, r.stderr)
			}
			for _, want := range []string{"Usage:", "spillway " + cmd, "Exit codes:", "Examples:"} {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("%q: stdout lacks %q:\n%s", args, want, r.stdout)
				}
			}
			if cmd == "scan" {
				for _, f := range report.Formats {
					if !strings.Contains(r.stdout, f) {
						t.Errorf("%q: format %s not listed", args, f)
					}
				}
				if !strings.Contains(r.stdout, "--min-severity") {
					t.Errorf("%q: flags not listed", args)
				}
			}
		}
	}
	if r := spillway(t, env, "help", "nope"); r.code != cli.ExitError || !strings.Contains(r.stderr, "unknown command") {
		t.Errorf("help nope: %d %q", r.code, r.stderr)
	}
}

// TestVersion: spillway version prints a version, a commit and a build
// date line (issue 16 item 13).
func TestVersion(t *testing.T) {
	t.Parallel()
	r := spillway(t, defaultEnv(t), "version")
	if r.code != cli.ExitOK || !strings.HasPrefix(r.stdout, "spillway "+cli.Build().Version+"\n") ||
		!strings.Contains(r.stdout, "\ncommit: ") || !strings.Contains(r.stdout, "\nbuilt:  ") {
		t.Errorf("version: %d %q", r.code, r.stdout)
	}
}

const familyTree = `
resource "aws_lambda_function" "f" {
  function_name = "f"
}
resource "aws_s3_bucket_notification" "n" {
  bucket = "b"
  lambda_function {
    lambda_function_arn = aws_lambda_function.f.arn
    events              = ["s3:ObjectCreated:*"]
  }
}
resource "aws_lambda_permission" "p" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.f.function_name
  principal     = "s3.amazonaws.com"
}
`

func ruleIDs(fs map[string]finding) map[string]bool {
	out := map[string]bool{}
	for _, f := range fs {
		out[f.RuleID] = true
	}
	return out
}

// TestRuleSelectors: --only, --enable and --disable take IDs in any case,
// names, families and globs; the more specific selector wins (issue 16
// item 9).
func TestRuleSelectors(t *testing.T) {
	t.Parallel()
	env := configTree(t, "", map[string]string{"main.tf": familyTree})
	tests := []struct {
		args     []string
		want     []string
		dontWant []string
	}{
		{[]string{"--only", "spw201"}, []string{"SPW201"}, []string{"SPW101", "SPW301", "SPW501"}},
		{[]string{"--only", "lambda-unreserved-concurrency"}, []string{"SPW201"}, []string{"SPW101"}},
		{[]string{"--only", "monitoring"}, []string{"SPW501"}, []string{"SPW201", "SPW101"}},
		{[]string{"--only", "SPW5*", "--disable", "spw501"}, []string{"SPW502"}, []string{"SPW501", "SPW201"}},
		{[]string{"--disable", "async,wiring,monitoring"}, []string{"SPW201"}, []string{"SPW101", "SPW301", "SPW501"}},
		{[]string{"--only", "front-door", "--enable", "SPW201"}, []string{"SPW201"}, []string{"SPW101"}},
		{[]string{"--only", "front door,concurrency"}, []string{"SPW201"}, []string{"SPW101"}},
	}
	for _, tt := range tests {
		fs, r := scanFindings(t, env, append(tt.args, ".")...)
		if r.code == cli.ExitError {
			t.Errorf("%q: exit 2: %s", tt.args, r.stderr)
			continue
		}
		got := ruleIDs(fs)
		for _, id := range tt.want {
			if !got[id] {
				t.Errorf("%q: no %s finding; got %v", tt.args, id, got)
			}
		}
		for _, id := range tt.dontWant {
			if got[id] {
				t.Errorf("%q: unexpected %s finding", tt.args, id)
			}
		}
	}
	for _, args := range [][]string{{"--only", "SPW9*"}, {"--only", "nope"}, {"--enable", "async", "--disable", "async"}} {
		if r := spillway(t, env, append([]string{"scan"}, append(args, ".")...)...); r.code != cli.ExitError || r.stderr == "" {
			t.Errorf("%q: exit %d %q", args, r.code, r.stderr)
		}
	}
}

// TestConfigScanOptionsAndDiscovery: .spillway.hcl is found from the
// scanned path (not the working directory) up to the repository root and
// sets fail_on, min_severity and var_files; rule blocks take selectors;
// spillway rules shows what it enables; --debug names the file (issue 16
// items 9 and 10).
func TestConfigScanOptionsAndDiscovery(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"repo/infra/main.tf": `variable "reserved" {
  type = number
}
resource "aws_lambda_function" "f" {
  function_name                  = "f"
  reserved_concurrent_executions = var.reserved
}
`,
		"repo/infra/prod.tfvars": "reserved = 0\n",
		"repo/infra/legacy/main.tf": `resource "aws_lambda_function" "old" {
  function_name = "old"
}
`,
		"repo/infra/.spillway.hcl": `fail_on      = "high"
min_severity = "medium"
var_files    = ["prod.tfvars"]
exclude      = ["legacy/**"]
rule "monitoring" { enabled = false }
rule "spw202" { severity = "medium" }
`,
		"repo/.git/HEAD":     "ref: refs/heads/main\n",
		"repo/elsewhere/x":   "",
		"outside.tf":         "",
		".spillway.hcl":      `rule "SPW999" {}`,
		"repo/other/main.tf": "",
	})
	// Run from a directory without a config file: the config of the
	// scanned path is used.
	env := envAt(filepath.Join(dir, "repo", "elsewhere"))
	env.IsTerminal = nil
	r := spillway(t, env, "scan", "-f", "json", "--debug", "../infra")
	if r.code != cli.ExitOK {
		t.Fatalf("exit %d (fail_on high: want 0): %s", r.code, r.stderr)
	}
	var out struct {
		Findings []finding `json:"findings"`
	}
	decodeInto(t, r.stdout, &out)
	ids := map[string]string{}
	for _, f := range out.Findings {
		ids[f.RuleID] = f.Severity
	}
	// var_files set reserved = 0: SPW202 (low, raised to medium by the
	// config); SPW201 is not reported; monitoring is off.
	if ids["SPW202"] != "medium" || len(ids) != 1 {
		t.Errorf("findings %v, want only SPW202 at medium", ids)
	}
	if !strings.Contains(r.stderr, "debug: config: "+filepath.Join(dir, "repo", "infra", ".spillway.hcl")) {
		t.Errorf("--debug does not name the config:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, `debug: skipped ../infra/legacy: matches exclude pattern of `) {
		t.Errorf("--debug does not say what was skipped and why:\n%s", r.stderr)
	}
	// The command line wins.
	if r := spillway(t, env, "scan", "--fail-on", "low", "../infra"); r.code != cli.ExitFindings {
		t.Errorf("--fail-on low over fail_on high: exit %d %s", r.code, r.stderr)
	}
	// A path in the repository without a config of its own does not
	// use the one above the repository root.
	if r := spillway(t, env, "scan", "../other"); strings.Contains(r.stderr, "SPW999") {
		t.Errorf("config above the repository root used: %s", r.stderr)
	}
	// spillway rules shows what the config enables.
	r = spillway(t, env, "rules", "-f", "json", "../infra")
	var list []struct {
		ID       string `json:"id"`
		Enabled  bool   `json:"enabled"`
		Severity string `json:"severity"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatalf("rules json: %v %s %s", err, r.stdout, r.stderr)
	}
	for _, l := range list {
		if (l.ID == "SPW501" && l.Enabled) || (l.ID == "SPW101" && !l.Enabled) || (l.ID == "SPW202" && l.Severity != "medium") {
			t.Errorf("rules: %+v", l)
		}
	}
	r = spillway(t, env, "rules", "../infra")
	if !strings.Contains(r.stdout, "config: ") || !strings.Contains(r.stdout, "no (config)") {
		t.Errorf("rules text does not show the config:\n%s", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "repo", "infra", ".spillway.hcl")); err != nil {
		t.Fatal(err)
	}
}
