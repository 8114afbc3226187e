package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/spillway-iac/spillway/internal/cli"
	"github.com/spillway-iac/spillway/internal/golden"
)

// repoRoot is the working directory the CLI runs in, so that paths are
// shown as testdata/...
func repoRoot(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

type run struct {
	code           int
	stdout, stderr string
}

func spillway(t *testing.T, env cli.Env, args ...string) run {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.RunEnv(context.Background(), args, strings.NewReader(""), &out, &errOut, env)
	return run{code, out.String(), errOut.String()}
}

func defaultEnv(t *testing.T) cli.Env {
	return cli.Env{Cwd: repoRoot(t), Environ: []string{}, IsTerminal: func(io.Writer) bool { return false }}
}

type jsonReport struct {
	Findings []struct {
		RuleID    string   `json:"rule_id"`
		Severity  string   `json:"severity"`
		Resource  string   `json:"resource"`
		Instances []string `json:"instances"`
		File      string   `json:"file"`
		StartLine int      `json:"start_line"`
	} `json:"findings"`
	Undetermined []struct {
		RuleID  string `json:"rule_id"`
		Unknown string `json:"unknown"`
	} `json:"undetermined"`
	Errors []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Summary string `json:"summary"`
	} `json:"errors"`
}

func decode(t *testing.T, s string) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, s)
	}
	return r
}

func validateSchema(t *testing.T, doc string) {
	t.Helper()
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join(repoRoot(t), "testdata", "schema", "report.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("JSON report does not match the cli.md shape: %v", err)
	}
}

// TestExample scans the example project: it must report SPW101, SPW201,
// SPW301 and SPW401 on the right addresses, match the golden file, and
// validate against the JSON schema of the cli.md contract.
func TestExample(t *testing.T) {
	r := spillway(t, defaultEnv(t), "scan", "--format", "json", "testdata/examples/shop")
	if r.code != cli.ExitFindings {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", r.code, cli.ExitFindings, r.stderr)
	}
	validateSchema(t, r.stdout)
	golden.Check(t, filepath.Join("..", "..", "testdata", "cli", "shop.json.golden"), []byte(r.stdout))
	rep := decode(t, r.stdout)
	want := map[string]string{
		"SPW101 aws_lambda_function.invoice_parser":                    "high",
		"SPW201 aws_lambda_function.orders_api":                        "high",
		"SPW201 aws_lambda_function.invoice_parser":                    "medium",
		"SPW301 aws_s3_bucket_notification.invoices":                   "medium",
		"SPW401 aws_api_gateway_stage.prod":                            "high",
		"SPW201 module.workers[\"emails\"].aws_lambda_function.worker": "medium",
	}
	got := map[string]string{}
	for _, f := range rep.Findings {
		got[f.RuleID+" "+f.Resource] = f.Severity
	}
	for k, sev := range want {
		if got[k] != sev {
			t.Errorf("finding %s: severity %q, want %q", k, got[k], sev)
		}
	}
	if len(rep.Errors) != 0 {
		t.Errorf("unexpected errors: %+v", rep.Errors)
	}
}

func TestExampleText(t *testing.T) {
	r := spillway(t, defaultEnv(t), "scan", "testdata/examples/shop")
	if r.code != cli.ExitFindings {
		t.Fatalf("exit code %d; stderr:\n%s", r.code, r.stderr)
	}
	golden.Check(t, filepath.Join("..", "..", "testdata", "cli", "shop.text.golden"), []byte(r.stdout))
}

// TestBrokenAndValidModule: one unparsable file next to a valid module
// exits 2, names the syntax error's position, and still reports the valid
// module's findings.
func TestBrokenAndValidModule(t *testing.T) {
	r := spillway(t, defaultEnv(t), "scan", "-f", "json", "testdata/cli/mixed")
	if r.code != cli.ExitError {
		t.Fatalf("exit code %d, want 2", r.code)
	}
	validateSchema(t, r.stdout)
	rep := decode(t, r.stdout)
	if len(rep.Errors) == 0 {
		t.Fatal("no errors reported")
	}
	e := rep.Errors[0]
	if e.File != "testdata/cli/mixed/broken/main.tf" || e.Line != 3 || e.Column == 0 || e.Summary == "" {
		t.Errorf("error = %+v, want testdata/cli/mixed/broken/main.tf line 3 with a column and a summary", e)
	}
	found := false
	for _, f := range rep.Findings {
		if f.RuleID == "SPW101" && f.Resource == "aws_lambda_function.f" && f.File == "testdata/cli/mixed/good/main.tf" {
			found = true
		}
	}
	if !found {
		t.Errorf("the valid module's SPW101 finding is missing: %+v", rep.Findings)
	}
}

