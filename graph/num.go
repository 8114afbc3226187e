package graph

// Greater is the fact n > o; undecided when either is unknown, for n's
// unknown first.
func (n Num) Greater(o Num) Fact {
	if n.Why != "" {
		return Maybe(n.Why)
	}
	return o.Less(n)
}
