package fix_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/spillway-iac/spillway/internal/fix"
	"github.com/spillway-iac/spillway/lint"
)

// fixableFile returns a file of n functions without reserved concurrency
// and one finding with a fix spec per function.
func fixableFile(t testing.TB, n int) ([]byte, []lint.Finding) {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "resource \"aws_lambda_function\" \"f%d\" {\n  function_name = \"f%d\"\n  runtime       = \"python3.12\"\n}\n\n", i, i)
	}
	src := []byte(b.String())
	file, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	spec := lint.FixSpec{Description: "reserve", Attribute: "reserved_concurrent_executions", Value: "10"}
	var fs []lint.Finding
	for _, blk := range file.Body.(*hclsyntax.Body).Blocks {
		fs = append(fs, lint.Finding{RuleID: "SPW201", Resource: blk.Labels[1], Range: blk.Range(), FixSpecs: []lint.FixSpec{spec}})
	}
	return src, fs
}

// TestAttachIsLinearInFindingsPerFile: computing the fixes of every
// finding of a file parses the file once, so four times the findings cost
// about four times the work (measured in allocated bytes, which do not
// depend on the machine's load), not sixteen times as when every fix
// re-parsed the whole file.
func TestAttachIsLinearInFindingsPerFile(t *testing.T) {
	cost := func(n int) float64 {
		src, findings := fixableFile(t, n)
		read := func(string) ([]byte, error) { return src, nil }
		var ms1, ms2 testingMemStats
		ms1.read()
		fs := append([]lint.Finding(nil), findings...)
		if err := fix.Attach(context.Background(), fs, read); err != nil {
			t.Fatal(err)
		}
		ms2.read()
		for _, f := range fs {
			if len(f.Fixes) != 1 {
				t.Fatalf("%s: %d fixes", f.Resource, len(f.Fixes))
			}
		}
		return float64(ms2.total - ms1.total)
	}
	small, big := cost(250), cost(1000)
	if ratio := big / small; ratio > 6 {
		t.Fatalf("4x the findings allocated %.1fx the bytes; want about 4x (linear)", ratio)
	}
}

// TestAttachStopsAtTheDeadline: the fix phase is bounded by the scan's
// context (--timeout), like the analysis.
func TestAttachStopsAtTheDeadline(t *testing.T) {
	src, findings := fixableFile(t, 50)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := fix.Attach(ctx, findings, func(string) ([]byte, error) { return src, nil })
	if err == nil || !strings.Contains(err.Error(), "not computed") {
		t.Fatalf("err = %v", err)
	}
	for _, f := range findings {
		if len(f.Fixes) != 0 {
			t.Fatal("a fix was computed after the deadline")
		}
	}
}
