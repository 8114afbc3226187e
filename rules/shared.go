package rules

import "github.com/spillway-iac/spillway/graph"

// The helpers below give the graph's facts the (value, unknown) shape
// that rules not yet written with graph.Fact read. They decide nothing
// themselves; new code calls the graph accessors they wrap.

// reservation is what a function's reserved_concurrent_executions says.
type reservation struct {
	// set reports a known reservation of 0 or more; n is its value.
	set bool
	n   int64
	// unknown is the unknown expression when the value is unknown.
	unknown string
}

// reservationOf reads graph.Function.Reservation.
func reservationOf(f *graph.Function) reservation {
	n := f.Reservation()
	return reservation{set: n.Known() && n.N >= 0, n: n.N, unknown: n.Why}
}

// intOr reads graph.Value.IntOr.
func intOr(v graph.Value, def int64) (n int64, ok bool, unknown string) {
	num := v.IntOr(def)
	return num.N, num.Known(), num.Why
}

// boolTrue reads graph.Value.IsTrue.
func boolTrue(v graph.Value) (isTrue bool, unknown string) {
	f := v.IsTrue()
	return f.True(), f.Why
}

// functionOfMapping returns the mapping's function, or the unknown
// expression that keeps it from being resolved (empty for an external
// function).
func functionOfMapping(m *graph.Mapping) (*graph.Function, string) {
	return m.Function, m.FunctionTarget.Why
}

// isStream reads graph.Mapping.IsStream.
func isStream(m *graph.Mapping) (stream bool, unknown string) {
	f := m.IsStream()
	return f.True(), f.Why
}

// certainTriggers reads graph.Function.InvokedBy: the function's triggers
// of a kind that exist whenever the function does, and the fact that one
// invokes it.
func certainTriggers(f *graph.Function, k graph.TriggerKind) ([]*graph.Trigger, graph.Fact) {
	invoked, sure := f.InvokedBy(k)
	return sure, invoked
}

// firstOf returns the first non-empty expression: the unknown to name in
// an undetermined check when several could decide it.
func firstOf(exprs ...string) string {
	for _, e := range exprs {
		if e != "" {
			return e
		}
	}
	return ""
}