func TestExitCodes(t *testing.T) {
	env := defaultEnv(t)
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"findings", []string{"scan", "testdata/examples/shop"}, 1},
		{"fail-on none", []string{"scan", "--fail-on", "none", "testdata/examples/shop"}, 0},
		{"soft-fail", []string{"scan", "--soft-fail", "testdata/examples/shop"}, 0},
		{"only a quiet rule", []string{"scan", "--only", "SPW402", "testdata/examples/shop"}, 0},
		{"fail-on high with only medium", []string{"scan", "--only", "SPW301", "--fail-on", "high", "testdata/examples/shop"}, 0},
		{"soft-fail keeps errors", []string{"scan", "--soft-fail", "testdata/cli/mixed"}, 2},
		{"unknown flag", []string{"scan", "--bogus"}, 2},
		{"unknown rule", []string{"scan", "--only", "SPW999", "."}, 2},
		{"bad severity", []string{"scan", "--min-severity", "urgent", "."}, 2},
		{"missing path", []string{"scan", "testdata/does-not-exist"}, 2},
		{"unknown command", []string{"frobnicate"}, 2},
		{"version", []string{"version"}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := spillway(t, env, c.args...)
			if r.code != c.code {
				t.Errorf("spillway %s: exit %d, want %d\nstderr: %s", strings.Join(c.args, " "), r.code, c.code, r.stderr)
			}
		})
	}
}

func TestMinSeverity(t *testing.T) {
	r := spillway(t, defaultEnv(t), "scan", "-f", "json", "--min-severity", "high", "testdata/examples/shop")
	for _, f := range decode(t, r.stdout).Findings {
		if f.Severity != "high" {
			t.Errorf("finding below --min-severity high: %+v", f)
		}
	}
}

func TestVarsDecideUndetermined(t *testing.T) {
	env := defaultEnv(t)
	r := spillway(t, env, "scan", "-f", "json", "--only", "SPW201", "testdata/cli/vars")
	rep := decode(t, r.stdout)
	if len(rep.Findings) != 0 || len(rep.Undetermined) != 1 || rep.Undetermined[0].Unknown != "var.reserved" {
		t.Fatalf("without a value: findings %v, undetermined %v; want one undetermined on var.reserved", rep.Findings, rep.Undetermined)
	}
	for _, args := range [][]string{
		{"--var", "reserved=-1"},
		{"--var-file", "testdata/cli/vars/reserved.tfvars"},
	} {
		r := spillway(t, env, append(append([]string{"scan", "-f", "json", "--only", "SPW201"}, args...), "testdata/cli/vars")...)
		rep := decode(t, r.stdout)
		if len(rep.Findings) != 1 || rep.Findings[0].RuleID != "SPW201" {
			t.Errorf("%v: findings %+v, want one SPW201", args, rep.Findings)
		}
	}
	env.Environ = []string{"TF_VAR_reserved=50"}
	r = spillway(t, env, "scan", "-f", "json", "--only", "SPW201", "testdata/cli/vars")
	if rep := decode(t, r.stdout); len(rep.Findings) != 0 || len(rep.Undetermined) != 0 {
		t.Errorf("TF_VAR_reserved=50: findings %v undetermined %v, want none", rep.Findings, rep.Undetermined)
	}
}

func TestColor(t *testing.T) {
	env := defaultEnv(t)
	env.IsTerminal = func(io.Writer) bool { return true }
	if r := spillway(t, env, "scan", "testdata/examples/shop"); !strings.Contains(r.stdout, "\x1b[") {
		t.Error("no colour on a terminal")
	}
	if r := spillway(t, env, "scan", "--no-color", "testdata/examples/shop"); strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour despite --no-color")
	}
	env.Environ = []string{"NO_COLOR=1"}
	if r := spillway(t, env, "scan", "testdata/examples/shop"); strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour despite NO_COLOR")
	}
	env = defaultEnv(t)
	if r := spillway(t, env, "scan", "testdata/examples/shop"); strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour when stdout is not a terminal")
	}
}

