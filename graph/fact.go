package graph

import "github.com/hashicorp/hcl/v2"

// Fact is the answer to a yes-or-no question about the configuration
// ("does this queue have a redrive policy?"): decided, or undecided
// because of an unknown value that Why names ("var.dlq_arn", "the
// for_each of module.workers"). Every accessor of the graph that can meet
// an unknown answers with a Fact, so that rules combine answers with And,
// Or and Not and hand the result to lint.Pass.ReportIf, which reports a
// true fact, records an undecided one as undetermined and stays quiet on
// a false one.
//
// The zero Fact is decided false.
type Fact struct {
	// Is is the answer when Why is empty.
	Is bool
	// Why names the unknown expression that keeps the answer open; empty
	// when the fact is decided.
	Why string
}

// Yes is a fact decided true.
func Yes() Fact { return Fact{Is: true} }

// No is a fact decided false.
func No() Fact { return Fact{} }

// Maybe is a fact left open by the unknown expression why. An empty why
// is replaced by a generic description, so that a Maybe is never taken
// for a decided answer.
func Maybe(why string) Fact {
	if why == "" {
		why = "a value known only after apply"
	}
	return Fact{Why: why}
}

// FactOf is a decided fact.
func FactOf(b bool) Fact { return Fact{Is: b} }

// True reports a fact decided true.
func (f Fact) True() bool { return f.Why == "" && f.Is }

// False reports a fact decided false.
func (f Fact) False() bool { return f.Why == "" && !f.Is }

// Undecided reports a fact that an unknown value leaves open.
func (f Fact) Undecided() bool { return f.Why != "" }

// Not negates a decided fact; an undecided one stays undecided.
func (f Fact) Not() Fact {
	if f.Why != "" {
		return f
	}
	return Fact{Is: !f.Is}
}

// And is true when both are true and false when either is false;
// otherwise it is undecided, for the first reason.
func (f Fact) And(o Fact) Fact {
	switch {
	case f.False() || o.False():
		return No()
	case f.True() && o.True():
		return Yes()
	case f.Why != "":
		return f
	default:
		return o
	}
}

// Or is true when either is true and false when both are false; otherwise
// it is undecided, for the first reason.
func (f Fact) Or(o Fact) Fact {
	switch {
	case f.True() || o.True():
		return Yes()
	case f.False() && o.False():
		return No()
	case f.Why != "":
		return f
	default:
		return o
	}
}

// Any is the Or of facts (false for none). It is true as soon as one is
// true, whatever the others; otherwise it is undecided for the first
// undecided one.
func Any(facts ...Fact) Fact {
	out := No()
	for _, f := range facts {
		out = out.Or(f)
		if out.True() {
			return out
		}
	}
	return out
}

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

// Less is the fact n < o; undecided when either is unknown.
func (n Num) Less(o Num) Fact {
	if f, ok := unknownOf(n, o); ok {
		return f
	}
	return FactOf(n.N < o.N)
}

// AtMost is the fact n <= o; undecided when either is unknown.
func (n Num) AtMost(o Num) Fact {
	if f, ok := unknownOf(n, o); ok {
		return f
	}
	return FactOf(n.N <= o.N)
}

// Is is the fact n == k; undecided when n is unknown.
func (n Num) Is(k int64) Fact {
	if f, ok := unknownOf(n); ok {
		return f
	}
	return FactOf(n.N == k)
}

// Below is the fact n < k; undecided when n is unknown.
func (n Num) Below(k int64) Fact { return n.Less(Num{N: k}) }

// Above is the fact n > k; undecided when n is unknown.
func (n Num) Above(k int64) Fact { return Num{N: k}.Less(n) }

// unknownOf is the undecided fact for the first unknown of nums; ok is
// false when all are known.
func unknownOf(nums ...Num) (Fact, bool) {
	for _, n := range nums {
		if n.Why != "" {
			return Maybe(n.Why), true
		}
	}
	return Fact{}, false
}

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
	n := intOr(v, def)
	if n.Why != "" && v.State() == Known {
		n.Why = what
	}
	return n
}

// intOr reads a whole-number argument with the provider default def for
// an absent or null argument. A known value that is not a whole number is
// unknown, named by where it is written.
func intOr(v Value, def int64) Num {
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

// IntOr reads a whole-number argument, def applying when it is absent or
// null.
func (v Value) IntOr(def int64) Num { return intOr(v, def) }

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

// Exists is the fact that the resource instance exists: undecided when it
// stands for an unknown number of instances (an unknown count or
// for_each).
func (r *Resource) Exists() Fact {
	if r.uncertain != "" {
		return Maybe(r.uncertain)
	}
	return Yes()
}

// Uncertain is a resource standing for an unknown number of instances,
// for tests and for building graphs by hand: its existence is undecided
// because of why.
func Uncertain(r *Resource, why string) *Resource {
	r.uncertain = why
	return r
}
