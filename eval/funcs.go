package eval

import (
	"crypto/md5"  //nolint:gosec // md5() is a Terraform function, not used for security
	"crypto/sha1" //nolint:gosec // sha1() is a Terraform function, not used for security
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/customdecode"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/spillway-iac/spillway/parser"
)

// MaxStringLength bounds the strings that functions may build, so that a
// join or format blow-up cannot exhaust memory.
const MaxStringLength = 1 << 20

// functions returns the function table of a root: the cty standard library
// and the Terraform functions serverless configurations use. Functions that
// depend on the moment of apply (timestamp, uuid) return unknown values.
func (r *Root) functions() map[string]function.Function {
	base := pureFunctions()
	fs := make(map[string]function.Function, len(base)+8)
	for name, m := range base {
		fs[name] = r.metered(m)
	}
	for name, f := range r.fileFunctions() {
		fs[name] = r.metered(newMeterable(name, f))
	}
	return fs
}

// pureFunctions is the part of the function table that depends on no root
// module: built once per process, with what metering needs of each
// function, so that a root module only wraps it (see metered).
var pureFunctions = sync.OnceValue(func() map[string]*meterable {
	fs := map[string]function.Function{
		"abs":             stdlib.AbsoluteFunc,
		"ceil":            stdlib.CeilFunc,
		"chomp":           stdlib.ChompFunc,
		"chunklist":       stdlib.ChunklistFunc,
		"coalesce":        coalesceFunc,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         compactFunc,
		"concat":          preCheck(stdlib.ConcatFunc, checkConcat),
		"contains":        stdlib.ContainsFunc,
		"csvdecode":       preCheck(stdlib.CSVDecodeFunc, checkCSV),
		"distinct":        distinctFunc,
		"element":         stdlib.ElementFunc,
		"flatten":         preCheck(stdlib.FlattenFunc, checkFlatten),
		"floor":           stdlib.FloorFunc,
		"format":          preCheck(limitString(stdlib.FormatFunc), checkFormat),
		"formatdate":      stdlib.FormatDateFunc,
		"formatlist":      preCheck(stdlib.FormatListFunc, checkFormatList),
		"indent":          preCheck(stdlib.IndentFunc, checkIndent),
		"join":            limitString(stdlib.JoinFunc),
		"jsondecode":      preCheck(stdlib.JSONDecodeFunc, checkJSONDecode),
		"keys":            stdlib.KeysFunc,
		"log":             stdlib.LogFunc,
		"lookup":          lookupFunc,
		"lower":           stdlib.LowerFunc,
		"max":             stdlib.MaxFunc,
		"merge":           stdlib.MergeFunc,
		"min":             stdlib.MinFunc,
		"parseint":        stdlib.ParseIntFunc,
		"pow":             stdlib.PowFunc,
		"range":           limitRange(stdlib.RangeFunc),
		"regex":           stdlib.RegexFunc,
		"regexall":        preCheck(stdlib.RegexAllFunc, checkRegexAll),
		"reverse":         stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc,
		"setproduct":      preCheck(stdlib.SetProductFunc, checkSetProduct),
		"setsubtract":     stdlib.SetSubtractFunc,
		"setunion":        stdlib.SetUnionFunc,
		"signum":          stdlib.SignumFunc,
		"slice":           stdlib.SliceFunc,
		"sort":            stdlib.SortFunc,
		"split":           preCheck(stdlib.SplitFunc, checkSplit),
		"strrev":          stdlib.ReverseFunc,
		"substr":          stdlib.SubstrFunc,
		"timeadd":         stdlib.TimeAddFunc,
		"title":           stdlib.TitleFunc,
		"trim":            stdlib.TrimFunc,
		"trimprefix":      stdlib.TrimPrefixFunc,
		"trimspace":       stdlib.TrimSpaceFunc,
		"trimsuffix":      stdlib.TrimSuffixFunc,
		"upper":           stdlib.UpperFunc,
		"values":          stdlib.ValuesFunc,
		"zipmap":          stdlib.ZipmapFunc,

		"tobool":   stdlib.MakeToFunc(cty.Bool),
		"tonumber": stdlib.MakeToFunc(cty.Number),
		"tostring": stdlib.MakeToFunc(cty.String),
		"tolist":   stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"toset":    stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tomap":    stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),

		"try": tryFunc,
		"can": canFunc,

		"jsonencode":   preCheck(jsonEncodeFunc, checkJSONEncode),
		"length":       lengthFunc,
		"replace":      replaceFunc,
		"one":          oneFunc,
		"alltrue":      allTrueFunc,
		"anytrue":      anyTrueFunc,
		"sum":          sumFunc,
		"index":        indexFunc,
		"startswith":   stringPredicate(strings.HasPrefix),
		"endswith":     stringPredicate(strings.HasSuffix),
		"strcontains":  stringPredicate(strings.Contains),
		"base64encode": stringFunc(func(s string) (string, error) { return base64.StdEncoding.EncodeToString([]byte(s)), nil }),
		"base64decode": stringFunc(func(s string) (string, error) {
			b, err := base64.StdEncoding.DecodeString(s)
			return string(b), err
		}),
		"urlencode":     stringFunc(func(s string) (string, error) { return url.QueryEscape(s), nil }),
		"basename":      stringFunc(func(s string) (string, error) { return path.Base(s), nil }),
		"dirname":       stringFunc(func(s string) (string, error) { return path.Dir(s), nil }),
		"md5":           hashFunc(md5.New, hex.EncodeToString),
		"sha1":          hashFunc(sha1.New, hex.EncodeToString),
		"sha256":        hashFunc(sha256.New, hex.EncodeToString),
		"sha512":        hashFunc(sha512.New, hex.EncodeToString),
		"base64sha256":  hashFunc(sha256.New, base64.StdEncoding.EncodeToString),
		"base64sha512":  hashFunc(sha512.New, base64.StdEncoding.EncodeToString),
		"sensitive":     identityFunc,
		"nonsensitive":  identityFunc,
		"issensitive":   constFunc(cty.False),
		"timestamp":     unknownFunc("timestamp()", cty.String),
		"plantimestamp": unknownFunc("plantimestamp()", cty.String),
		"uuid":          unknownFunc("uuid()", cty.String),
		"bcrypt":        unknownFunc("bcrypt()", cty.String),
	}
	out := make(map[string]*meterable, len(fs))
	for name, f := range fs {
		out[name] = newMeterable(name, f)
	}
	return out
})

