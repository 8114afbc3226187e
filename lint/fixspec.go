package lint

import (
	"slices"
	"strings"

	"github.com/spillway-iac/spillway/graph"
)

// FixSpec is a declarative, mechanical fix a rule attaches to a finding:
// set Attribute = Value in the nested block at Block under the anchored
// resource (nil: the resource's own body), creating the blocks of the path
// that do not exist. Rules cannot read files, so they only say what to
// add; package internal/fix turns the specs of a finding into source
// edits.
//
// The spec says what the argument should be; internal/fix edits a block
// only when the argument (or block) is absent from it: never when it is
// set, whether to a variable, to null or to a sentinel such as -1,
// because then the author chose a value and the fix is a judgement, not a
// mechanical edit. A rule may therefore attach a spec to a finding on a set
// argument: when the resource is in a module the user does not own and the
// module writes the argument as exactly var.NAME, the engine turns the
// spec into setting the input NAME on the module call (see RunOptions),
// which the call block may well lack.
type FixSpec struct {
	// Description says what the fix does, for humans ("Reserve
	// concurrency: ... is a starting point, adjust it").
	Description string
	// Block is the path of nested block types from the resource, such as
	// ["scaling_config"], or nil for the resource's own body.
	Block []string
	// Attribute is the argument to add.
	Attribute string
	// Value is the argument's value as HCL native syntax ("10", "true",
	// `["ReportBatchItemFailures"]`).
	Value string
}

// Equal reports whether two specs are the same.
func (s FixSpec) Equal(o FixSpec) bool {
	return s.Description == o.Description && slices.Equal(s.Block, o.Block) &&
		s.Attribute == o.Attribute && s.Value == o.Value
}

// FixDescription returns the description of the fix made of specs: their
// distinct descriptions, in order, joined with "; ".
func FixDescription(specs []FixSpec) string {
	var parts []string
	for _, s := range specs {
		if s.Description != "" && !slices.Contains(parts, s.Description) {
			parts = append(parts, s.Description)
		}
	}
	return strings.Join(parts, "; ")
}

// ReportFix records a finding at the rule's severity, with the specs of a
// suggested fix (see FixSpec).
func (p *Pass) ReportFix(resource *graph.Resource, message string, specs []FixSpec, related ...Related) {
	p.ReportSeverityFix(p.Rule.Severity, resource, message, specs, related...)
}

// ReportSeverityFix records a finding at a given severity with the specs of
// a suggested fix.
func (p *Pass) ReportSeverityFix(sev Severity, resource *graph.Resource, message string, specs []FixSpec, related ...Related) {
	p.report(rawFinding{rule: p.Rule, severity: sev, resource: resource, message: message, related: related, fix: specs})
}

// sameFixSpecs reports whether every finding of a group carries the same
// specs, so that one fix of the shared block is right for all instances.
func sameFixSpecs(fs []rawFinding) bool {
	for _, f := range fs[1:] {
		if !slices.EqualFunc(f.fix, fs[0].fix, FixSpec.Equal) {
			return false
		}
	}
	return true
}
