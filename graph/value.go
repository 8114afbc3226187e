package graph

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/spillway-iac/spillway/eval"
)

// State is what the configuration says about an argument.
type State int

// The argument states. Absent and Null mean the provider default applies;
// Unknown means the value is decided only at apply time (or by a variable
// without a value); Known means the value is known.
const (
	Absent State = iota
	Null
	Unknown
	Known
)

func (s State) String() string {
	switch s {
	case Absent:
		return "absent"
	case Null:
		return "null"
	case Unknown:
		return "unknown"
	case Known:
		return "known"
	}
	return "invalid"
}

// Value is an argument of a resource or nested block.
type Value struct {
	val     cty.Value
	state   State
	notNull bool
	// Range is the expression's range, or the enclosing block's when the
	// argument is absent.
	Range   hcl.Range
	unknown string
}

func newValue(ev eval.Value) Value {
	v := Value{val: ev.Val, Range: ev.Range}
	switch {
	case !ev.Present() || ev.Val == cty.NilVal:
		v.state = Absent
		v.val = cty.NilVal
	case !ev.Val.IsWhollyKnown():
		v.state = Unknown
		v.unknown = eval.Describe(ev)
		v.notNull = neverNull(ev.Val)
	case ev.Val.IsNull():
		v.state = Null
	default:
		v.state = Known
	}
	return v
}

// valueOf wraps a value that is not an argument, such as a field of a
// decoded JSON policy.
func valueOf(c cty.Value, rng hcl.Range, unknownHint string) Value {
	v := Value{val: c, Range: rng}
	switch {
	case c == cty.NilVal:
		v.state = Absent
	case !c.IsWhollyKnown():
		v.state = Unknown
		v.notNull = neverNull(c)
		if o := eval.Origins(c); len(o) > 0 {
			v.unknown = strings.Join(o, ", ")
		} else {
			v.unknown = unknownHint
		}
	case c.IsNull():
		v.state = Null
	default:
		v.state = Known
	}
	return v
}

// State returns the argument's state.
func (v Value) State() State { return v.state }

// NotNull reports whether the value is certainly not null: it is known and
// not null, or unknown but refined as not null by HCL (a template, a
// jsonencode result), or read from a resource's computed attribute or a
// data source (an arn, an id). Such a value is set even though its content
// is only known at apply time.
func (v Value) NotNull() bool {
	switch v.state {
	case Known:
		return true
	case Unknown:
		return v.notNull
	default:
		return false
	}
}

// neverNull reports whether an unknown value cannot be null: HCL and cty
// refine templates and many function results as not null, and values read
// from resources (Ref marks) or data sources (Origin "data.…") are
// attributes the provider always sets. A value that depends on a variable
// without a value may be null.
func neverNull(c cty.Value) bool {
	u, _ := c.Unmark()
	if u.Range().DefinitelyNotNull() {
		return true
	}
	origins := eval.Origins(c)
	for _, o := range origins {
		if !strings.HasPrefix(o, "data.") {
			return false
		}
	}
	return len(origins) > 0 || len(eval.Refs(c)) > 0
}

// IsSet reports whether the argument is present and not null.
func (v Value) IsSet() bool { return v.state == Unknown || v.state == Known }

// Unknown describes what makes the value unknown ("var.reserved"), for
// undetermined checks.
func (v Value) Unknown() string {
	if v.unknown == "" && v.state == Unknown {
		return "a value known only after apply"
	}
	return v.unknown
}

func (v Value) plain() (cty.Value, bool) {
	if v.state != Known {
		return cty.NilVal, false
	}
	u, _ := v.val.UnmarkDeep()
	return u, true
}

// as returns a known value converted to ty; ok is false when it is not
// known or does not convert.
func (v Value) as(ty cty.Type) (cty.Value, bool) {
	u, ok := v.plain()
	if !ok {
		return cty.NilVal, false
	}
	c, err := convert.Convert(u, ty)
	if err != nil || c.IsNull() {
		return cty.NilVal, false
	}
	return c, true
}

// Int returns the value as a whole number. ok is false unless the value is
// known and converts to a whole number.
func (v Value) Int() (int64, bool) {
	n, ok := v.as(cty.Number)
	if !ok {
		return 0, false
	}
	i, acc := n.AsBigFloat().Int64()
	if acc != big.Exact {
		return 0, false
	}
	return i, true
}

// Float returns the value as a number.
func (v Value) Float() (float64, bool) {
	n, ok := v.as(cty.Number)
	if !ok {
		return 0, false
	}
	f, _ := n.AsBigFloat().Float64()
	return f, true
}