// tryFunc is hcl's try, except that when the first argument that
// evaluates without errors is not yet known, the unknown result keeps that
// argument's marks: try(aws_lambda_function.f.arn, null) still refers to
// the function. (ext/tryfunc returns an unmarked cty.DynamicVal there.)
var tryFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name: "expressions",
		Type: customdecode.ExpressionClosureType,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		v, err := tryImpl(args)
		if err != nil {
			return cty.NilType, err
		}
		return v.Type(), nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return tryImpl(args)
	},
})

func tryImpl(args []cty.Value) (cty.Value, error) {
	if len(args) == 0 {
		return cty.NilVal, fmt.Errorf("at least one argument is required")
	}
	var msgs []string
	for _, arg := range args {
		v, diags := customdecode.ExpressionClosureFromVal(arg).Value()
		if diags.HasErrors() {
			for _, d := range diags {
				msgs = append(msgs, d.Summary+": "+d.Detail)
			}
			continue
		}
		if !v.IsWhollyKnown() {
			if settledUnknown(v) {
				// An unknown the expression produced as a whole (a
				// resource's ARN), certainly not null: it is the result,
				// so try(aws_sqs_queue.q.arn, null) != null decides.
				return v, nil
			}
			_, pvm := v.UnmarkDeepWithPaths()
			out := cty.DynamicVal
			for _, p := range pvm {
				out = out.WithMarks(p.Marks)
			}
			return out, nil
		}
		return v, nil
	}
	return cty.NilVal, fmt.Errorf("no expression succeeded: %s", strings.Join(msgs, "; "))
}

