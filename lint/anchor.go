package lint

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/graph"
)

// RunOptions configure RunGraphWith.
type RunOptions struct {
	// Owned reports whether a file, by its name as shown to users, is in
	// the user's tree: code the user edits, as opposed to a module
	// installed by terraform init or fetched into a cache. A finding on
	// a resource in a file that is not owned is anchored at the module
	// call that leads into it (see anchorCall). Nil means every file is
	// owned.
	Owned func(file string) bool
	// PathKey turns a file name as shown to users (relative to the
	// working directory) into the name fingerprints hash (relative to
	// the repository root), so fingerprints do not depend on the working
	// directory. Nil hashes names as shown.
	PathKey func(display string) string
}

func (o RunOptions) pathKey(name string) string {
	if o.PathKey == nil {
		return name
	}
	return o.PathKey(name)
}

func (o RunOptions) owned(file string) bool {
	return o.Owned == nil || o.Owned(file)
}

// anchorCall returns the index in res.Calls of the module call a finding
// on res is anchored at when res is declared in a file the user does not
// own: the last call written in an owned file, which is where the chain
// of calls leaves the user's tree (the calls inside vendored modules are
// not the user's to edit). It returns -1 when res is owned, or when no
// call on its path is.
func anchorCall(res *graph.Resource, opts RunOptions) int {
	if opts.owned(res.Range.Filename) {
		return -1
	}
	for i := len(res.Calls) - 1; i >= 0; i-- {
		if opts.owned(res.Calls[i].Range.Filename) {
			return i
		}
	}
	return -1
}

// callName returns the name of the last module call in a module address:
// "lambda" for `module.app.module.lambda["x"]`.
func callName(addr string) string {
	b := graph.BlockAddr(addr)
	return b[strings.LastIndex(b, ".")+1:]
}

// anchor moves a finding on a resource in a module the user does not own
// to the module call at index idx of the resource's calls: the call block
// becomes the finding's block (suppressions and fixes apply there), the
// resource becomes a related location, and when the rule's fix sets an
// argument that the module writes as exactly var.NAME, the fix sets the
// input NAME on the call instead, and the message says the value comes
// from the input. Without such a mapping the finding has no fix: nothing
// ever edits a file outside the user's tree.
func anchor(fd *Finding, first rawFinding, idx int) {
	res := first.resource
	c := res.Calls[idx]
	name := callName(c.Address)
	inside := RelatedLocation{Resource: res.Addr, Range: res.Range, Role: fmt.Sprintf("the resource, in module %s whose code is not in your tree", name)}
	fd.Related = append([]RelatedLocation{inside}, fd.Related...)
	fd.Block, fd.Range = c.Block, c.Block
	if fd.Block == (hcl.Range{}) {
		fd.Block, fd.Range = c.Range, c.Range
	}
	specs := fd.FixSpecs
	fd.FixSpecs = nil
	original := fd.Message
	fd.Message = fmt.Sprintf("in module `%s`, whose code is not in your tree: %s", name, original)
	// Only the module the resource is declared in maps its var.NAME to
	// the call; through a nested vendored module there is no direct
	// mapping.
	if idx != len(res.Calls)-1 || len(specs) == 0 {
		return
	}
	var moved []FixSpec
	var lead graph.ModuleInput
	for i, s := range specs {
		if len(s.Block) > 0 {
			return
		}
		in, ok := res.ModuleInput(s.Attribute)
		if !ok {
			return
		}
		if i == 0 {
			lead = in
		}
		if in.Set {
			// Not a mechanical fix: len(moved) stays short.
			continue
		}
		moved = append(moved, FixSpec{
			Description: fmt.Sprintf("Set the input %s of module %s (the module passes it to %s): %s", in.Name, name, s.Attribute, s.Description),
			Attribute:   in.Name,
			Value:       s.Value,
		})
	}
	if lead.Set {
		// The caller chose the value: anchor at the argument and offer no
		// mechanical fix (it would be a judgement, see FixSpec).
		fd.Range = lead.Arg
		fd.Message = fmt.Sprintf("module `%s` sets `%s` to the value it passes to `%s`: %s", name, lead.Name, specs[0].Attribute, original)
		return
	}
	def := "its default"
	if lead.Value != "" {
		def += " " + lead.Value
	}
	fd.Message = fmt.Sprintf("module `%s` leaves `%s` at %s: set it on the call (%s)", name, lead.Name, def, original)
	if len(moved) == len(specs) {
		fd.FixSpecs = moved
	}
}
