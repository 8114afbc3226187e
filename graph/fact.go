package graph

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
