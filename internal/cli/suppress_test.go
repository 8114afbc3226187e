package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spillway-iac/spillway/internal/cli"
)

type jsonFinding struct {
	RuleID      string `json:"rule_id"`
	Resource    string `json:"resource"`
	Suppressed  bool   `json:"suppressed"`
	StartLine   int    `json:"start_line"`
	Message     string `json:"message"`
	Suppression *struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification"`
	} `json:"suppression"`
}

func scanAll(t *testing.T, env cli.Env, args ...string) ([]jsonFinding, run) {
	t.Helper()
	r := spillway(t, env, append([]string{"scan", "-f", "json", "--only", "SPW201"}, args...)...)
	var out struct {
		Findings []jsonFinding `json:"findings"`
	}
	decodeInto(t, r.stdout, &out)
	return out.Findings, r
}

func TestInlineSuppressions(t *testing.T) {
	env := configTree(t, "", map[string]string{"main.tf": `
# spillway:ignore SPW201 reason="batch job, bounded by the scheduler"
resource "aws_lambda_function" "batch" {
  function_name = "batch"
}

resource "aws_lambda_function" "old" {
  # checkov:skip=CKV_AWS_115:legacy, removed next quarter
  function_name = "old"
}

# spillway:ignore SPW201 reason="temporary" until=2026-01-31
resource "aws_lambda_function" "expired" {
  function_name = "expired"
}

# spillway:ignore SPW201
resource "aws_lambda_function" "noreason" {
  function_name = "noreason"
}

# spillway:ignore SPW999 reason="typo"
resource "aws_lambda_function" "typo" {
  function_name                  = "typo"
  reserved_concurrent_executions = 1
}

# spillway:ignore SPW201 reason="nothing to suppress"
resource "aws_lambda_function" "unused" {
  function_name                  = "unused"
  reserved_concurrent_executions = 1
}
`})
	env.Now = func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }
	fs, r := scanAll(t, env, ".")
	state := map[string]string{}
	var spw000 []string
	for _, f := range fs {
		switch f.RuleID {
		case "SPW201":
			s := "reported"
			if f.Suppressed {
				s = "suppressed: " + f.Suppression.Justification
			}
			state[f.Resource] = s
		case "SPW000":
			spw000 = append(spw000, f.Message)
		}
	}
	want := map[string]string{
		"aws_lambda_function.batch":    "suppressed: batch job, bounded by the scheduler",
		"aws_lambda_function.old":      "suppressed: legacy, removed next quarter",
		"aws_lambda_function.expired":  "reported",
		"aws_lambda_function.noreason": "reported",
	}
	for res, w := range want {
		if state[res] != w {
			t.Errorf("%s: %q, want %q", res, state[res], w)
		}
	}
	joined := strings.Join(spw000, "\n")
	for _, frag := range []string{"expired", "no reason", "SPW999", "matches no SPW201 finding"} {
		if !strings.Contains(joined, frag) {
			t.Errorf("no SPW000 finding mentions %q; SPW000 findings:\n%s", frag, joined)
		}
	}
	if r.code != cli.ExitFindings {
		t.Errorf("exit %d, want 1 (unsuppressed findings remain)", r.code)
	}
	// Only suppressed findings: exit 0.
	clean := configTree(t, "", map[string]string{"main.tf": `
# spillway:ignore SPW201 reason="bounded upstream"
resource "aws_lambda_function" "a" {
  function_name = "a"
}
`})
	if _, r := scanAll(t, clean, "."); r.code != cli.ExitOK {
		t.Errorf("only suppressed findings: exit %d, want 0", r.code)
	}
}

func TestBaseline(t *testing.T) {
	src := `
resource "aws_lambda_function" "a" {
  function_name = "a"
}
resource "aws_lambda_function" "b" {
  function_name = "b"
}
`
	env := configTree(t, "", map[string]string{"main.tf": src})
	if _, r := scanAll(t, env, "--write-baseline", "baseline.json", "."); r.code != cli.ExitOK {
		t.Fatalf("write-baseline run: exit %d %s", r.code, r.stderr)
	}
	fs, r := scanAll(t, env, "--baseline", "baseline.json", ".")
	if r.code != cli.ExitOK || len(fs) != 2 || !fs[0].Suppressed || fs[0].Suppression.Kind != "external" {
		t.Fatalf("with the baseline: exit %d, findings %+v", r.code, fs)
	}
	// Move the blocks and reformat: still suppressed. A new finding is not.
	moved := "\n\n\n\n\n\n\n\n\n\n" + strings.ReplaceAll(src, "  function_name", "    function_name") + `
resource "aws_lambda_function" "c" {
  function_name = "c"
}
`
	if err := os.WriteFile(filepath.Join(env.Cwd, "main.tf"), []byte(moved), 0o600); err != nil {
		t.Fatal(err)
	}
	fs, r = scanAll(t, env, "--baseline", "baseline.json", ".")
	if r.code != cli.ExitFindings {
		t.Errorf("a new finding must fail: exit %d", r.code)
	}
	for _, f := range fs {
		if want := f.Resource != "aws_lambda_function.c"; f.Suppressed != want {
			t.Errorf("%s: suppressed %v after moving lines, want %v", f.Resource, f.Suppressed, want)
		}
	}
	if err := os.WriteFile(filepath.Join(env.Cwd, "bad.json"), []byte(`{"version": 9}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := spillway(t, env, "scan", "--baseline", "bad.json", "."); r.code != cli.ExitError || !strings.Contains(r.stderr, "--baseline") {
		t.Errorf("bad baseline: exit %d %q", r.code, r.stderr)
	}
}

// TestForeignIgnoresWithoutReason: a checkov skip or a trivy ignore
// without a reason suppresses the matching spillway rule, unless the
// config requires reasons for them; then it is an SPW000 finding and
// suppresses nothing (issue 16 item 12).
func TestForeignIgnoresWithoutReason(t *testing.T) {
	files := map[string]string{"main.tf": `
resource "aws_lambda_function" "old" {
  # checkov:skip=CKV_AWS_115
  function_name = "old"
}

# trivy:ignore:AVD-AWS-0190
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "x"
  deployment_id = "y"
  stage_name    = "prod"
}
`}
	check := func(env cli.Env, wantSuppressed bool) {
		t.Helper()
		r := spillway(t, env, "scan", "-f", "json", "--only", "SPW201,SPW404", ".")
		var out struct {
			Findings []jsonFinding `json:"findings"`
		}
		decodeInto(t, r.stdout, &out)
		seen := map[string]bool{}
		spw000 := 0
		for _, f := range out.Findings {
			switch f.RuleID {
			case "SPW201", "SPW404":
				seen[f.RuleID] = true
				if f.Suppressed != wantSuppressed {
					t.Errorf("%s on %s: suppressed %v, want %v", f.RuleID, f.Resource, f.Suppressed, wantSuppressed)
				}
			case "SPW000":
				spw000++
			}
		}
		if !seen["SPW201"] || !seen["SPW404"] {
			t.Errorf("findings %+v lack SPW201 or SPW404; stderr:\n%s", out.Findings, r.stderr)
		}
		if wantSuppressed && spw000 != 0 || !wantSuppressed && spw000 != 2 {
			t.Errorf("%d SPW000 findings, want %d", spw000, map[bool]int{true: 0, false: 2}[wantSuppressed])
		}
	}
	check(configTree(t, "", files), true)
	check(configTree(t, "require_reason_for_foreign_ignores = true\n", files), false)
}