// String returns the value as a string.
func (v Value) String() (string, bool) {
	s, ok := v.as(cty.String)
	if !ok {
		return "", false
	}
	return s.AsString(), true
}

// Bool returns the value as a bool.
func (v Value) Bool() (bool, bool) {
	b, ok := v.as(cty.Bool)
	if !ok {
		return false, false
	}
	return b.True(), true
}

// Strings returns a known list, set or tuple of strings.
func (v Value) Strings() ([]string, bool) {
	u, ok := v.plain()
	if !ok || !u.CanIterateElements() || u.Type().IsMapType() || u.Type().IsObjectType() {
		return nil, false
	}
	var out []string
	for it := u.ElementIterator(); it.Next(); {
		_, e := it.Element()
		s, err := convert.Convert(e, cty.String)
		if err != nil || s.IsNull() {
			return nil, false
		}
		out = append(out, s.AsString())
	}
	return out, true
}

// Len returns the number of elements of a known collection.
func (v Value) Len() (int, bool) {
	u, ok := v.plain()
	if !ok || !u.CanIterateElements() {
		return 0, false
	}
	return u.LengthInt(), true
}

// Get returns the element or attribute key of a map or object value. The
// result is Absent when the key does not exist, and Unknown when the
// collection itself is unknown.
func (v Value) Get(key string) Value {
	switch v.state {
	case Absent, Null:
		return Value{Range: v.Range}
	case Unknown:
		top, _ := v.val.Unmark()
		if !top.IsKnown() || top.IsNull() {
			return Value{state: Unknown, Range: v.Range, unknown: v.Unknown(), val: cty.DynamicVal}
		}
	default:
	}
	top, marks := v.val.Unmark()
	ty := top.Type()
	if !ty.IsMapType() && !ty.IsObjectType() {
		return Value{Range: v.Range}
	}
	if ty.IsObjectType() {
		if !ty.HasAttribute(key) {
			return Value{Range: v.Range}
		}
		return valueOf(top.GetAttr(key).WithMarks(marks), v.Range, v.unknown)
	}
	if !top.IsKnown() {
		return Value{state: Unknown, Range: v.Range, unknown: v.Unknown(), val: cty.DynamicVal}
	}
	k := cty.StringVal(key)
	if !top.HasIndex(k).True() {
		return Value{Range: v.Range}
	}
	return valueOf(top.Index(k).WithMarks(marks), v.Range, v.unknown)
}

// Keys returns the keys of a known map or object value, sorted.
func (v Value) Keys() ([]string, bool) {
	top, _ := v.val.Unmark()
	if v.state == Absent || v.state == Null || !top.IsKnown() || top.IsNull() {
		return nil, v.state == Absent || v.state == Null
	}
	ty := top.Type()
	if !ty.IsMapType() && !ty.IsObjectType() {
		return nil, false
	}
	var out []string
	for it := top.ElementIterator(); it.Next(); {
		k, _ := it.Element()
		out = append(out, k.AsString())
	}
	return out, true
}

// DecodeJSON reads a JSON-valued argument (a redrive policy) whether it was
// written with jsonencode, as a heredoc or quoted template with
// interpolations, or as a literal string. Parts that are unknown stay
// unknown in the result. ok is false when the value is absent, null, or
// cannot be read as JSON.
func (v Value) DecodeJSON() (Value, bool) {
	if v.state == Absent || v.state == Null {
		return Value{}, false
	}
	c := v.val
	if v.state == Known {
		s, ok := v.String()
		if !ok {
			return Value{}, false
		}
		dec, err := stdlib.JSONDecode(cty.StringVal(s))
		if err != nil {
			return Value{}, false
		}
		return valueOf(dec, v.Range, ""), true
	}
	if src, ok := eval.JSONSource(c); ok {
		return valueOf(src, v.Range, v.unknown), true
	}
	if parts, ok := eval.TemplateSource(c); ok {
		if dec, ok := decodeTemplateJSON(parts); ok {
			return valueOf(dec, v.Range, v.unknown), true
		}
	}
	return Value{state: Unknown, Range: v.Range, unknown: v.Unknown(), val: cty.DynamicVal}, true
}

const placeholderPrefix = "__spillway_unknown_"

