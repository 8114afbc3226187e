package cli_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// multitool returns the sarif-multitool binary from SPILLWAY_SARIF_MULTITOOL
// (set by .ci/run after installing @microsoft/sarif-multitool with npm) or
// PATH, skipping the test with a message when neither has it.
func multitool(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("SPILLWAY_SARIF_MULTITOOL"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	for _, name := range []string{"Sarif.Multitool", "sarif-multitool"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("npm is unavailable, so sarif-multitool cannot be installed; .ci/run installs it when npm works")
	}
	t.Skip("sarif-multitool is not installed: run .ci/run, or npm install @microsoft/sarif-multitool and set SPILLWAY_SARIF_MULTITOOL to its Sarif.Multitool binary")
	return ""
}

// validate runs sarif-multitool validate on a file and returns the
// error-level results it reports.
func validate(t *testing.T, tool, file string) []string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "validation.sarif")
	cmd := exec.Command(tool, "validate", "-o", out, file)
	cmd.Env = append(os.Environ(), "DOTNET_CLI_TELEMETRY_OPTOUT=1")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("sarif-multitool validate %s: %v\n%s", file, err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Level   string `json:"level"`
				RuleID  string `json:"ruleId"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &log); err != nil {
		t.Fatalf("validation log: %v", err)
	}
	var errs []string
	for _, run := range log.Runs {
		for _, r := range run.Results {
			if r.Level == "" || r.Level == "error" {
				errs = append(errs, r.RuleID+": "+r.Message.Text)
			}
		}
	}
	return errs
}

// TestSARIFMultitool: the SARIF of the example project passes
// sarif-multitool validate with no errors, and the tool does report errors
// on a broken log (so the check can fail).
func TestSARIFMultitool(t *testing.T) {
	tool := multitool(t)
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.sarif")
	if err := os.WriteFile(broken, []byte(`{"version": "2.1.0", "runs": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	if errs := validate(t, tool, broken); len(errs) == 0 {
		t.Fatal("sarif-multitool reports no error on a truncated log; it is not validating")
	}
	for _, example := range []string{"testdata/examples/shop", "testdata/cli/mixed"} {
		file := filepath.Join(dir, strings.ReplaceAll(example, "/", "_")+".sarif")
		r := spillway(t, defaultEnv(t), "scan", "-f", "sarif="+file, example)
		if r.code == 2 && example == "testdata/examples/shop" {
			t.Fatalf("scan failed: %s", r.stderr)
		}
		if errs := validate(t, tool, file); len(errs) > 0 {
			t.Errorf("%s: sarif-multitool validate reports:\n%s", example, strings.Join(errs, "\n"))
		}
	}
}
