package parser

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

var ctyString = cty.String

// MergeBodies returns a body that reads as base with override merged in,
// following Terraform's override rules: an argument in override replaces the
// argument of the same name, and if override has any nested block of a type
// (static or "dynamic"), those blocks replace every block of that type in
// base.
func MergeBodies(base, override hcl.Body) hcl.Body {
	return &mergedBody{base: base, override: override}
}

type mergedBody struct {
	base, override hcl.Body
}

var _ hcl.Body = (*mergedBody)(nil)

func (b *mergedBody) Content(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Diagnostics) {
	c, _, diags := b.PartialContent(schema)
	return c, diags
}

func (b *mergedBody) PartialContent(schema *hcl.BodySchema) (*hcl.BodyContent, hcl.Body, hcl.Diagnostics) {
	bc, bRemain, diags := b.base.PartialContent(schema)
	oc, oRemain, oDiags := b.override.PartialContent(schema)
	diags = append(diags, oDiags...)
	return mergeContent(bc, oc), &mergedBody{base: bRemain, override: oRemain}, diags
}

func (b *mergedBody) JustAttributes() (hcl.Attributes, hcl.Diagnostics) {
	ba, diags := b.base.JustAttributes()
	oa, oDiags := b.override.JustAttributes()
	diags = append(diags, oDiags...)
	out := hcl.Attributes{}
	for k, v := range ba {
		out[k] = v
	}
	for k, v := range oa {
		out[k] = v
	}
	return out, diags
}

func (b *mergedBody) MissingItemRange() hcl.Range { return b.base.MissingItemRange() }

// blockKey is the type a block counts as for overriding: a dynamic block
// counts as the type it generates.
func blockKey(blk *hcl.Block) string {
	if blk.Type == "dynamic" && len(blk.Labels) > 0 {
		return blk.Labels[0]
	}
	return blk.Type
}

func mergeContent(base, override *hcl.BodyContent) *hcl.BodyContent {
	out := &hcl.BodyContent{
		Attributes:       hcl.Attributes{},
		MissingItemRange: base.MissingItemRange,
	}
	for k, v := range base.Attributes {
		out.Attributes[k] = v
	}
	for k, v := range override.Attributes {
		out.Attributes[k] = v
	}
	replaced := map[string]bool{}
	for _, blk := range override.Blocks {
		replaced[blockKey(blk)] = true
	}
	for _, blk := range base.Blocks {
		if !replaced[blockKey(blk)] {
			out.Blocks = append(out.Blocks, blk)
		}
	}
	out.Blocks = append(out.Blocks, override.Blocks...)
	return out
}
