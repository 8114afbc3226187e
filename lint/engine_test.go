package lint_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

func res(addr string, line int) *graph.Resource {
	return &graph.Resource{
		Addr:  addr,
		Range: hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: 1, Byte: line * 10}, End: hcl.Pos{Line: line + 2, Column: 2}},
	}
}

func rule(id string, check func(p *lint.Pass) error) *lint.Rule {
	return &lint.Rule{ID: id, Name: "rule-" + strings.ToLower(id), Severity: lint.Medium, Summary: "s", Doc: "d", Check: check}
}

func TestInstancesOfOneBlockAreOneFinding(t *testing.T) {
	b := res(`aws_lambda_function.f["b"]`, 3)
	a := res(`aws_lambda_function.f["a"]`, 3)
	c10 := res(`aws_lambda_function.g[10]`, 9)
	c2 := res(`aws_lambda_function.g[2]`, 9)
	r := rule("SPW900", func(p *lint.Pass) error {
		p.Report(lint.Diagnostic{Resource: b, Message: "b is bad"})
		p.Report(lint.Diagnostic{Resource: a, Message: "a is bad", Related: []lint.Related{{Resource: c2, Role: "trigger"}}})
		p.Report(lint.Diagnostic{Resource: c10, Message: "g10 is bad"})
		p.Report(lint.Diagnostic{Resource: c2, Message: "g2 is bad"})
		return nil
	})
	fs, us, diags := lint.RunGraph(&graph.Graph{Root: "."}, ".", []*lint.Rule{r}, nil)
	if len(diags) != 0 || len(us) != 0 {
		t.Fatalf("diags %v undetermined %v", diags, us)
	}
	lint.SortFindings(fs)
	type got struct {
		Resource  string
		Instances []string
		Message   string
		Related   int
	}
	var gots []got
	for _, f := range fs {
		gots = append(gots, got{f.Resource, f.Instances, f.Message, len(f.Related)})
	}
	want := []got{
		{`aws_lambda_function.f["a"]`, []string{`aws_lambda_function.f["a"]`, `aws_lambda_function.f["b"]`}, "a is bad", 1},
		{`aws_lambda_function.g[2]`, []string{`aws_lambda_function.g[2]`, `aws_lambda_function.g[10]`}, "g2 is bad", 0},
	}
	if diff := cmp.Diff(want, gots); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if fs[0].Fingerprint != lint.Fingerprint("SPW900", "aws_lambda_function.f", fs[0].Block.Filename) {
		t.Errorf("fingerprint is not the hash of rule, block address and file")
	}
	if want := []string{lint.Fingerprint("SPW900", `aws_lambda_function.f["a"]`, ".")}; !slices.Equal(fs[0].LegacyFingerprints, want) {
		t.Errorf("legacy fingerprints %v, want the hash of rule, first instance and root %v", fs[0].LegacyFingerprints, want)
	}
}

func TestSeveritiesStaySeparate(t *testing.T) {
	a, b := res("aws_x.y[0]", 1), res("aws_x.y[1]", 1)
	r := rule("SPW900", func(p *lint.Pass) error {
		p.Report(lint.Diagnostic{Severity: lint.High, Resource: a, Message: "high"})
		p.Report(lint.Diagnostic{Resource: b, Message: "medium"})
		return nil
	})
	fs, _, _ := lint.RunGraph(&graph.Graph{}, ".", []*lint.Rule{r}, nil)
	lint.SortFindings(fs)
	if len(fs) != 2 || fs[0].Severity != lint.High || fs[1].Severity != lint.Medium {
		t.Fatalf("want a high then a medium finding, got %+v", fs)
	}
}

func TestUncertainInstancesAreUndetermined(t *testing.T) {
	u := res("aws_x.y", 4)
	graph.Uncertain(u, "var.n")
	r := rule("SPW900", func(p *lint.Pass) error {
		p.Report(lint.Diagnostic{Resource: u, Message: "maybe"})
		p.ReportIf(graph.Maybe("var.z"), lint.Diagnostic{Resource: res("aws_x.z", 8)})
		p.ReportIf(graph.Maybe("var.z"), lint.Diagnostic{Resource: res("aws_x.z", 8)})
		return nil
	})
	fs, us, _ := lint.RunGraph(&graph.Graph{}, ".", []*lint.Rule{r}, nil)
	if len(fs) != 0 {
		t.Errorf("a finding on an instance that may not exist: %+v", fs)
	}
	lint.SortUndetermined(us)
	var got []string
	for _, x := range us {
		got = append(got, x.Resource+" "+x.Unknown)
	}
	if diff := cmp.Diff([]string{"aws_x.y var.n", "aws_x.z var.z"}, got); diff != "" {
		t.Errorf("undetermined (-want +got):\n%s", diff)
	}
}