// settledUnknown reports whether v is an unknown value that is certainly
// not null, such as a resource's ARN: an expression that evaluated to it
// without errors will not fail later, since nothing in it is left to
// evaluate but the value itself.
func settledUnknown(v cty.Value) bool {
	u, _ := v.Unmark()
	return !u.IsKnown() && u.Type() != cty.DynamicPseudoType && u.Range().DefinitelyNotNull()
}

// canFunc is hcl's can, except that an expression that evaluates to an
// unknown value certainly not null (a resource's ARN) can be evaluated:
// can(aws_sqs_queue.q.arn) is true. (ext/tryfunc returns an unknown bool
// for any value not wholly known.)
var canFunc = function.New(&function.Spec{
	Params: []function.Parameter{{
		Name: "expression",
		Type: customdecode.ExpressionClosureType,
	}},
	Type: function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v, diags := customdecode.ExpressionClosureFromVal(args[0]).Value()
		if diags.HasErrors() {
			return cty.False, nil
		}
		if !v.IsWhollyKnown() && !settledUnknown(v) {
			return cty.UnknownVal(cty.Bool), nil
		}
		return cty.True, nil
	},
})

var identityFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowDynamicType: true, AllowMarked: true}},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl:   func(args []cty.Value, _ cty.Type) (cty.Value, error) { return args[0], nil },
})

func constFunc(v cty.Value) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowDynamicType: true, AllowMarked: true}},
		Type:   function.StaticReturnType(v.Type()),
		Impl:   func([]cty.Value, cty.Type) (cty.Value, error) { return v, nil },
	})
}

// unknownFunc returns a function whose result is only known at apply time.
func unknownFunc(name string, ty cty.Type) function.Function {
	return function.New(&function.Spec{
		VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowDynamicType: true},
		Type:     function.StaticReturnType(ty),
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			return cty.UnknownVal(ty).Mark(Origin{Expr: name}), nil
		},
	})
}

// jsonEncodeFunc is jsonencode that keeps the encoded value on an unknown
// result (as a JSONOf mark), so the known parts of a policy stay readable.
var jsonEncodeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "val", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowDynamicType: true, AllowMarked: true}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		orig := args[0]
		unmarked, pvm := orig.UnmarkDeepWithPaths()
		res, err := stdlib.JSONEncode(unmarked)
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		if !res.IsKnown() {
			res = res.Mark(JSONOf{v: &orig})
		}
		for _, p := range pvm {
			res = res.WithMarks(p.Marks)
		}
		return res, nil
	},
})

// lengthFunc is Terraform's length: the characters of a string, the
// elements of a collection, or the elements or attributes of a tuple or
// object (known from the type even when the values are not).
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty == cty.String, ty == cty.DynamicPseudoType, ty.IsTupleType(), ty.IsObjectType(),
			ty.IsListType(), ty.IsMapType(), ty.IsSetType():
			return cty.Number, nil
		}
		return cty.Number, function.NewArgErrorf(0, "argument must be a string, a collection type, or a structural type")
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		ty := v.Type()
		switch {
		case ty == cty.DynamicPseudoType:
			return cty.UnknownVal(cty.Number), nil
		case ty.IsTupleType():
			return cty.NumberIntVal(int64(len(ty.TupleElementTypes()))), nil
		case ty.IsObjectType():
			return cty.NumberIntVal(int64(len(ty.AttributeTypes()))), nil
		case ty == cty.String:
			return stdlib.Strlen(v)
		}
		return v.Length(), nil
	},
})

// compactFunc is cty's compact, except that an unknown element known to
// be neither null nor "" (an AWS resource's ARN: see refValue) is kept, so
// the result has a known length: length(compact([aws_sqs_queue.q.arn]))
// is 1.
var compactFunc = function.New(&function.Spec{
	Description:  stdlib.CompactFunc.Description(),
	Params:       []function.Parameter{{Name: "list", Type: cty.List(cty.String), AllowUnknown: true}},
	Type:         function.StaticReturnType(cty.List(cty.String)),
	RefineResult: func(b *cty.RefinementBuilder) *cty.RefinementBuilder { return b.NotNull() },
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		list := args[0]
		if !list.IsKnown() {
			return cty.UnknownVal(retType), nil
		}
		var out []cty.Value
		for it := list.ElementIterator(); it.Next(); {
			_, v := it.Element()
			switch {
			case !v.IsKnown():
				rng := v.Range()
				if !rng.DefinitelyNotNull() || rng.StringPrefix() == "" {
					return cty.UnknownVal(retType), nil
				}
			case v.IsNull() || v.AsString() == "":
				continue
			}
			out = append(out, v)
		}
		if len(out) == 0 {
			return cty.ListValEmpty(cty.String), nil
		}
		return cty.ListVal(out), nil
	},
})

