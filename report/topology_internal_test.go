package report

import (
	"testing"

	"github.com/spillway-iac/spillway/graph"
)

func TestCollapseAddr(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"aws_lambda_function.f":                              "aws_lambda_function.f",
		`aws_lambda_function.f["a"]`:                         "aws_lambda_function.f[*]",
		"aws_lambda_function.f[10]":                          "aws_lambda_function.f[*]",
		`module.m["x"].aws_lambda_function.f[0]`:             "module.m[*].aws_lambda_function.f[*]",
		`aws_lambda_function.f["a]b.c"]`:                     "aws_lambda_function.f[*]",
		`aws_lambda_function.f["q\"]x"].y`:                   "aws_lambda_function.f[*].y",
		`aws_lambda_function.f["unterminated`:                "aws_lambda_function.f[*]",
		`module.a["k"].module.b[1].aws_sqs_queue.q["z"]`:     "module.a[*].module.b[*].aws_sqs_queue.q[*]",
		`aws_lambda_function.f["a\\"].aws_lambda_function.g`: "aws_lambda_function.f[*].aws_lambda_function.g",
	} {
		if got := collapseAddr(in); got != want {
			t.Errorf("collapseAddr(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestGroupExposure(t *testing.T) {
	t.Parallel()
	nodes := func(es ...graph.Exposure) []*graph.Node {
		var out []*graph.Node
		for _, e := range es {
			out = append(out, &graph.Node{Exposure: e})
		}
		return out
	}
	for _, c := range []struct {
		in   []graph.Exposure
		want graph.Exposure
	}{
		{[]graph.Exposure{graph.ExposureEvent}, graph.ExposureEvent},
		{[]graph.Exposure{graph.ExposureInternal, graph.ExposureEvent}, graph.ExposureEvent},
		// An undetermined instance may be public: only public is sure.
		{[]graph.Exposure{graph.ExposureEvent, graph.ExposureUndetermined}, graph.ExposureUndetermined},
		{[]graph.Exposure{graph.ExposurePublic, graph.ExposureUndetermined}, graph.ExposurePublic},
		{[]graph.Exposure{graph.ExposureUndetermined}, graph.ExposureUndetermined},
	} {
		if got := groupExposure(nodes(c.in...)); got != c.want {
			t.Errorf("groupExposure(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestRoundRate(t *testing.T) {
	t.Parallel()
	for in, want := range map[float64]string{
		100: "100", 16.666666: "16.67", 0.016666: "0.02", 0.0011111: "0.0011", 0.00001234: "0.000012", 0: "0",
	} {
		if got := rps(in); got != want {
			t.Errorf("rps(%v) = %s, want %s", in, got, want)
		}
	}
	if got := thousands(1152000); got != "1,152,000" {
		t.Errorf("thousands(1152000) = %s", got)
	}
	for in, want := range map[int64]string{345600: "4d", 21600: "6h", 900: "15m", 300: "300s", 3: "3s"} {
		if got := seconds(in); got != want {
			t.Errorf("seconds(%d) = %s, want %s", in, got, want)
		}
	}
}

func TestEscapes(t *testing.T) {
	t.Parallel()
	if got, want := mermaidText("a\"b#c<d>&e`f:g;h\ni"), "a#quot;b#35;c#60;d#62;#38;e#96;f#58;g#59;h\\ni"; got != want {
		t.Errorf("mermaidText = %s, want %s", got, want)
	}
	if got, want := dotString("a\"b\\N\nc"), `"a\"b\\N\\nc"`; got != want {
		t.Errorf("dotString = %s, want %s", got, want)
	}
}