// TestDeterministic: the same input gives byte-identical JSON, whatever
// the parallelism.
func TestDeterministic(t *testing.T) {
	env := defaultEnv(t)
	first := spillway(t, env, "scan", "-f", "json", "-j", "1", "testdata").stdout
	for _, j := range []string{"1", "2", "8"} {
		if got := spillway(t, env, "scan", "-f", "json", "-j", j, "testdata").stdout; got != first {
			t.Fatalf("-j %s output differs from -j 1:\n%s", j, golden.Diff(first, got))
		}
	}
}

func TestOutputFileAndMultipleFormats(t *testing.T) {
	dir := t.TempDir()
	env := defaultEnv(t)
	jsonPath := filepath.Join(dir, "report.json")
	r := spillway(t, env, "scan", "-f", "text", "-f", "json="+jsonPath, "testdata/examples/shop")
	if !strings.Contains(r.stdout, "SPW101") {
		t.Errorf("text report missing on stdout")
	}
	b, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	validateSchema(t, string(b))
	out := filepath.Join(dir, "out.txt")
	r = spillway(t, env, "scan", "-o", out, "testdata/examples/shop")
	if r.stdout != "" {
		t.Errorf("stdout not empty with --output: %q", r.stdout)
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.Contains(b, []byte("SPW401")) {
		t.Errorf("--output file: %v %q", err, b)
	}
}

func TestRulesAndExplain(t *testing.T) {
	env := defaultEnv(t)
	r := spillway(t, env, "rules", "--format", "json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) == 0 {
		t.Fatalf("rules --format json: %v %q", err, r.stdout)
	}
	for _, k := range []string{"id", "name", "severity", "summary", "doc_url"} {
		if _, ok := list[0][k]; !ok {
			t.Errorf("rules json lacks %q", k)
		}
	}
	r = spillway(t, env, "explain", "SPW101")
	if r.code != 0 || !strings.Contains(r.stdout, "# SPW101: lambda-async-without-failure-destination") {
		t.Errorf("explain SPW101: %d %q", r.code, r.stdout)
	}
	if r := spillway(t, env, "explain", "SPW999"); r.code != 2 {
		t.Errorf("explain of an unknown rule exits %d", r.code)
	}
}

// TestRemediatedExample: the fixed shop is what users copy from; it must
// scan clean with every rule enabled, nothing undetermined.
func TestRemediatedExample(t *testing.T) {
	r := spillway(t, defaultEnv(t), "scan", "-f", "json", "--enable", "SPW505", "testdata/examples/shop-fixed")
	if r.code != cli.ExitOK {
		t.Errorf("exit code %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
	rep := decode(t, r.stdout)
	if len(rep.Findings) != 0 || len(rep.Undetermined) != 0 || len(rep.Errors) != 0 {
		t.Errorf("remediated example: findings %+v, undetermined %+v, errors %+v; want none", rep.Findings, rep.Undetermined, rep.Errors)
	}
}

// TestExampleFamilies: the example shows findings from every rule family.
func TestExampleFamilies(t *testing.T) {
	r := spillway(t, defaultEnv(t), "scan", "-f", "json", "testdata/examples/shop")
	families := map[string]bool{}
	for _, f := range decode(t, r.stdout).Findings {
		families[f.RuleID[:4]] = true
	}
	for _, fam := range []string{"SPW1", "SPW2", "SPW3", "SPW4", "SPW5"} {
		if !families[fam] {
			t.Errorf("the example has no finding of family %sxx", fam)
		}
	}
}

// TestReadmeRuleTable keeps the README's rule table equal to what
// spillway rules --format markdown prints.
func TestReadmeRuleTable(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "<!-- rules:start")
	j := strings.Index(s, "<!-- rules:end -->")
	if i < 0 || j < i {
		t.Fatal("README.md has no rules:start/rules:end markers")
	}
	got := s[i:j]
	got = got[strings.Index(got, "\n")+1:]
	want := spillway(t, defaultEnv(t), "rules", "--format", "markdown").stdout
	if got != want {
		t.Errorf("README rule table is out of date (-want +got):\n%s", golden.Diff(want, got))
	}
}

func decodeInto(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, s)
	}
}
