package rules

import "github.com/spillway-iac/spillway/graph"

// reserved is the reserved concurrency of the function a reference
// resolved to (f, or nil with t saying why), as Function.Reservation has
// it (-1 for none): unknown when the reference cannot be resolved. A
// function outside this root module reserves none here: its reservation
// is not part of the configuration.
func reserved(f *graph.Function, t graph.Target) graph.Num {
	if f == nil {
		return graph.Num{N: -1, Why: t.Why}
	}
	return f.Reservation()
}

// aboveReservation is the fact that n exceeds the reserved concurrency (0
// or more) of the function a reference resolved to, and that reservation;
// an unreserved function, or one outside this root module, has no
// reservation to exceed.
func aboveReservation(n graph.Num, f *graph.Function, t graph.Target) (graph.Fact, graph.Num) {
	res := reserved(f, t)
	return n.Greater(res).And(res.Above(-1)), res
}

// reservesNone is the fact that the function a reference resolved to
// reserves no concurrency (reserved_concurrent_executions absent, null or
// -1). A function outside this root module is not judged.
func reservesNone(f *graph.Function, t graph.Target) graph.Fact {
	if f == nil && !t.Unresolved() {
		return graph.No()
	}
	return reserved(f, t).Is(-1)
}

// maximumConcurrency returns scaling_config.maximum_concurrency, or the
// unknown expression when a dynamic scaling_config block makes it unknown.
func maximumConcurrency(m *graph.Mapping) (graph.Value, string) {
	for _, b := range m.Blocks("scaling_config") {
		if b.Unknown() {
			return graph.Value{}, b.Exists("scaling_config").Why
		}
		v := b.Attr("maximum_concurrency")
		if v.State() == graph.Unknown {
			return v, v.Unknown()
		}
		if v.IsSet() {
			return v, ""
		}
	}
	return graph.Value{}, ""
}

// capped is the fact that a mapping caps its pollers with
// scaling_config.maximum_concurrency. An unknown value that cannot be null
// (a data source, a resource attribute) is a cap too.
func capped(m *graph.Mapping) graph.Fact {
	v, unknown := maximumConcurrency(m)
	switch {
	case v.NotNull():
		return graph.Yes()
	case unknown != "":
		return graph.Maybe(unknown)
	}
	return graph.No()
}

// maximumConcurrencyNum returns a mapping's scaling_config.maximum_concurrency as a number;
// ok is false when there is no cap or it is not a whole number.
func maximumConcurrencyNum(m *graph.Mapping) (n graph.Num, ok bool) {
	v, unknown := maximumConcurrency(m)
	if unknown != "" {
		return graph.Num{Why: unknown, Range: v.Range}, true
	}
	i, ok := v.Int()
	return graph.Num{N: i, Range: v.Range}, ok
}
