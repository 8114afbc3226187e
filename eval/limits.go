package eval

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2/ext/customdecode"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// MaxCollectionLength bounds the lists, sets, tuples and maps that
// functions may build (range, setproduct, concat, flatten and the rest),
// so that a single call cannot exhaust memory and nested loops over their
// results stay within the evaluation budget.
const MaxCollectionLength = 100_000

// errTooLong and errTooMany are the errors of results over the limits.
func errTooLong(n int) error {
	return fmt.Errorf("the result would be %d bytes long, above spillway's limit of %d bytes; the value is treated as unknown", n, MaxStringLength)
}

func errTooMany(n int) error {
	return fmt.Errorf("the result would have %d elements, above spillway's limit of %d; the value is treated as unknown", n, MaxCollectionLength)
}

// fileFunctionNames are the functions whose results may be as large as a
// file the loader reads (MaxFileSize), so the string limit does not apply.
var fileFunctionNames = map[string]bool{
	"file": true, "filebase64": true,
}

// meterable is a function with what metered needs of it computed once:
// its name, its own parameters and the pass-through parameters of the
// wrapper.
type meterable struct {
	name     string
	f        function.Function
	params   []function.Parameter
	varParam *function.Parameter
	outer    []function.Parameter
	outerVar *function.Parameter
	desc     string
}

func newMeterable(name string, f function.Function) *meterable {
	m := &meterable{name: name, f: f, params: f.Params(), varParam: f.VarParam(), desc: f.Description()}
	m.outer = make([]function.Parameter, len(m.params))
	for i, p := range m.params {
		m.outer[i] = passThrough(p)
	}
	if m.varParam != nil {
		p := passThrough(*m.varParam)
		m.outerVar = &p
	}
	return m
}

// metered wraps a function so that each call is charged to the evaluation
// budget (steps plus the weight of its arguments and result), returns an
// unknown value once the budget is gone, and fails on results longer than
// MaxStringLength or larger than MaxCollectionLength. Its parameters take
// any value, so that large tuples reach it unconverted: cty converts a
// tuple to a list in time quadratic in its length, so they are converted
// here (see normalizeTuple) before the wrapped function sees them.
func (r *Root) metered(m *meterable) function.Function {
	name, f, params := m.name, m.f, m.params
	prepare := func(args []cty.Value) ([]cty.Value, error) {
		out, copied := args, false
		for i, a := range args {
			var p function.Parameter
			switch {
			case i < len(params):
				p = params[i]
			case m.varParam != nil:
				p = *m.varParam
			default:
				continue
			}
			if p.Type.Equals(cty.DynamicPseudoType) || p.Type.Equals(customdecode.ExpressionClosureType) {
				continue
			}
			// hcl converts arguments to the declared parameter types;
			// since the declared types here take anything, convert
			// them as hcl would, long tuples the fast way.
			n := a
			if p.Type.IsListType() || p.Type.IsSetType() {
				var err error
				if n, err = normalizeTuple(a); err != nil {
					return nil, function.NewArgError(i, err)
				}
			}
			n, err := convert.Convert(n, p.Type)
			if err != nil {
				return nil, function.NewArgError(i, err)
			}
			if !copied {
				out = append([]cty.Value(nil), args...)
				copied = true
			}
			out[i] = n
		}
		return out, nil
	}
	return function.New(&function.Spec{
		Description: m.desc,
		Params:      m.outer,
		VarParam:    m.outerVar,
		Type: func(args []cty.Value) (cty.Type, error) {
			// The call is charged here, before cty walks the
			// arguments to check their types and marks.
			units := 2
			for _, a := range args {
				units += weight(a)
			}
			if !r.step(units, r.cur) {
				return cty.DynamicPseudoType, nil
			}
			args, err := prepare(args)
			if err != nil {
				return cty.NilType, err
			}
			return f.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			if r.exhausted {
				return cty.UnknownVal(retType), nil
			}
			args, err := prepare(args)
			if err != nil {
				return cty.UnknownVal(retType), err
			}
			v, err := f.Call(args)
			if err != nil {
				return v, err
			}
			u, _ := v.Unmark()
			if u.IsKnown() && !u.IsNull() {
				ty := u.Type()
				switch {
				case ty == cty.String && !fileFunctionNames[name] && len(u.AsString()) > MaxStringLength:
					return cty.UnknownVal(retType), errTooLong(len(u.AsString()))
				case (ty.IsListType() || ty.IsSetType() || ty.IsMapType() || ty.IsTupleType()) && u.LengthInt() > MaxCollectionLength:
					return cty.UnknownVal(retType), errTooMany(u.LengthInt())
				}
			}
			r.step(weight(v), r.cur)
			if !templatePassThrough[name] {
				v = withoutTemplate(v)
			}
			return v, nil
		},
	})
}

