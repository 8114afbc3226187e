package lint_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

func inModule(addr, file string, calls ...string) *graph.Resource {
	r := &graph.Resource{Addr: addr, Range: hcl.Range{Filename: file, Start: hcl.Pos{Line: 5, Column: 1, Byte: 50}, End: hcl.Pos{Line: 9, Column: 2, Byte: 120}}}
	for i, c := range calls {
		line := 1 + 10*i
		r.Calls = append(r.Calls, graph.CallSite{
			Address: c,
			Range:   hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: 1, Byte: line * 10}, End: hcl.Pos{Line: line, Column: 20, Byte: line*10 + 19}},
			Block:   hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: 1, Byte: line * 10}, End: hcl.Pos{Line: line + 4, Column: 2, Byte: line*10 + 60}},
		})
	}
	return r
}

func notVendored(file string) bool { return !strings.Contains(file, ".terraform/") }

// TestAnchorAtModuleCall: findings on a resource of a module the user does
// not own are anchored at the call blocks that lead to it, one finding per
// call block, with the resource as the first related location and no fix
// (the module does not map the argument to an input).
func TestAnchorAtModuleCall(t *testing.T) {
	t.Parallel()
	a := inModule("module.a.aws_sqs_queue.this", ".terraform/modules/q/main.tf", "module.a")
	b := inModule("module.b.aws_sqs_queue.this", ".terraform/modules/q/main.tf", "module.a", "module.b")
	b.Calls = b.Calls[1:]
	r := rule("SPW900", func(p *lint.Pass) error {
		for _, q := range []*graph.Resource{a, b} {
			p.Report(lint.Diagnostic{Resource: q, Message: q.Addr + " has no redrive policy", Fix: []lint.FixSpec{{Attribute: "x", Value: "1"}}})
		}
		return nil
	})
	fs, _, _ := lint.RunGraphWith(&graph.Graph{}, ".", []*lint.Rule{r}, nil, lint.RunOptions{Owned: notVendored})
	if len(fs) != 2 {
		t.Fatalf("got %d findings, want one per call block", len(fs))
	}
	lint.SortFindings(fs)
	for i, f := range fs {
		call := []*graph.Resource{a, b}[i].Calls[0]
		if f.Block != call.Block || f.Range != call.Block {
			t.Errorf("%s: anchored at %s, want the call block %s", f.Resource, f.Range, call.Block)
		}
		if len(f.Related) == 0 || f.Related[0].Range.Filename != ".terraform/modules/q/main.tf" {
			t.Errorf("%s: related %+v, want the resource in the module first", f.Resource, f.Related)
		}
		if len(f.FixSpecs) != 0 {
			t.Errorf("%s: fix specs %+v for a file outside the user's tree", f.Resource, f.FixSpecs)
		}
		if !strings.HasPrefix(f.Message, "in module `"+strings.TrimPrefix(call.Address, "module.")+"`, whose code is not in your tree: ") {
			t.Errorf("message %q", f.Message)
		}
	}
	if fs[0].Fingerprint == fs[1].Fingerprint {
		t.Error("the findings of two call blocks share a fingerprint")
	}
	// Without the predicate everything is owned: the finding stays in
	// the module, one for both calls.
	fs, _, _ = lint.RunGraph(&graph.Graph{}, ".", []*lint.Rule{r}, nil)
	if len(fs) != 1 || fs[0].Range.Filename != ".terraform/modules/q/main.tf" || len(fs[0].FixSpecs) != 1 {
		t.Errorf("owned: %+v", fs)
	}
	// Both call blocks are related locations (caller chains).
	var calls int
	for _, rel := range fs[0].Related {
		if rel.Role == "module call" {
			calls++
		}
	}
	if calls != 2 {
		t.Errorf("related %+v, want both module calls", fs[0].Related)
	}
}
