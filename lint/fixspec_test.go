package lint_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

func TestFixSpecsFollowGrouping(t *testing.T) {
	spec := lint.FixSpec{Description: "reserve", Attribute: "reserved_concurrent_executions", Value: "10"}
	other := spec
	other.Value = "20"
	a0, a1 := res("aws_x.a[0]", 1), res("aws_x.a[1]", 1)
	b0, b1 := res("aws_x.b[0]", 5), res("aws_x.b[1]", 5)
	c := res("aws_x.c", 9)
	r := rule("SPW900", func(p *lint.Pass) error {
		// Instances that agree keep the specs.
		p.Report(lint.Diagnostic{Resource: a1, Message: "a", Fix: []lint.FixSpec{spec}})
		p.Report(lint.Diagnostic{Resource: a0, Message: "a", Fix: []lint.FixSpec{spec}})
		// Instances that disagree get no fix.
		p.Report(lint.Diagnostic{Resource: b0, Message: "b", Fix: []lint.FixSpec{spec}})
		p.Report(lint.Diagnostic{Severity: lint.Medium, Resource: b1, Message: "b", Fix: []lint.FixSpec{other}})
		p.Report(lint.Diagnostic{Resource: c, Message: "c"})
		return nil
	})
	fs, _, _ := lint.RunGraph(&graph.Graph{}, ".", []*lint.Rule{r}, nil)
	lint.SortFindings(fs)
	got := map[string][]lint.FixSpec{}
	for _, f := range fs {
		got[f.Resource] = f.FixSpecs
	}
	want := map[string][]lint.FixSpec{"aws_x.a[0]": {spec}, "aws_x.b[0]": nil, "aws_x.c": nil}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fix specs (-want +got):\n%s", diff)
	}
}

func TestFixDescription(t *testing.T) {
	specs := []lint.FixSpec{{Description: "x"}, {Description: ""}, {Description: "y"}, {Description: "x"}}
	if got := lint.FixDescription(specs); got != "x; y" {
		t.Errorf("FixDescription = %q", got)
	}
}
