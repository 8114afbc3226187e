package parser

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Traversals returns every variable reference in a body, nested blocks and
// dynamic blocks included. It works without a schema for native syntax,
// JSON and merged override bodies.
func Traversals(body hcl.Body) []hcl.Traversal {
	var out []hcl.Traversal
	collectTraversals(body, &out)
	return out
}

func collectTraversals(body hcl.Body, out *[]hcl.Traversal) {
	switch b := body.(type) {
	case *hclsyntax.Body:
		for _, a := range b.Attributes {
			*out = append(*out, a.Expr.Variables()...)
		}
		for _, blk := range b.Blocks {
			collectTraversals(blk.Body, out)
		}
	case *mergedBody:
		collectTraversals(b.base, out)
		collectTraversals(b.override, out)
	default:
		attrs, _ := body.JustAttributes()
		for _, a := range attrs {
			*out = append(*out, a.Expr.Variables()...)
		}
	}
}

// Members lists the argument names and nested block types written in a
// body, sorted. In JSON every property is reported as an argument, since
// JSON cannot tell the two apart without a schema.
func Members(body hcl.Body) (attrs, blocks []string) {
	a := map[string]bool{}
	bl := map[string]bool{}
	collectMembers(body, a, bl)
	for k := range a {
		attrs = append(attrs, k)
	}
	for k := range bl {
		if !a[k] {
			blocks = append(blocks, k)
		}
	}
	sort.Strings(attrs)
	sort.Strings(blocks)
	return attrs, blocks
}

func collectMembers(body hcl.Body, attrs, blocks map[string]bool) {
	switch b := body.(type) {
	case *hclsyntax.Body:
		for n := range b.Attributes {
			attrs[n] = true
		}
		for _, blk := range b.Blocks {
			if blk.Type == "dynamic" && len(blk.Labels) > 0 {
				blocks[blk.Labels[0]] = true
			} else {
				blocks[blk.Type] = true
			}
		}
	case *mergedBody:
		collectMembers(b.base, attrs, blocks)
		collectMembers(b.override, attrs, blocks)
	default:
		as, _ := body.JustAttributes()
		for n := range as {
			if n == "dynamic" {
				continue
			}
			attrs[n] = true
		}
	}
}

// FunctionNames returns the names of the functions called in a native
// syntax expression; it returns nil for JSON expressions, whose templates
// are parsed only when evaluated.
func FunctionNames(expr hcl.Expression) []string {
	se, ok := expr.(hclsyntax.Expression)
	if !ok {
		return nil
	}
	var names []string
	_ = hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
		if call, ok := n.(*hclsyntax.FunctionCallExpr); ok {
			names = append(names, call.Name)
		}
		return nil
	})
	return names
}

// BodyFunctionNames returns the names of the functions called anywhere in
// a native syntax body.
func BodyFunctionNames(body hcl.Body) []string {
	var names []string
	var walk func(hcl.Body)
	walk = func(body hcl.Body) {
		switch b := body.(type) {
		case *hclsyntax.Body:
			_ = hclsyntax.VisitAll(b, func(n hclsyntax.Node) hcl.Diagnostics {
				if call, ok := n.(*hclsyntax.FunctionCallExpr); ok {
					names = append(names, call.Name)
				}
				return nil
			})
		case *mergedBody:
			walk(b.base)
			walk(b.override)
		}
	}
	walk(body)
	return names
}
