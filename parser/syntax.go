package parser

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Traversals returns every variable reference in a body, nested blocks and
// dynamic blocks included. It works without a schema for native syntax,
// JSON and merged override bodies; in a merged body, the references of
// base arguments and blocks that an override replaced are left out.
func Traversals(body hcl.Body) []hcl.Traversal {
	var out []hcl.Traversal
	collectTraversals(body, &out, nil)
	return out
}

// collectTraversals adds the references of body to out, leaving out the
// arguments and nested block types named in skip: those an override file
// replaced, which are never evaluated.
func collectTraversals(body hcl.Body, out *[]hcl.Traversal, skip map[string]bool) {
	switch b := body.(type) {
	case *hclsyntax.Body:
		for name, a := range b.Attributes {
			if !skip[name] {
				*out = append(*out, a.Expr.Variables()...)
			}
		}
		for _, blk := range b.Blocks {
			if !skip[blockKey(blk.AsHCLBlock())] {
				collectTraversals(blk.Body, out, nil)
			}
		}
	case *mergedBody:
		// The override's arguments and block types replace the base's.
		// In JSON the two cannot be told apart, so a name hides both.
		attrs, blocks := map[string]bool{}, map[string]bool{}
		collectMembers(b.override, attrs, blocks)
		baseSkip := map[string]bool{}
		for _, m := range []map[string]bool{skip, attrs, blocks} {
			for k := range m {
				baseSkip[k] = true
			}
		}
		collectTraversals(b.base, out, baseSkip)
		collectTraversals(b.override, out, skip)
	default:
		attrs, _ := body.JustAttributes()
		for name, a := range attrs {
			if !skip[name] {
				*out = append(*out, a.Expr.Variables()...)
			}
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

// DynamicIterators returns the iterator names that dynamic blocks in a
// native syntax body introduce: each block's label, or its iterator
// argument.
func DynamicIterators(body hcl.Body) []string {
	var out []string
	var walk func(hcl.Body)
	walk = func(body hcl.Body) {
		switch b := body.(type) {
		case *hclsyntax.Body:
			for _, blk := range b.Blocks {
				if blk.Type == "dynamic" && len(blk.Labels) > 0 {
					name := blk.Labels[0]
					if a, ok := blk.Body.Attributes["iterator"]; ok {
						if kw := hcl.ExprAsKeyword(a.Expr); kw != "" {
							name = kw
						}
					}
					out = append(out, name)
				}
				walk(blk.Body)
			}
		case *mergedBody:
			walk(b.base)
			walk(b.override)
		}
	}
	walk(body)
	return out
}

// MapExpressions returns a copy of body in which every native syntax
// argument expression, in nested blocks and override files too, is
// replaced by f(expression). JSON bodies are returned unchanged. The
// parsed body is not modified, so it can be shared with other callers.
func MapExpressions(body hcl.Body, f func(hclsyntax.Expression) hclsyntax.Expression) hcl.Body {
	switch b := body.(type) {
	case *hclsyntax.Body:
		return mapSyntaxBody(b, f)
	case *mergedBody:
		return &mergedBody{base: MapExpressions(b.base, f), override: MapExpressions(b.override, f)}
	}
	return body
}

func mapSyntaxBody(b *hclsyntax.Body, f func(hclsyntax.Expression) hclsyntax.Expression) *hclsyntax.Body {
	c := *b
	c.Attributes = make(hclsyntax.Attributes, len(b.Attributes))
	for name, a := range b.Attributes {
		ac := *a
		ac.Expr = f(a.Expr)
		c.Attributes[name] = &ac
	}
	c.Blocks = make(hclsyntax.Blocks, len(b.Blocks))
	for i, blk := range b.Blocks {
		bc := *blk
		bc.Body = mapSyntaxBody(blk.Body, f)
		c.Blocks[i] = &bc
	}
	return &c
}

// Attribute returns the argument name of a body, without building a
// content schema: directly from the syntax tree for native bodies, override
// first for merged bodies, and through PartialContent for JSON. It returns
// nil when the argument is absent.
func Attribute(body hcl.Body, name string) *hcl.Attribute {
	switch b := body.(type) {
	case *hclsyntax.Body:
		if a, ok := b.Attributes[name]; ok {
			return a.AsHCLAttribute()
		}
		return nil
	case *mergedBody:
		if a := Attribute(b.override, name); a != nil {
			return a
		}
		return Attribute(b.base, name)
	}
	content, _, _ := body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: name}}})
	return content.Attributes[name]
}

// HasDynamic reports whether a body may hold dynamic blocks of a type, so
// that its blocks of that type must be expanded with ext/dynblock. It is
// exact for native and merged bodies and conservative for JSON.
func HasDynamic(body hcl.Body, typ string) bool {
	switch b := body.(type) {
	case *hclsyntax.Body:
		for _, blk := range b.Blocks {
			if blk.Type == "dynamic" && len(blk.Labels) > 0 && blk.Labels[0] == typ {
				return true
			}
		}
		return false
	case *mergedBody:
		return HasDynamic(b.base, typ) || HasDynamic(b.override, typ)
	}
	return true
}

// BlockTraversals returns the references made anywhere inside the blocks
// of a type in a body, dynamic blocks of that type included: what the
// context of their expansion needs.
func BlockTraversals(body hcl.Body, typ string) []hcl.Traversal {
	var out []hcl.Traversal
	switch b := body.(type) {
	case *hclsyntax.Body:
		for _, blk := range b.Blocks {
			if blk.Type == typ || (blk.Type == "dynamic" && len(blk.Labels) > 0 && blk.Labels[0] == typ) {
				collectTraversals(blk.Body, &out, nil)
			}
		}
	case *mergedBody:
		// Override blocks of the type replace the base's; a JSON override
		// cannot tell blocks from arguments, so both count then.
		if _, native := b.override.(*hclsyntax.Body); native {
			blocks := map[string]bool{}
			collectMembers(b.override, map[string]bool{}, blocks)
			if blocks[typ] {
				return BlockTraversals(b.override, typ)
			}
			return BlockTraversals(b.base, typ)
		}
		out = append(out, BlockTraversals(b.base, typ)...)
		out = append(out, BlockTraversals(b.override, typ)...)
	default:
		collectTraversals(body, &out, nil)
	}
	return out
}