// lookupFunc is Terraform's lookup: unlike the cty function, the default
// is optional (without it a missing key is an error) and may be null.
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType, AllowMarked: true},
		{Name: "key", Type: cty.String, AllowMarked: true},
	},
	VarParam: &function.Parameter{
		Name: "default", Type: cty.DynamicPseudoType,
		AllowUnknown: true, AllowDynamicType: true, AllowNull: true, AllowMarked: true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) > 3 {
			return cty.NilType, fmt.Errorf("lookup() takes two or three arguments, got %d", len(args))
		}
		ty := args[0].Type()
		switch {
		case ty.IsObjectType():
			if !args[1].IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			kv, _ := args[1].Unmark()
			key := kv.AsString()
			if ty.HasAttribute(key) {
				return ty.AttributeType(key), nil
			}
			if len(args) == 3 {
				return args[2].Type(), nil
			}
			return cty.DynamicPseudoType, function.NewArgErrorf(0, "the given object has no attribute %q", key)
		case ty.IsMapType():
			if len(args) == 3 {
				if _, err := convert.Convert(args[2], ty.ElementType()); err != nil {
					return cty.NilType, function.NewArgErrorf(2, "the default value must have the same type as the map elements")
				}
			}
			return ty.ElementType(), nil
		case ty == cty.DynamicPseudoType:
			return cty.DynamicPseudoType, nil
		}
		return cty.NilType, function.NewArgErrorf(0, "lookup() requires a map as the first argument")
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		coll, collMarks := args[0].Unmark()
		kv, keyMarks := args[1].Unmark()
		marks := []cty.ValueMarks{collMarks, keyMarks}
		if !coll.IsKnown() || !kv.IsKnown() {
			return cty.UnknownVal(retType).WithMarks(marks...), nil
		}
		key := kv.AsString()
		if coll.Type().IsObjectType() {
			if coll.Type().HasAttribute(key) {
				return coll.GetAttr(key).WithMarks(marks...), nil
			}
		} else if coll.HasIndex(cty.StringVal(key)) == cty.True {
			return coll.Index(cty.StringVal(key)).WithMarks(marks...), nil
		}
		if len(args) == 3 {
			def, err := convert.Convert(args[2], retType)
			if err != nil {
				return cty.NilVal, err
			}
			return def.WithMarks(marks...), nil
		}
		return cty.UnknownVal(cty.DynamicPseudoType), fmt.Errorf("lookup failed to find key %q", key)
	},
})

// coalesceFunc is Terraform's coalesce, which (unlike the cty function)
// skips empty strings as well as nulls.
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{
		Name: "vals", Type: cty.DynamicPseudoType,
		AllowUnknown: true, AllowDynamicType: true, AllowNull: true,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		types := make([]cty.Type, len(args))
		for i, v := range args {
			types[i] = v.Type()
		}
		ty, _ := convert.UnifyUnsafe(types)
		if ty == cty.NilType {
			return cty.NilType, fmt.Errorf("all arguments must have the same type")
		}
		return ty, nil
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		for _, v := range args {
			v, err := convert.Convert(v, retType)
			if err != nil {
				return cty.UnknownVal(retType), err
			}
			if !v.IsKnown() {
				return cty.UnknownVal(retType), nil
			}
			if v.IsNull() || (retType == cty.String && v.RawEquals(cty.StringVal(""))) {
				continue
			}
			return v, nil
		}
		return cty.NilVal, fmt.Errorf("no non-null, non-empty-string arguments")
	},
})

