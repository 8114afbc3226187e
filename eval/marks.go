package eval

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Origin marks an unknown value with the expression that made it unknown,
// such as "var.reserved" or "data.aws_caller_identity.current".
type Origin struct {
	Expr string
}

// Ref marks a value that was read from an attribute of a resource
// instance. Addr is the instance's absolute address; Attr is the attribute
// name, or empty when the reference is to the instance as a whole.
type Ref struct {
	Addr string
	Attr string
}

// resourceObject marks a resource instance read as a whole object (by a
// splat, a for expression, each.value or a local holding it). Such an
// object holds the configured and the commonly computed attributes only;
// reading any other attribute through it is not an error but an unknown
// value only the provider knows.
type resourceObject struct {
	addr string
}

// JSONOf marks the unknown result of jsonencode with the value that was
// encoded, so that the known parts of a JSON document stay readable.
type JSONOf struct {
	v *cty.Value
}

// Value returns the value that was encoded.
func (j JSONOf) Value() cty.Value { return *j.v }

// TemplateOf marks the unknown result of a string template with its parts:
// literal strings and the (possibly unknown) values interpolated between
// them.
type TemplateOf struct {
	parts *[]cty.Value
}

// Parts returns the parts of the template in order.
func (t TemplateOf) Parts() []cty.Value { return *t.parts }

// Refs returns the Ref marks on v (its top level only), sorted.
func Refs(v cty.Value) []Ref {
	var out []Ref
	for m := range v.Marks() {
		if r, ok := m.(Ref); ok {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Addr != out[j].Addr {
			return out[i].Addr < out[j].Addr
		}
		return out[i].Attr < out[j].Attr
	})
	return out
}

// Origins returns the Origin marks on v and everything inside it, sorted
// and without duplicates.
func Origins(v cty.Value) []string {
	return deepMarkKeys(v, func(m any) (string, bool) {
		o, ok := m.(Origin)
		return o.Expr, ok
	})
}

// RefAddrs returns the addresses of the Ref marks on v and everything
// inside it, sorted and without duplicates.
func RefAddrs(v cty.Value) []string {
	return deepMarkKeys(v, func(m any) (string, bool) {
		r, ok := m.(Ref)
		return r.Addr, ok
	})
}

