package graph

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompareAddr(t *testing.T) {
	got := []string{
		`module.w["us"].aws_lambda_function.f`,
		`aws_lambda_function.f[10]`,
		`aws_lambda_function.f[2]`,
		`module.w["eu"].aws_lambda_function.f`,
		`aws_lambda_function.b`,
		`aws_lambda_function.f["x.y"]`,
		`module.w["eu"].module.x[0].aws_lambda_function.f`,
		`aws_sqs_queue.a`,
	}
	sort.Slice(got, func(i, j int) bool { return CompareAddr(got[i], got[j]) < 0 })
	want := []string{
		`aws_lambda_function.b`,
		`aws_lambda_function.f[2]`,
		`aws_lambda_function.f[10]`,
		`aws_lambda_function.f["x.y"]`,
		`aws_sqs_queue.a`,
		`module.w["eu"].aws_lambda_function.f`,
		`module.w["eu"].module.x[0].aws_lambda_function.f`,
		`module.w["us"].aws_lambda_function.f`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if CompareAddr("aws_x.y", "aws_x.y") != 0 {
		t.Error("equal addresses do not compare equal")
	}
}
