package eval

import (
	"sort"

	"github.com/zclconf/go-cty/cty"
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
	_, pvm := v.UnmarkDeepWithPaths()
	set := map[string]bool{}
	for _, p := range pvm {
		for m := range p.Marks {
			if o, ok := m.(Origin); ok {
				set[o.Expr] = true
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

// WithTemplate marks an unknown string with the parts it is made of, as
// evaluation does for templates; package graph uses it for strings inside
// JSON documents that were themselves built by templates.
func WithTemplate(v cty.Value, parts []cty.Value) cty.Value {
	p := append([]cty.Value(nil), parts...)
	return v.Mark(TemplateOf{parts: &p})
}
