package graph

import "github.com/hashicorp/hcl/v2"

// Num is a whole number read from the configuration, with the provider's
// default applied when the argument is absent or null: known, or unknown
// because of the expression Why names.
type Num struct {
	// N is the value when Why is empty.
	N int64
	// Why names the unknown expression; empty when N is known.
	Why string
	// Range is where the value is written, or the enclosing block's range
	// when the default applies.
	Range hcl.Range
	// Default reports that N is the provider's default (the argument is
	// absent or null).
	Default bool
}

// Known reports whether the number is known.
func (n Num) Known() bool { return n.Why == "" }

// compare is the fact that holds(n.N, o.N): undecided when n or o is
// unknown, for n's unknown first. Every comparison of Nums is one call of
// it.
func (n Num) compare(o Num, holds func(a, b int64) bool) Fact {
	for _, x := range []Num{n, o} {
		if x.Why != "" {
			return Maybe(x.Why)
		}
	}
	return FactOf(holds(n.N, o.N))
}

// Less is the fact n < o.
func (n Num) Less(o Num) Fact { return n.compare(o, func(a, b int64) bool { return a < b }) }

// Greater is the fact n > o.
func (n Num) Greater(o Num) Fact { return n.compare(o, func(a, b int64) bool { return a > b }) }

// AtMost is the fact n <= o.
func (n Num) AtMost(o Num) Fact { return n.compare(o, func(a, b int64) bool { return a <= b }) }

// Is is the fact n == k, for a constant k.
func (n Num) Is(k int64) Fact {
	return n.compare(Num{N: k}, func(a, b int64) bool { return a == b })
}

// Below is the fact n < k, for a constant k.
func (n Num) Below(k int64) Fact { return n.Less(Num{N: k}) }

// Above is the fact n > k, for a constant k.
func (n Num) Above(k int64) Fact { return n.Greater(Num{N: k}) }

// Times multiplies by a known factor.
func (n Num) Times(k int64) Num {
	if n.Why == "" {
		n.N *= k
	}
	return n
}

// intArg reads a whole-number argument with the provider default def for
// an absent or null argument. A known value that is not a whole number is
// unknown and named what ("timeout of aws_lambda_function.f").
func intArg(v Value, def int64, what string) Num {
	n := v.IntOr(def)
	if n.Why != "" && v.State() == Known {
		n.Why = what
	}
	return n
}

// IntOr reads a whole-number argument, def applying when it is absent or
// null. A known value that is not a whole number is unknown, named by
// where it is written.
func (v Value) IntOr(def int64) Num {
	switch v.State() {
	case Absent, Null:
		return Num{N: def, Range: v.Range, Default: true}
	case Unknown:
		return Num{Why: v.Unknown(), Range: v.Range}
	default:
	}
	n, ok := v.Int()
	if !ok {
		return Num{Why: "the value at " + v.Range.String(), Range: v.Range}
	}
	return Num{N: n, Range: v.Range}
}
