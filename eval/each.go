package eval

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// forEachElement names the element key of the collection a for_each
// expression iterates over, for unknowns read through each.value: the
// collection's reference and the key (`var.queues["orders"]`), the
// collection a for expression only filters (`{for k, v in var.queues :
// k => v if v.enabled}` is var.queues), else the element of the for_each
// with the references the expression makes.
func forEachElement(expr hcl.Expression, key cty.Value) string {
	k := keyText(key)
	if coll, ok := collectionText(expr); ok {
		return coll + k
	}
	return fmt.Sprintf("the for_each element %s (%s)", k, exprText(expr))
}

// collectionText returns the reference an expression is, looking through
// for expressions that keep keys and values as they are.
func collectionText(expr hcl.Expression) (string, bool) {
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return traversalString(e.Traversal), true
	case *hclsyntax.ForExpr:
		if e.Group || !isVar(e.ValExpr, e.ValVar) || (e.KeyExpr != nil && !isVar(e.KeyExpr, e.KeyVar)) {
			return "", false
		}
		return collectionText(e.CollExpr)
	case *hclsyntax.ParenthesesExpr:
		return collectionText(e.Expression)
	}
	return "", false
}

func isVar(expr hcl.Expression, name string) bool {
	t, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	return ok && name != "" && len(t.Traversal) == 1 && t.Traversal.RootName() == name
}

func keyText(key cty.Value) string {
	key, _ = key.Unmark()
	switch {
	case !key.IsKnown() || key.IsNull():
		return "[...]"
	case key.Type() == cty.String:
		return fmt.Sprintf("[%q]", key.AsString())
	case key.Type() == cty.Number:
		return "[" + key.AsBigFloat().Text('f', -1) + "]"
	}
	return "[...]"
}

func pathText(p cty.Path) string {
	s := ""
	for _, step := range p {
		switch st := step.(type) {
		case cty.GetAttrStep:
			s += "." + st.Name
		case cty.IndexStep:
			s += keyText(st.Key)
		}
	}
	return s
}

// withEachOrigins marks every unknown part of an each.value that carries
// no Origin (nor sits inside a value that does) with the element it comes
// from, base plus its path, so that what is unknown through each.value is
// named by the expression behind it rather than as "each.value".
func withEachOrigins(v cty.Value, base string) cty.Value {
	uv, pvm := v.UnmarkDeepWithPaths()
	if uv.IsWhollyKnown() {
		return v
	}
	// name returns the Origin of an unknown part at p: none when it or a
	// value around it has one, the resource attribute it was read from
	// when it has a Ref, else the element path.
	name := func(p cty.Path) (Origin, bool) {
		ref := ""
		for _, pm := range pvm {
			if len(pm.Path) > len(p) || !p[:len(pm.Path)].Equals(pm.Path) {
				continue
			}
			for m := range pm.Marks {
				switch m := m.(type) {
				case Origin:
					return Origin{}, false
				case Ref:
					if len(pm.Path) == len(p) {
						ref = m.Addr
						if m.Attr != "" {
							ref += "." + m.Attr
						}
					}
				}
			}
		}
		if ref != "" {
			return Origin{Expr: ref}, true
		}
		return Origin{Expr: base + pathText(p)}, true
	}
	out, err := cty.Transform(uv, func(p cty.Path, x cty.Value) (cty.Value, error) {
		if x.IsKnown() {
			return x, nil
		}
		if o, ok := name(p); ok {
			return x.Mark(o), nil
		}
		return x, nil
	})
	if err != nil {
		return v
	}
	return out.MarkWithPaths(pvm)
}