// replaceFunc is Terraform's replace: a substring wrapped in slashes is a
// regular expression.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "str", Type: cty.String},
		{Name: "substr", Type: cty.String},
		{Name: "replace", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, sub, rep := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(sub) > 1 && strings.HasPrefix(sub, "/") && strings.HasSuffix(sub, "/") {
			re, err := regexp.Compile(sub[1 : len(sub)-1])
			if err != nil {
				return cty.UnknownVal(cty.String), fmt.Errorf("invalid regular expression: %w", err)
			}
			out, err := replaceRegexp(re, str, rep)
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(out), nil
		}
		if n := replaceBound(str, sub, rep); n > MaxStringLength {
			return cty.UnknownVal(cty.String), errTooLong(n)
		}
		return cty.StringVal(strings.ReplaceAll(str, sub, rep)), nil
	},
})

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty == cty.DynamicPseudoType:
			return cty.DynamicPseudoType, nil
		case ty.IsListType() || ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType():
			ets := ty.TupleElementTypes()
			switch len(ets) {
			case 0:
				return cty.DynamicPseudoType, nil
			case 1:
				return ets[0], nil
			}
			return cty.NilType, function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")
		}
		return cty.NilType, function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.IsKnown() {
			return cty.UnknownVal(retType), nil
		}
		if v.IsNull() {
			return cty.NullVal(retType), function.NewArgErrorf(0, "argument must not be null")
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(retType), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.NullVal(retType), function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")
	},
})

func boolReduce(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			result := all
			unknown := false
			for it := args[0].ElementIterator(); it.Next(); {
				_, e := it.Element()
				if !e.IsKnown() {
					unknown = true
					continue
				}
				if e.IsNull() {
					if all {
						return cty.False, nil
					}
					continue
				}
				if e.True() != all {
					return cty.BoolVal(!all), nil
				}
			}
			if unknown {
				return cty.UnknownVal(cty.Bool), nil
			}
			return cty.BoolVal(result), nil
		},
	})
}

var (
	allTrueFunc = boolReduce(true)
	anyTrueFunc = boolReduce(false)
)

var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.CanIterateElements() || v.LengthInt() == 0 {
			return cty.UnknownVal(cty.Number), fmt.Errorf("cannot sum an empty list")
		}
		total := cty.Zero
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n, err := convert.Convert(e, cty.Number)
			if err != nil {
				return cty.UnknownVal(cty.Number), fmt.Errorf("sum can only add numbers: %w", err)
			}
			if !n.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			if n.IsNull() {
				return cty.UnknownVal(cty.Number), fmt.Errorf("sum cannot add null")
			}
			total = total.Add(n)
		}
		return total, nil
	},
})

var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type: function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if !args[0].Type().IsListType() && !args[0].Type().IsTupleType() {
			return cty.UnknownVal(cty.Number), fmt.Errorf("argument must be a list or tuple")
		}
		if !args[0].IsKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		for it := args[0].ElementIterator(); it.Next(); {
			i, e := it.Element()
			eq, err := stdlib.Equal(e, args[1])
			if err != nil {
				return cty.UnknownVal(cty.Number), err
			}
			if !eq.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			if eq.True() {
				return i, nil
			}
		}
		return cty.UnknownVal(cty.Number), fmt.Errorf("item not found")
	},
})

func stringPredicate(f func(s, sub string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "sub", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(f(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

func stringFunc(f func(string) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := f(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(s), nil
		},
	})
}

func hashFunc(h func() hash.Hash, enc func([]byte) string) function.Function {
	return stringFunc(func(s string) (string, error) {
		hh := h()
		hh.Write([]byte(s))
		return enc(hh.Sum(nil)), nil
	})
}

// limitString wraps a string-producing function so that results longer
// than MaxStringLength become an error instead of a memory blow-up.
func limitString(f function.Function) function.Function {
	spec := &function.Spec{
		Params:   f.Params(),
		VarParam: f.VarParam(),
		Type:     f.ReturnTypeForValues,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			total := 0
			for _, a := range args {
				total += approxSize(a)
			}
			if total > MaxStringLength {
				return cty.UnknownVal(cty.String), fmt.Errorf("the result would be longer than spillway's limit of %d bytes", MaxStringLength)
			}
			v, err := f.Call(args)
			if err == nil && v.IsKnown() && !v.IsNull() && v.Type() == cty.String && len(v.AsString()) > MaxStringLength {
				return cty.UnknownVal(cty.String), fmt.Errorf("the result would be longer than spillway's limit of %d bytes", MaxStringLength)
			}
			return v, err
		},
	}
	return function.New(spec)
}

func approxSize(v cty.Value) int {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return 0
	}
	switch {
	case v.Type() == cty.String:
		return len(v.AsString())
	case v.CanIterateElements():
		n := 0
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n += approxSize(e) + 1
			if n > MaxStringLength {
				return n
			}
		}
		return n
	}
	return 8
}

