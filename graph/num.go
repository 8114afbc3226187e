package graph

// Greater is the fact n > o; undecided when either is unknown, for n's
// unknown first.
func (n Num) Greater(o Num) Fact {
	switch {
	case n.Why != "":
		return Maybe(n.Why)
	case o.Why != "":
		return Maybe(o.Why)
	}
	return FactOf(n.N > o.N)
}