// decodeTemplateJSON decodes a JSON document built by a template, putting
// each unknown interpolation back where its placeholder decodes.
func decodeTemplateJSON(parts []cty.Value) (cty.Value, bool) {
	var b strings.Builder
	var unknowns []cty.Value
	inString, escaped := false, false
	for _, p := range parts {
		u, _ := p.UnmarkDeep()
		if u.IsKnown() && !u.IsNull() {
			if s, err := convert.Convert(u, cty.String); err == nil {
				text := s.AsString()
				b.WriteString(text)
				// Track whether the JSON text so far ends inside a string,
				// so that a placeholder goes in bare or quoted.
				for _, r := range text {
					switch {
					case escaped:
						escaped = false
					case r == '\\' && inString:
						escaped = true
					case r == '"':
						inString = !inString
					}
				}
				continue
			}
		}
		ph := placeholderPrefix + strconv.Itoa(len(unknowns)) + "__"
		unknowns = append(unknowns, p)
		if inString {
			b.WriteString(ph)
		} else {
			b.WriteString(`"` + ph + `"`)
		}
	}
	dec, err := stdlib.JSONDecode(cty.StringVal(b.String()))
	if err != nil {
		return cty.NilVal, false
	}
	// unknown returns the interpolation a placeholder's number stands for.
	unknown := func(n string) (cty.Value, bool) {
		i, err := strconv.Atoi(n)
		if err != nil || i < 0 || i >= len(unknowns) || strconv.Itoa(i) != n {
			return cty.NilVal, false
		}
		return unknowns[i], true
	}
	out, err := cty.Transform(dec, func(_ cty.Path, v cty.Value) (cty.Value, error) {
		if v.Type() != cty.String || !v.IsKnown() || v.IsNull() {
			return v, nil
		}
		s := v.AsString()
		if strings.HasPrefix(s, placeholderPrefix) && strings.HasSuffix(s, "__") {
			if u, ok := unknown(strings.TrimSuffix(strings.TrimPrefix(s, placeholderPrefix), "__")); ok {
				if u.IsKnown() {
					return u, nil
				}
				return cty.UnknownVal(cty.String).WithMarks(u.Marks()), nil
			}
		}
		if strings.Contains(s, placeholderPrefix) {
			// A string with interpolations inside: unknown, but its known
			// parts (the "arn:aws:sqs:…:" prefix, the queue name) stay
			// readable, as for any template.
			marks := cty.ValueMarks{}
			var parts []cty.Value
			rest := s
			for rest != "" {
				i := strings.Index(rest, placeholderPrefix)
				if i < 0 {
					parts = append(parts, cty.StringVal(rest))
					break
				}
				if i > 0 {
					parts = append(parts, cty.StringVal(rest[:i]))
				}
				rest = rest[i+len(placeholderPrefix):]
				j := strings.Index(rest, "__")
				if j < 0 {
					break
				}
				u, ok := unknown(rest[:j])
				rest = rest[j+2:]
				if ok {
					parts = append(parts, u)
					for m := range u.Marks() {
						marks[m] = struct{}{}
					}
				}
			}
			return eval.WithTemplate(cty.UnknownVal(cty.String).RefineNotNull().WithMarks(marks), parts), nil
		}
		return v, nil
	})
	if err != nil {
		return cty.NilVal, false
	}
	return out, true
}

// RefAddrs returns the addresses of the resource instances the value was
// read from (its top-level provenance).
func (v Value) RefAddrs() []string {
	if v.val == cty.NilVal {
		return nil
	}
	return refList(v)
}

// Origins returns the expressions that make the value unknown, such as
// "var.x" or "data.aws_caller_identity.me".
func (v Value) Origins() []string {
	if v.val == cty.NilVal {
		return nil
	}
	return eval.Origins(v.val)
}

// Set is the fact that an optional argument, such as a destination ARN or
// a JSON policy, is set: certainly not null and not a blank string. An
// unknown value that HCL or the provenance proves not null (a template, a
// jsonencode result, a resource or data source attribute) is set.
func (v Value) Set() Fact {
	switch v.state {
	case Known:
		s, ok := v.String()
		return FactOf(!ok || !isBlank(s))
	case Unknown:
		if v.notNull {
			return Yes()
		}
		return Maybe(v.Unknown())
	default:
		return No()
	}
}

// IsTrue is the fact that a boolean argument is true (absent and null are
// false).
func (v Value) IsTrue() Fact {
	switch v.state {
	case Unknown:
		return Maybe(v.Unknown())
	case Known:
		b, ok := v.Bool()
		return FactOf(ok && b)
	default:
		return No()
	}
}

// Equals is the fact that the argument is the string want.
func (v Value) Equals(want string) Fact {
	switch v.state {
	case Unknown:
		return Maybe(v.Unknown())
	case Known:
		s, ok := v.String()
		return FactOf(ok && s == want)
	default:
		return No()
	}
}

func isBlank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}