// limitRange refuses ranges with more elements than MaxCollectionLength.
func limitRange(f function.Function) function.Function {
	return function.New(&function.Spec{
		VarParam: f.VarParam(),
		Type:     function.StaticReturnType(cty.List(cty.Number)),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			var start, end, step float64 = 0, 0, 1
			nums := make([]float64, len(args))
			for i, a := range args {
				if a.IsNull() || !a.IsKnown() {
					return cty.UnknownVal(cty.List(cty.Number)), nil
				}
				nums[i], _ = a.AsBigFloat().Float64()
			}
			switch len(nums) {
			case 1:
				end = nums[0]
			case 2:
				start, end = nums[0], nums[1]
			case 3:
				start, end, step = nums[0], nums[1], nums[2]
			}
			if step != 0 {
				if n := (end - start) / step; n > float64(MaxCollectionLength) {
					return cty.UnknownVal(cty.List(cty.Number)), fmt.Errorf("the range would have more than %d elements, above spillway's limit", MaxCollectionLength)
				}
			}
			return f.Call(args)
		},
	})
}

// fileFunctions returns file, fileexists, filebase64 and templatefile,
// which read only inside the scanned tree, relative to the root module's
// directory as Terraform does. A path outside the tree, or a file that is
// missing (often a build artefact), gives an unknown value and a note.
func (r *Root) fileFunctions() map[string]function.Function {
	read := func(name, p string) ([]byte, error) {
		fsPath, ok := r.resolvePath(p)
		if !ok {
			r.outsideTree(name, p)
			return nil, errOutsideTree
		}
		b, err := r.loader.ReadBytes(fsPath)
		if escapesTree(err) {
			r.outsideTree(name, p)
		}
		return b, err
	}
	fileFn := func(name string, enc func([]byte) cty.Value) function.Function {
		return function.New(&function.Spec{
			Params: []function.Parameter{{Name: "path", Type: cty.String}},
			Type:   function.StaticReturnType(cty.String),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				b, err := read(name, args[0].AsString())
				if err != nil {
					return cty.UnknownVal(cty.String).Mark(Origin{Expr: fmt.Sprintf("%s(%q)", name, args[0].AsString())}), nil
				}
				return enc(b), nil
			},
		})
	}
	out := map[string]function.Function{
		"file": fileFn("file", func(b []byte) cty.Value { return cty.StringVal(string(b)) }),
		"filebase64": fileFn("filebase64", func(b []byte) cty.Value {
			return cty.StringVal(base64.StdEncoding.EncodeToString(b))
		}),
		"filebase64sha256": fileFn("filebase64sha256", func(b []byte) cty.Value {
			s := sha256.Sum256(b)
			return cty.StringVal(base64.StdEncoding.EncodeToString(s[:]))
		}),
		"filemd5": fileFn("filemd5", func(b []byte) cty.Value {
			s := md5.Sum(b) //nolint:gosec // Terraform function
			return cty.StringVal(hex.EncodeToString(s[:]))
		}),
		"filesha256": fileFn("filesha256", func(b []byte) cty.Value {
			s := sha256.Sum256(b)
			return cty.StringVal(hex.EncodeToString(s[:]))
		}),
		"fileexists": function.New(&function.Spec{
			Params: []function.Parameter{{Name: "path", Type: cty.String}},
			Type:   function.StaticReturnType(cty.Bool),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				fsPath, ok := r.resolvePath(args[0].AsString())
				unknown := cty.UnknownVal(cty.Bool).Mark(Origin{Expr: fmt.Sprintf("fileexists(%q)", args[0].AsString())})
				if !ok {
					r.outsideTree("fileexists", args[0].AsString())
					return unknown, nil
				}
				st, err := fs.Stat(r.loader.FS(), fsPath)
				if escapesTree(err) {
					r.outsideTree("fileexists", args[0].AsString())
					return unknown, nil
				}
				return cty.BoolVal(err == nil && st.Mode().IsRegular()), nil
			},
		}),
	}
	out["templatefile"] = function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "vars", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true},
		},
		Type: function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			unknown := cty.UnknownVal(cty.String).Mark(Origin{Expr: fmt.Sprintf("templatefile(%q)", p)})
			b, err := read("templatefile", p)
			if err != nil {
				return unknown, nil
			}
			if !utf8.Valid(b) {
				return cty.UnknownVal(cty.String), fmt.Errorf("template %s is not valid UTF-8 text", p)
			}
			if d := parser.CheckNesting(b, p, hcl.InitialPos, parser.NestTemplate); d != nil {
				return cty.UnknownVal(cty.String), fmt.Errorf("template %s: %s: %s", p, d.Summary, d.Detail)
			}
			vars := args[1]
			top, marks := vars.Unmark()
			if !top.IsKnown() || top.IsNull() || (!top.Type().IsObjectType() && !top.Type().IsMapType()) {
				return unknown, nil
			}
			tmpl, diags := hclsyntax.ParseTemplate(b, p, hcl.InitialPos)
			if diags.HasErrors() {
				return cty.UnknownVal(cty.String), fmt.Errorf("template %s: %s", p, diags.Error())
			}
			ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: map[string]function.Function{}}
			for it := top.ElementIterator(); it.Next(); {
				k, v := it.Element()
				ctx.Variables[k.AsString()] = v.WithMarks(marks)
			}
			for name, f := range r.funcs {
				if name != "templatefile" {
					ctx.Functions[name] = f
				}
			}
			res, diags := r.guard(tmpl).Value(ctx)
			if diags.HasErrors() {
				return unknown, nil
			}
			if res.IsKnown() && !res.IsNull() {
				if s, _ := res.Unmark(); s.Type() == cty.String && len(s.AsString()) > MaxStringLength {
					return cty.UnknownVal(cty.String), fmt.Errorf("the result would be longer than spillway's limit of %d bytes", MaxStringLength)
				}
			}
			return res, nil
		},
	})
	out["fileset"] = r.filesetFunc()
	return out
}