// passThrough is a parameter that accepts any value and leaves its
// checks to the wrapped function, except for the expression closures of
// try and can, which hcl must see declared to pass them.
func passThrough(p function.Parameter) function.Parameter {
	if p.Type.Equals(customdecode.ExpressionClosureType) {
		return p
	}
	return function.Parameter{
		Name: p.Name, Description: p.Description, Type: cty.DynamicPseudoType,
		AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true,
	}
}

// Tuples longer than normalizeFrom elements whose elements all have one
// type are turned into lists before cty converts them; tuples of mixed
// types longer than maxMixedTuple are refused, since converting them
// takes seconds.
const (
	normalizeFrom = 512
	maxMixedTuple = 4096
)

// normalizeTuple turns a long tuple whose elements share one type into
// the list cty would convert it to, in linear time.
func normalizeTuple(v cty.Value) (cty.Value, error) {
	u, marks := v.Unmark()
	if !u.IsKnown() || u.IsNull() || !u.Type().IsTupleType() || u.LengthInt() <= normalizeFrom {
		return v, nil
	}
	ets := u.Type().TupleElementTypes()
	for _, et := range ets[1:] {
		if !et.Equals(ets[0]) {
			if len(ets) > maxMixedTuple {
				return v, fmt.Errorf("the argument is a tuple of %d elements of different types, above spillway's limit of %d for converting it to a list; convert its elements to one type first", len(ets), maxMixedTuple)
			}
			return v, nil
		}
	}
	elems := make([]cty.Value, 0, len(ets))
	for it := u.ElementIterator(); it.Next(); {
		_, e := it.Element()
		elems = append(elems, e)
	}
	return cty.ListVal(elems).WithMarks(marks), nil
}

// preCheck wraps a function with a check that runs before it, for the
// functions that would exhaust memory before their result could be
// measured.
func preCheck(f function.Function, check func(args []cty.Value) error) function.Function {
	return function.New(&function.Spec{
		Description: f.Description(),
		Params:      f.Params(),
		VarParam:    f.VarParam(),
		Type: func(args []cty.Value) (cty.Type, error) {
			if err := check(args); err != nil {
				return cty.NilType, err
			}
			return f.ReturnTypeForValues(args)
		},
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return f.Call(args)
		},
	})
}

// lengthOf is the number of elements of a known collection, or 0.
func lengthOf(v cty.Value) int {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
		return 0
	}
	return v.LengthInt()
}

// checkConcat: concat's result has as many elements as its arguments
// together.
func checkConcat(args []cty.Value) error {
	n := 0
	for _, a := range args {
		n += lengthOf(a)
	}
	if n > MaxCollectionLength {
		return errTooMany(n)
	}
	return nil
}

// checkSetProduct: the product has the product of the lengths.
func checkSetProduct(args []cty.Value) error {
	n := 1
	for _, a := range args {
		n *= max(lengthOf(a), 1)
		if n > MaxCollectionLength {
			return errTooMany(n)
		}
	}
	return nil
}

