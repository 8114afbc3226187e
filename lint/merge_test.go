package lint_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/lint"
)

// shared is the finding of one root module on a block of a module that
// several root modules call.
func shared(root string, sev lint.Severity, addr string, spec []lint.FixSpec) lint.Finding {
	block := hcl.Range{Filename: "modules/fn/main.tf", Start: hcl.Pos{Line: 41, Column: 1, Byte: 900}, End: hcl.Pos{Line: 60, Column: 2, Byte: 1500}}
	call := hcl.Range{Filename: root + "/main.tf", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 20}}
	return lint.Finding{
		RuleID: "SPW201", Severity: sev, Message: addr + " has no reserved_concurrent_executions",
		Resource: addr, Instances: []string{addr}, Range: block, Block: block, Root: root,
		RootInstances:      []lint.Instance{{Root: root, Address: addr}},
		Calls:              []lint.Call{{Address: "module.fn", Range: call}},
		Fingerprint:        lint.Fingerprint("SPW201", "aws_lambda_function.this", block.Filename),
		LegacyFingerprints: []string{lint.Fingerprint("SPW201", addr, root)},
		FixSpecs:           spec,
	}
}

// TestMergeRoots: the findings of three root modules at one place of a
// shared module are one finding at the highest severity, whose instances,
// caller chains (related locations) and legacy fingerprints cover every
// root, whatever order the roots come in; a finding elsewhere stays.
func TestMergeRoots(t *testing.T) {
	t.Parallel()
	spec := []lint.FixSpec{{Attribute: "reserved_concurrent_executions", Value: "10"}}
	in := []lint.Finding{
		shared("examples/b", lint.Medium, "module.fn.aws_lambda_function.this[0]", spec),
		shared("examples/a", lint.High, "module.fn.aws_lambda_function.this[0]", spec),
		shared("examples/c", lint.Medium, "module.fn.aws_lambda_function.this[0]", spec),
	}
	other := shared("examples/a", lint.Low, "aws_sqs_queue.q", nil)
	other.RuleID = "SPW102"
	in = append(in, other)
	out := lint.MergeRoots(in)
	rev := slices.Clone(in)
	slices.Reverse(rev)
	if diff := cmp.Diff(out, lint.MergeRoots(rev)); diff != "" {
		t.Errorf("the result depends on the order of the root modules (-first +reversed):\n%s", diff)
	}
	if len(out) != 2 {
		t.Fatalf("got %d findings, want the merged one and the other rule's", len(out))
	}
	// Sorted by place, then rule ID: the other rule's finding first.
	f := out[1]
	if f.RuleID != "SPW201" || f.Severity != lint.High || f.Root != "examples/a" {
		t.Errorf("merged finding %s %s root %s, want SPW201 high with root examples/a", f.RuleID, f.Severity, f.Root)
	}
	if !strings.HasSuffix(f.Message, " (in 3 instances across 3 root modules)") {
		t.Errorf("message %q does not count the instances", f.Message)
	}
	var roots []string
	for _, i := range f.RootInstances {
		roots = append(roots, i.Root)
	}
	if diff := cmp.Diff([]string{"examples/a", "examples/b", "examples/c"}, roots); diff != "" {
		t.Errorf("root instances (-want +got):\n%s", diff)
	}
	var chains []string
	for _, r := range f.Related {
		chains = append(chains, r.Range.Filename+" "+r.Role)
	}
	want := []string{
		"examples/a/main.tf module call from root module examples/a",
		"examples/b/main.tf module call from root module examples/b",
		"examples/c/main.tf module call from root module examples/c",
	}
	if diff := cmp.Diff(want, chains); diff != "" {
		t.Errorf("caller chains (-want +got):\n%s", diff)
	}
	if len(f.LegacyFingerprints) != 3 || f.Fingerprint != in[0].Fingerprint {
		t.Errorf("fingerprint %s, legacy %v: want the shared one and one legacy per root", f.Fingerprint, f.LegacyFingerprints)
	}
	if len(f.FixSpecs) != 1 {
		t.Errorf("fix specs %v, want the one all roots agree on", f.FixSpecs)
	}

	// A baseline written before (one legacy fingerprint per root)
	// suppresses the merged finding.
	bl := readBaseline(t, writeBaseline(t, []lint.Finding{{RuleID: "SPW201", Resource: "x", Fingerprint: in[2].LegacyFingerprints[0]}}))
	if got := bl.Apply(out); got[0].Suppressed || !got[1].Suppressed {
		t.Errorf("legacy baseline: suppressed %v %v, want false true", got[0].Suppressed, got[1].Suppressed)
	}
	if u := bl.Unmatched(out); len(u) != 0 {
		t.Errorf("legacy entry reported unmatched: %+v", u)
	}
}

// TestMergeRootsFixDisagreement: when the root modules' fixes of the
// shared block differ, the merged finding has none.
func TestMergeRootsFixDisagreement(t *testing.T) {
	t.Parallel()
	a := shared("a", lint.Medium, "module.fn.aws_lambda_function.this[0]", []lint.FixSpec{{Attribute: "x", Value: "1"}})
	b := shared("b", lint.Medium, "module.fn.aws_lambda_function.this[0]", []lint.FixSpec{{Attribute: "x", Value: "2"}})
	out := lint.MergeRoots([]lint.Finding{a, b})
	if len(out) != 1 || len(out[0].FixSpecs) != 0 {
		t.Errorf("got %+v, want one finding without fix specs", out)
	}
}

// TestMergeRootsKeepsOneRootsSeverities: one root module's findings of
// two severities at one place stay two findings.
func TestMergeRootsKeepsOneRootsSeverities(t *testing.T) {
	t.Parallel()
	a := shared(".", lint.High, "module.pub.aws_lambda_function.this[0]", nil)
	b := shared(".", lint.Medium, "module.priv.aws_lambda_function.this[0]", nil)
	if out := lint.MergeRoots([]lint.Finding{a, b}); len(out) != 2 {
		t.Errorf("got %d findings, want 2", len(out))
	}
}