// outsideTree notes that a file function was given a path outside the
// scanned tree, which spillway never reads.
func (r *Root) outsideTree(fn, p string) {
	r.note(NotePathOutsideTree, "Path outside the scanned tree",
		fmt.Sprintf("The path %q given to %s() is outside the scanned tree, so spillway does not read it and the result is unknown. Scan a directory that contains the file.", p, fn),
		r.cur)
}

// escapesTree reports an error of the file system the CLI opens
// (os.Root) refusing to follow a symbolic link out of the tree; os.Root
// does not export the error, so its text is matched.
func escapesTree(err error) bool {
	return err != nil && strings.Contains(err.Error(), "escapes")
}

type sentinelError string

func (e sentinelError) Error() string { return string(e) }

const errOutsideTree = sentinelError("path outside the scanned tree")

// resolvePath turns a path given to a file function into a path inside the
// scanned file system, resolved against the root module's directory. ok is
// false for absolute paths and paths that leave the tree.
func (r *Root) resolvePath(p string) (string, bool) {
	if p == "" || path.IsAbs(p) || strings.HasPrefix(p, "~") || strings.Contains(p, "\\") || strings.Contains(p, "\x00") {
		return "", false
	}
	full := path.Clean(path.Join(r.Module.Module.Dir, p))
	if full == ".." || strings.HasPrefix(full, "../") {
		return "", false
	}
	return full, true
}