func TestPanickingRuleIsAnErrorAndOthersRun(t *testing.T) {
	boom := rule("SPW901", func(*lint.Pass) error { panic("boom") })
	ok := rule("SPW902", func(p *lint.Pass) error {
		p.Report(lint.Diagnostic{Resource: res("aws_x.y", 1), Message: "fine"})
		return nil
	})
	fs, _, diags := lint.RunGraph(&graph.Graph{Root: "root"}, "root", []*lint.Rule{boom, ok}, nil)
	if len(fs) != 1 || fs[0].RuleID != "SPW902" {
		t.Errorf("the second rule did not run: %+v", fs)
	}
	if len(diags) != 1 || diags[0].Severity != hcl.DiagError || !strings.Contains(diags[0].Summary, "SPW901") || !strings.Contains(diags[0].Detail, "boom") {
		t.Errorf("want one error naming SPW901 and the panic, got %v", diags)
	}
}

func TestParseSeverity(t *testing.T) {
	for in, want := range map[string]lint.Severity{"low": lint.Low, "MEDIUM": lint.Medium, "high": lint.High} {
		if got, err := lint.ParseSeverity(in); err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := lint.ParseSeverity("urgent"); err == nil {
		t.Error("ParseSeverity accepted urgent")
	}
}

func TestUndeterminedIsOnePerRuleBlockAndRoot(t *testing.T) {
	call := func(key string) []graph.CallSite {
		return []graph.CallSite{{Address: `module.q["` + key + `"]`, Range: hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 2, Column: 1}}}}
	}
	b := res(`module.q["b"].aws_lambda_event_source_mapping.m`, 5)
	b.Calls = call("b")
	a := res(`module.q["a"].aws_lambda_event_source_mapping.m`, 5)
	a.Calls = call("a")
	r := rule("SPW900", func(p *lint.Pass) error {
		p.ReportIf(graph.Maybe(`var.queues["b"]`), lint.Diagnostic{Resource: b})
		p.ReportIf(graph.Maybe(`var.queues["a"]`), lint.Diagnostic{Resource: a})
		p.ReportIf(graph.Maybe(`var.queues["a"]`), lint.Diagnostic{Resource: a})
		return nil
	})
	other := rule("SPW901", func(p *lint.Pass) error {
		p.ReportIf(graph.Maybe(`var.queues["a"]`), lint.Diagnostic{Resource: a})
		return nil
	})
	_, us, _ := lint.RunGraph(&graph.Graph{}, "envs/prod", []*lint.Rule{r, other}, nil)
	lint.SortUndetermined(us)
	want := []lint.Undetermined{
		{RuleID: "SPW900", Resource: a.Addr, Range: a.Range, Unknown: `var.queues["a"]; var.queues["b"]`, Root: "envs/prod", Calls: []lint.Call{{Address: `module.q["a"]`, Range: a.Calls[0].Range}}},
		{RuleID: "SPW901", Resource: a.Addr, Range: a.Range, Unknown: `var.queues["a"]`, Root: "envs/prod", Calls: []lint.Call{{Address: `module.q["a"]`, Range: a.Calls[0].Range}}},
	}
	if diff := cmp.Diff(want, us); diff != "" {
		t.Errorf("undetermined (-want +got):\n%s", diff)
	}
}

// TestFolds: a finding of a rule that folds another absorbs that rule's
// finding on a related resource (its related resources move over, the
// absorbing finding's own resource excepted); findings on other resources,
// and findings absorbed by an uncertain finding, stay.
func TestFolds(t *testing.T) {
	fn, other, url, api := res("aws_lambda_function.f", 1), res("aws_lambda_function.g", 5), res("aws_lambda_function_url.u", 9), res("aws_api_gateway_integration.i", 13)
	maybeURL := graph.Uncertain(res("aws_lambda_function_url.v", 17), "var.n")
	folded := rule("SPW901", func(p *lint.Pass) error {
		p.Report(lint.Diagnostic{Resource: fn, Message: "f", Related: []lint.Related{{Resource: url, Role: "trigger"}, {Resource: api, Role: "trigger"}}})
		p.Report(lint.Diagnostic{Resource: other, Message: "g"})
		return nil
	})
	folding := rule("SPW902", func(p *lint.Pass) error {
		p.Report(lint.Diagnostic{Resource: url, Message: "u", Related: []lint.Related{{Resource: fn, Role: "function"}}})
		p.Report(lint.Diagnostic{Resource: maybeURL, Message: "v", Related: []lint.Related{{Resource: other, Role: "function"}}})
		return nil
	})
	folding.Folds = []string{"SPW901"}
	fs, us, _ := lint.RunGraph(&graph.Graph{}, ".", []*lint.Rule{folded, folding}, nil)
	lint.SortFindings(fs)
	var got []string
	for _, f := range fs {
		s := f.RuleID + " " + f.Resource
		for _, r := range f.Related {
			s += " | " + r.Resource + " " + r.Role
		}
		got = append(got, s)
	}
	want := []string{
		"SPW901 aws_lambda_function.g",
		"SPW902 aws_lambda_function_url.u | aws_lambda_function.f function | aws_api_gateway_integration.i trigger",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if len(us) != 1 || us[0].RuleID != "SPW902" {
		t.Errorf("want the uncertain SPW902 undetermined, got %+v", us)
	}
}
