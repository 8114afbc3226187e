package parser_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/spillway-iac/spillway/parser"
)

func traversalNames(trs []hcl.Traversal) []string {
	set := map[string]bool{}
	for _, t := range trs {
		var b strings.Builder
		for _, s := range t {
			switch s := s.(type) {
			case hcl.TraverseRoot:
				b.WriteString(s.Name)
			case hcl.TraverseAttr:
				b.WriteString("." + s.Name)
			case hcl.TraverseIndex:
				b.WriteString("[]")
			}
		}
		set[b.String()] = true
	}
	return sortedKeys(set)
}

func TestSyntaxHelpers(t *testing.T) {
	t.Parallel()
	l := parser.NewLoader(mapFS(map[string]string{
		"main.tf": `resource "aws_lambda_function" "f" {
  role    = aws_iam_role.r.arn
  timeout = max(var.t, 3)
  environment {
    variables = { Q = upper(local.q) }
  }
  dynamic "vpc_config" {
    for_each = var.vpcs
    content {
      subnet_ids = vpc_config.value.subnets
    }
  }
}
`,
		"main.tf.json": `{"resource": {"aws_sqs_queue": {"q": {"name": "${lower(var.name)}", "redrive_policy": {"deadLetterTargetArn": "${aws_sqs_queue.dlq.arn}"}}}}}`,
		"override.tf": `resource "aws_lambda_function" "f" {
  memory_size = local.mem
  role        = aws_iam_role.other.arn
  environment {
    variables = { O = local.o }
  }
}
`,
	}), parser.Options{})
	m := l.Module(".")
	if len(m.Diags) > 0 {
		t.Fatal(m.Diags.Error())
	}
	f := m.Resources["aws_lambda_function.f"]
	q := m.Resources["aws_sqs_queue.q"]

	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{
			// The base's role and environment are replaced, so their
			// references are not reported.
			name: "Traversals of a merged native body",
			got:  traversalNames(parser.Traversals(f.Config)),
			want: []string{"aws_iam_role.other.arn", "local.mem", "local.o", "var.t", "var.vpcs", "vpc_config.value.subnets"},
		},
		{
			name: "Traversals of a JSON body",
			got:  traversalNames(parser.Traversals(q.Config)),
			want: []string{"aws_sqs_queue.dlq.arn", "var.name"},
		},
		{
			name: "Members attrs (native)",
			got:  first(parser.Members(f.Config)),
			want: []string{"memory_size", "role", "timeout"},
		},
		{
			name: "Members blocks (native)",
			got:  second(parser.Members(f.Config)),
			want: []string{"environment", "vpc_config"},
		},
		{
			name: "Members attrs (JSON)",
			got:  first(parser.Members(q.Config)),
			want: []string{"name", "redrive_policy"},
		},
		{
			name: "BodyFunctionNames",
			got:  sorted(parser.BodyFunctionNames(f.Config)),
			want: []string{"max", "upper"},
		},
		{
			name: "BodyFunctionNames of JSON",
			got:  parser.BodyFunctionNames(q.Config),
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, tt.got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestFunctionNames(t *testing.T) {
	t.Parallel()
	expr, diags := hclsyntax.ParseExpression([]byte(`merge(local.a, { b = jsonencode(tolist([1])) }, provider::aws::arn_parse("x"))`), "x.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	want := []string{"jsonencode", "merge", "provider::aws::arn_parse", "tolist"}
	if diff := cmp.Diff(want, sorted(parser.FunctionNames(expr))); diff != "" {
		t.Errorf("FunctionNames (-want +got):\n%s", diff)
	}
	if got := parser.FunctionNames(hcl.StaticExpr(ctyTrue, hcl.Range{})); got != nil {
		t.Errorf("FunctionNames(static) = %v, want nil", got)
	}
}

func first(a, _ []string) []string  { return a }
func second(_, b []string) []string { return b }

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