// checkFlatten counts the leaves of nested lists, stopping at the limit.
func checkFlatten(args []cty.Value) error {
	n := 0
	var count func(v cty.Value, depth int)
	count = func(v cty.Value, depth int) {
		v, _ = v.Unmark()
		if n > MaxCollectionLength || depth > 64 {
			n = MaxCollectionLength + 1
			return
		}
		ty := v.Type()
		if !v.IsKnown() || v.IsNull() || (!ty.IsListType() && !ty.IsSetType() && !ty.IsTupleType()) {
			n++
			return
		}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			count(e, depth+1)
		}
	}
	for _, a := range args {
		count(a, 0)
	}
	if n > MaxCollectionLength {
		return errTooMany(n)
	}
	return nil
}

// formatWidths matches the width and precision of format verbs.
var formatWidths = regexp.MustCompile(`%[-+# 0]*(?:\[\d+\])?(\d*)(?:\.(\d*))?`)

// formatBound is an upper bound of the length of format(spec, args...)
// for arguments of the given total size, or an error for widths over the
// limit.
func formatBound(spec string, argSize int) (int, error) {
	verbs := 0
	widest := 0
	for _, m := range formatWidths.FindAllStringSubmatch(spec, -1) {
		verbs++
		for _, num := range m[1:] {
			if num == "" {
				continue
			}
			w, err := strconv.Atoi(num)
			if err != nil || w > MaxStringLength {
				return 0, fmt.Errorf("a width or precision of %s is above spillway's limit of %d", num, MaxStringLength)
			}
			widest = max(widest, w)
		}
	}
	// %v of a collection writes JSON, in which escaping may make a
	// string up to six times longer.
	return len(spec) + verbs*(widest+6*argSize+16), nil
}

func checkFormat(args []cty.Value) error {
	spec, _ := args[0].Unmark()
	if !spec.IsKnown() || spec.IsNull() {
		return nil
	}
	size := 0
	for _, a := range args[1:] {
		size += approxSize(a)
	}
	n, err := formatBound(spec.AsString(), size)
	if err != nil {
		return err
	}
	if n > MaxStringLength {
		return errTooLong(n)
	}
	return nil
}

func checkFormatList(args []cty.Value) error {
	spec, _ := args[0].Unmark()
	if !spec.IsKnown() || spec.IsNull() {
		return nil
	}
	elems, size := 1, 0
	for _, a := range args[1:] {
		u, _ := a.Unmark()
		if u.IsKnown() && !u.IsNull() && (u.Type().IsListType() || u.Type().IsTupleType() || u.Type().IsSetType()) {
			elems = max(elems, u.LengthInt())
			size += approxSize(u)
		} else {
			size += approxSize(u) * max(elems, 1)
		}
	}
	if elems > MaxCollectionLength {
		return errTooMany(elems)
	}
	per, err := formatBound(spec.AsString(), 0)
	if err != nil {
		return err
	}
	verbs := len(formatWidths.FindAllStringIndex(spec.AsString(), -1))
	n := elems*per + verbs*6*size
	if n > MaxStringLength {
		return errTooLong(n)
	}
	return nil
}

// checkIndent: every line gains the indentation.
func checkIndent(args []cty.Value) error {
	spaces, _ := args[0].Unmark()
	str, _ := args[1].Unmark()
	if !spaces.IsKnown() || spaces.IsNull() || !str.IsKnown() || str.IsNull() {
		return nil
	}
	w, _ := spaces.AsBigFloat().Int64()
	if w < 0 || w > MaxStringLength {
		return errTooLong(int(min(w, 1<<40)))
	}
	s := str.AsString()
	n := len(s) + int(w)*(strings.Count(s, "\n")+1)
	if n > MaxStringLength {
		return errTooLong(n)
	}
	return nil
}

// checkJSONEncode: the encoding of a value is at most six times its
// strings (escapes) plus its structure.
func checkJSONEncode(args []cty.Value) error {
	if n := 6 * approxSize(args[0]); n > MaxStringLength {
		return errTooLong(n)
	}
	return nil
}

