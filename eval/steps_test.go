package eval_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/parser"
	"github.com/spillway-iac/spillway/rules"
)

// analyze runs the graph and every rule over a root, as a scan does.
func analyze(loader *parser.Loader, dir string) *eval.Root {
	r := eval.NewRoot(loader, loader.Module(dir), eval.Options{})
	r.Validate()
	_, _, _ = lint.RunGraph(graph.Build(r), dir, rules.All, nil)
	return r
}

// TestBudgetFitsFixtures: every root module of the repository's fixtures
// stays far below the default evaluation budget.
func TestBudgetFitsFixtures(t *testing.T) {
	t.Parallel()
	loader := parser.NewLoader(os.DirFS(filepath.Join("..", "testdata")), parser.Options{})
	dirs, _ := loader.Discover(".")
	n := 0
	for _, d := range loader.RootModules(dirs, true) {
		if strings.HasPrefix(d, "bad/") || loader.Module(d).Broken {
			continue
		}
		n++
		if s := analyze(loader, d).Steps(); s > eval.DefaultMaxEvaluations/50 {
			t.Errorf("%s: %d steps", d, s)
		}
	}
	if n < 100 {
		t.Errorf("only %d root modules", n)
	}
}

// TestBudgetFitsLargeModules: a module with 10,000 functions and 2,000
// queues wired to them by index is analyzed within the budget, quickly.
func TestBudgetFitsLargeModules(t *testing.T) {
	t.Parallel()
	src := `
resource "aws_lambda_function" "f" {
  count                          = 10000
  function_name                  = "fn-${count.index}"
  reserved_concurrent_executions = count.index % 3 == 0 ? 5 : null
  timeout                        = 30
  environment {
    variables = { A = "b" }
  }
}
resource "aws_sqs_queue" "q" {
  count          = 2000
  name           = "q-${count.index}"
  redrive_policy = jsonencode({ deadLetterTargetArn = "arn:aws:sqs:eu-west-1:1:dlq", maxReceiveCount = 5 })
}
resource "aws_lambda_event_source_mapping" "m" {
  count            = 2000
  event_source_arn = aws_sqs_queue.q[count.index].arn
  function_name    = aws_lambda_function.f[count.index].arn
}
`
	start := time.Now()
	r := analyze(mapLoader(map[string]string{"main.tf": src}), ".")
	if d := time.Since(start); d > 10*time.Second*raceFactor {
		t.Errorf("analysis took %s", d)
	}
	if s := r.Steps(); s > eval.DefaultMaxEvaluations/2 {
		t.Errorf("%d steps, too close to the budget of %d", s, eval.DefaultMaxEvaluations)
	}
	checkDiags(t, r, nil)
}
