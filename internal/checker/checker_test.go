package checker_test

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/report"
	"github.com/spillway-iac/spillway/rules"
)

// slowModule evaluates for minutes once the evaluation budget is lifted:
// 10^9 iterations of nested for expressions, which a rule asks for
// through reserved_concurrent_executions.
const slowModule = `
locals {
  n = range(1000)
  v = [for a in local.n : [for b in local.n : [for c in local.n : c if c < 0]]]
}
resource "aws_lambda_function" "slow" {
  function_name                  = "slow"
  reserved_concurrent_executions = length(local.v)
}
`

// okModule is analyzed in a few milliseconds and has an SPW201 finding.
const okModule = `
resource "aws_lambda_function" "ok" {
  function_name = "ok"
}
`

func tree(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

// unlimited lifts the evaluation budget, so that only a context stops
// slowModule.
var unlimited = eval.Options{MaxEvaluations: 1 << 62}

// settle waits for the goroutines started since baseline was counted to
// end, and fails with their stacks if some are still running after a
// few seconds.
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

func errorsOf(res *report.Result) []string {
	var out []string
	for _, d := range res.Diagnostics {
		if d.Severity == hcl.DiagError {
			name := ""
			if d.Subject != nil {
				name = d.Subject.Filename
			}
			out = append(out, name+": "+d.Summary)
		}
	}
	return out
}

// TestRootTimeoutStopsEvaluation: a root module that would evaluate for
// minutes stops within a second of its deadline, is reported as timed
// out, the other root module is still analyzed, and no goroutine of the
// scan is left running.
func TestRootTimeoutStopsEvaluation(t *testing.T) {
	baseline := runtime.NumGoroutine()
	fsys := tree(map[string]string{"slow/main.tf": slowModule, "ok/main.tf": okModule})
	start := time.Now()
	res, err := checker.RunFS(context.Background(), fsys, checker.Options{
		Rules:       []*lint.Rule{rules.SPW201},
		Settings:    nil,
		Eval:        unlimited,
		Jobs:        2,
		RootTimeout: time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second*raceFactor {
		t.Errorf("the scan took %s with a deadline of 1s", d)
	}
	got := errorsOf(res)
	if len(got) != 1 || got[0] != "slow: Analysis timed out" {
		t.Errorf("errors %q, want one timeout of slow", got)
	}
	for _, d := range res.Diagnostics {
		if d.Summary == "Analysis timed out" && !strings.Contains(d.Detail, "root module slow stopped") {
			t.Errorf("detail %q does not name the root module", d.Detail)
		}
	}
	var findings []string
	for _, f := range res.Findings {
		findings = append(findings, f.RuleID+" "+f.Range.Filename)
	}
	if len(findings) != 1 || findings[0] != "SPW201 ok/main.tf" {
		t.Errorf("findings %q, want only SPW201 in ok/main.tf", findings)
	}
	settle(t, baseline)
}

// TestCanceledScan: when the scan's own context passes its deadline, the
// scan stops within a second and returns an error wrapping
// context.DeadlineExceeded, with its goroutines done.
func TestCanceledScan(t *testing.T) {
	baseline := runtime.NumGoroutine()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	fsys := tree(map[string]string{"main.tf": slowModule})
	start := time.Now()
	_, err := checker.RunFS(ctx, fsys, checker.Options{Rules: rules.All, Settings: nil, Eval: unlimited, Jobs: 2})
	if d := time.Since(start); d > 2*time.Second*raceFactor {
		t.Errorf("the scan took %s with a deadline of 1s", d)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want one wrapping context.DeadlineExceeded", err)
	}
	settle(t, baseline)
}

// TestCanceledBeforeStart: a scan whose context is already done reads
// nothing and fails.
func TestCanceledBeforeStart(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := checker.RunFS(ctx, tree(map[string]string{"main.tf": okModule}), checker.Options{Rules: rules.All})
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Errorf("result %v, error %v; want nil and context.Canceled", res, err)
	}
}

// TestRunFSMatchesRun: the in-memory and on-disk entry points report the
// same findings for the same tree, with suppressions applied unless
// NoSuppress is set.
func TestRunFSMatchesRun(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"main.tf": `
resource "aws_lambda_function" "a" { # spillway:ignore SPW201 reason="batch job"
  function_name = "a"
}
resource "aws_lambda_function" "b" {
  function_name = "b"
}
`,
	}
	dir := t.TempDir()
	writeTree(t, dir, files)
	opts := checker.Options{Rules: []*lint.Rule{rules.SPW201}, Settings: nil, Cwd: dir, Paths: []string{"."}}
	onDisk, err := checker.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	inMemory, err := checker.RunFS(context.Background(), tree(files), opts)
	if err != nil {
		t.Fatal(err)
	}
	summary := func(res *report.Result) []string {
		var out []string
		for _, f := range res.Findings {
			out = append(out, f.Resource+" suppressed="+boolString(f.Suppressed))
		}
		return out
	}
	want := []string{"aws_lambda_function.a suppressed=true", "aws_lambda_function.b suppressed=false"}
	for name, res := range map[string]*report.Result{"Run": onDisk, "RunFS": inMemory} {
		if got := summary(res); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: findings %q, want %q", name, got, want)
		}
		if res.Stats.RootModules != 1 || res.Stats.Files != 1 || res.Stats.Resources != 2 {
			t.Errorf("%s: stats %+v", name, res.Stats)
		}
	}
	opts.NoSuppress = true
	raw, err := checker.RunFS(context.Background(), tree(files), opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(raw); got[0] != "aws_lambda_function.a suppressed=false" {
		t.Errorf("NoSuppress: findings %q", got)
	}
}

// TestGraphs: Graphs returns one graph per root module, keyed by its
// directory, and the diagnostics of the tree.
func TestGraphs(t *testing.T) {
	t.Parallel()
	fsys := tree(map[string]string{
		"a/main.tf":         "module \"m\" {\n  source = \"../modules/m\"\n}\n",
		"b/main.tf":         okModule,
		"modules/m/main.tf": "resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n}\n",
		"broken/main.tf":    "resource \"aws_sqs_queue\" \"q\" {\n",
	})
	graphs, diags, err := checker.Graphs(context.Background(), fsys, checker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g := graphs["a"]; g == nil || len(g.Queues) != 1 || g.Queues[0].Addr != "module.m.aws_sqs_queue.q" {
		t.Errorf("graph of a: %+v", graphs["a"])
	}
	if g := graphs["b"]; g == nil || len(g.Functions) != 1 {
		t.Errorf("graph of b: %+v", graphs["b"])
	}
	if _, ok := graphs["modules/m"]; ok {
		t.Error("the called module has a graph of its own")
	}
	if !diags.HasErrors() {
		t.Error("the broken module's syntax error is missing")
	}
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