// checkJSONDecode keeps hostile documents away from cty's recursive JSON
// decoder.
func checkJSONDecode(args []cty.Value) error {
	s, _ := args[0].Unmark()
	if !s.IsKnown() || s.IsNull() || s.Type() != cty.String {
		return nil
	}
	depth, values := 0, 1
	src := s.AsString()
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			depth++
			if depth > 256 {
				return fmt.Errorf("the document nests more than 256 levels deep, above spillway's limit")
			}
		case ']', '}':
			depth--
		case ',':
			values++
		}
	}
	if values > MaxCollectionLength {
		return errTooMany(values)
	}
	return nil
}

// checkSplit, checkCSV and checkRegexAll refuse inputs that would make
// more elements than MaxCollectionLength, before making them.
func checkSplit(args []cty.Value) error {
	sep, _ := args[0].Unmark()
	str, _ := args[1].Unmark()
	if !sep.IsKnown() || sep.IsNull() || !str.IsKnown() || str.IsNull() {
		return nil
	}
	n := len(str.AsString()) + 1
	if sep.AsString() != "" {
		n = strings.Count(str.AsString(), sep.AsString()) + 1
	}
	if n > MaxCollectionLength {
		return errTooMany(n)
	}
	return nil
}

func checkCSV(args []cty.Value) error {
	str, _ := args[0].Unmark()
	if !str.IsKnown() || str.IsNull() {
		return nil
	}
	if n := strings.Count(str.AsString(), ",") + strings.Count(str.AsString(), "\n"); n > MaxCollectionLength {
		return errTooMany(n)
	}
	return nil
}

func checkRegexAll(args []cty.Value) error {
	str, _ := args[1].Unmark()
	if !str.IsKnown() || str.IsNull() {
		return nil
	}
	if n := len(str.AsString()); n > MaxCollectionLength {
		// Every byte could be a match.
		return fmt.Errorf("the string is %d bytes long, above spillway's limit of %d for regexall", n, MaxCollectionLength)
	}
	return nil
}

// distinctFunc is distinct without cty's quadratic search for lists of
// known strings, numbers and booleans; other lists are limited to a size
// the quadratic search handles quickly.
var distinctFunc = function.New(&function.Spec{
	Description: stdlib.DistinctFunc.Description(),
	Params:      stdlib.DistinctFunc.Params(),
	Type:        stdlib.DistinctFunc.ReturnTypeForValues,
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		list := args[0]
		if !list.IsWhollyKnown() || list.LengthInt() <= 1000 || !retType.ElementType().IsPrimitiveType() {
			if list.LengthInt() > 5000 {
				return cty.UnknownVal(retType), errTooMany(list.LengthInt())
			}
			return stdlib.DistinctFunc.Call(args)
		}
		seen := map[string]bool{}
		var out []cty.Value
		for it := list.ElementIterator(); it.Next(); {
			_, e := it.Element()
			u, _ := e.Unmark()
			key := "n"
			if !u.IsNull() {
				switch u.Type() {
				case cty.String:
					key = "s" + u.AsString()
				case cty.Number:
					key = "#" + u.AsBigFloat().Text('g', -1)
				case cty.Bool:
					key = "b" + strconv.FormatBool(u.True())
				}
			}
			if !seen[key] {
				seen[key] = true
				out = append(out, e)
			}
		}
		return cty.ListVal(out), nil
	},
})

// replaceBound is an upper bound of the length of replace(str, sub, rep)
// for a plain substring.
func replaceBound(str, sub, rep string) int {
	n := strings.Count(str, sub)
	return len(str) + n*max(len(rep)-len(sub), 0)
}

// replaceRegexp replaces the matches of re in str, stopping as soon as the
// result would be too long.
func replaceRegexp(re *regexp.Regexp, str, rep string) (string, error) {
	var out []byte
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(str, -1) {
		out = append(out, str[last:m[0]]...)
		out = re.ExpandString(out, rep, str, m)
		last = m[1]
		if len(out) > MaxStringLength {
			return "", errTooLong(len(out))
		}
	}
	out = append(out, str[last:]...)
	if len(out) > MaxStringLength {
		return "", errTooLong(len(out))
	}
	return string(out), nil
}