// deepMarkKeys returns the keys of the marks on v and everything inside
// it for which key reports one, sorted and without duplicates.
func deepMarkKeys(v cty.Value, key func(mark any) (string, bool)) []string {
	_, pvm := v.UnmarkDeepWithPaths()
	set := map[string]bool{}
	for _, p := range pvm {
		for m := range p.Marks {
			if k, ok := key(m); ok {
				set[k] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// JSONSource returns the encoded value when v is the unknown result of
// jsonencode.
func JSONSource(v cty.Value) (cty.Value, bool) {
	for m := range v.Marks() {
		if j, ok := m.(JSONOf); ok {
			return j.Value(), true
		}
	}
	return cty.NilVal, false
}

// TemplateSource returns the parts of v when v is the unknown result of a
// string template.
func TemplateSource(v cty.Value) ([]cty.Value, bool) {
	for m := range v.Marks() {
		if t, ok := m.(TemplateOf); ok {
			return t.Parts(), true
		}
	}
	return nil, false
}

// withoutTemplate returns v without the TemplateOf marks at its top level.
func withoutTemplate(v cty.Value) cty.Value {
	u, marks := v.Unmark()
	keep := cty.ValueMarks{}
	drop := false
	for m := range marks {
		if _, ok := m.(TemplateOf); ok {
			drop = true
			continue
		}
		keep[m] = struct{}{}
	}
	if !drop {
		return v
	}
	return u.WithMarks(keep)
}

// withoutTemplateDeep returns v without any TemplateOf mark, at any path.
func withoutTemplateDeep(v cty.Value) cty.Value {
	u, pvm := v.UnmarkDeepWithPaths()
	drop := false
	out := make([]cty.PathValueMarks, 0, len(pvm))
	for _, p := range pvm {
		keep := cty.ValueMarks{}
		for m := range p.Marks {
			if _, ok := m.(TemplateOf); ok {
				drop = true
				continue
			}
			keep[m] = struct{}{}
		}
		if len(keep) > 0 {
			out = append(out, cty.PathValueMarks{Path: p.Path, Marks: keep})
		}
	}
	if !drop {
		return v
	}
	return u.MarkWithPaths(out)
}

// templateTainted reports whether evaluating expr may leave on its value
// TemplateOf marks that do not describe it: a template nested in a larger
// expression (a conditional branch, an object attribute, a for
// expression) carries the marks of what it interpolates, not its own
// parts, and a conditional whose condition is unknown carries the marks
// of both its results. Function calls need no check here: every function but those
// that return an argument unchanged drops TemplateOf marks (see
// templatePassThrough). Expressions that are not native syntax are
// tainted.
func templateTainted(expr hcl.Expression) bool {
	e, ok := expr.(hclsyntax.Expression)
	if !ok {
		return true
	}
	tainted := false
	// The visitor returns no diagnostics, so VisitAll has none to report.
	_ = hclsyntax.VisitAll(e, func(n hclsyntax.Node) hcl.Diagnostics {
		switch t := n.(type) {
		case *hclsyntax.TemplateExpr:
			tainted = tainted || !t.IsStringLiteral()
		case *hclsyntax.ConditionalExpr:
			// With an unknown condition, the result carries the
			// marks of both results.
			tainted = true
		}
		return nil
	})
	return tainted
}

// templatePassThrough are the functions whose result is one of their
// arguments unchanged, so its TemplateOf marks still describe it; every
// other function's result drops them.
var templatePassThrough = map[string]bool{
	"lookup": true, "try": true, "coalesce": true, "element": true, "one": true,
	"tostring": true, "sensitive": true, "nonsensitive": true,
}

// TemplateIdentity identifies the template evaluation that made the
// unknown string v: two values with the same identity are the same string
// (evaluation drops TemplateOf marks wherever they could describe
// something else: results of functions that transform their arguments,
// templates nested in larger expressions, conditionals). ok is false when
// v has no template mark, or several.
func TemplateIdentity(v cty.Value) (id any, ok bool) {
	for m := range v.Marks() {
		if t, isT := m.(TemplateOf); isT {
			if ok {
				return nil, false
			}
			id, ok = t.parts, true
		}
	}
	return id, ok
}

// WithTemplate marks an unknown string with the parts it is made of, as
// evaluation does for templates; package graph uses it for strings inside
// JSON documents that were themselves built by templates.
func WithTemplate(v cty.Value, parts []cty.Value) cty.Value {
	p := append([]cty.Value(nil), parts...)
	return v.Mark(TemplateOf{parts: &p})
}

// remarkConverted puts the marks that were taken off a value before a type
// conversion back on the converted value. A conversion changes the shape
// of paths: an object attribute becomes a map key (map(string),
// map(any), map(object)), a tuple element a list element, and a set
// holds no marks on its elements. Each path is followed through the
// converted value, step by step, in the form that value takes there; the
// marks go where the path ends, or on the deepest value the path reaches
// when the rest of it no longer exists (an element of a set, a part of an
// unknown or null value), so that no mark is ever dropped.
func remarkConverted(conv cty.Value, pvm []cty.PathValueMarks) cty.Value {
	if len(pvm) == 0 {
		return conv
	}
	out := make([]cty.PathValueMarks, 0, len(pvm))
	for _, p := range pvm {
		out = append(out, cty.PathValueMarks{Path: convertedPath(conv, p.Path), Marks: p.Marks})
	}
	return conv.MarkWithPaths(out)
}

// convertedPath translates path, taken in a value before conversion, into
// the path of the same element in v, the converted value; it stops at the
// deepest element that exists.
func convertedPath(v cty.Value, path cty.Path) cty.Path {
	out := make(cty.Path, 0, len(path))
	for _, step := range path {
		if !v.IsKnown() || v.IsNull() {
			break
		}
		var key cty.Value
		switch s := step.(type) {
		case cty.GetAttrStep:
			key = cty.StringVal(s.Name)
		case cty.IndexStep:
			key = s.Key
		default:
			return out
		}
		ty := v.Type()
		switch {
		case ty.IsObjectType():
			if key.Type() != cty.String || !key.IsKnown() || key.IsNull() || !ty.HasAttribute(key.AsString()) {
				return out
			}
			name := key.AsString()
			out = append(out, cty.GetAttrStep{Name: name})
			v = v.GetAttr(name)
		case ty.IsMapType():
			k, err := convert.Convert(key, cty.String)
			if err != nil || !k.IsKnown() || k.IsNull() || !v.HasIndex(k).True() {
				return out
			}
			out = append(out, cty.IndexStep{Key: k})
			v = v.Index(k)
		case ty.IsListType() || ty.IsTupleType():
			k, err := convert.Convert(key, cty.Number)
			if err != nil || !k.IsKnown() || k.IsNull() || !v.HasIndex(k).True() {
				return out
			}
			out = append(out, cty.IndexStep{Key: k})
			v = v.Index(k)
		default:
			// a set (whose elements cty does not mark one by one) or a
			// primitive: the marks stay here.
			return out
		}
	}
	return out
}
