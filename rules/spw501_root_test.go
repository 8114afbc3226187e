package rules_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/internal/ruletest"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// TestFunctionAlarmOneFindingPerRoot checks that SPW501 and SPW502 report
// one finding per root module whose instances are every function without
// the alarm, with the highest exposure among them.
func TestFunctionAlarmOneFindingPerRoot(t *testing.T) {
	src := `
resource "aws_lambda_function" "b" { function_name = "b" }
resource "aws_lambda_function" "a" {
  for_each      = toset(["x", "y"])
  function_name = each.key
}
resource "aws_lambda_function_url" "u" {
  function_name      = aws_lambda_function.b.function_name
  authorization_type = "NONE"
}
`
	for _, r := range []*lint.Rule{rules.SPW501, rules.SPW502} {
		t.Run(r.ID, func(t *testing.T) {
			res := ruletest.Analyze(fstest.MapFS{"main.tf": {Data: []byte(src)}}, []*lint.Rule{r}, eval.Options{})
			if len(res.Findings) != 1 {
				t.Fatalf("got %d findings, want 1: %+v", len(res.Findings), res.Findings)
			}
			f := res.Findings[0]
			want := `aws_lambda_function.a["x"] aws_lambda_function.a["y"] aws_lambda_function.b`
			if got := strings.Join(f.Instances, " "); got != want {
				t.Errorf("instances = %s, want %s", got, want)
			}
			if f.Exposure != graph.ExposurePublic {
				t.Errorf("exposure = %s, want public (aws_lambda_function.b has a public URL)", f.Exposure)
			}
			if !strings.HasPrefix(f.Message, "3 Lambda functions of this root module") {
				t.Errorf("message = %q", f.Message)
			}
		})
	}
}
