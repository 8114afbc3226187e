package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
)

// reservation is what a function's reserved_concurrent_executions says.
type reservation struct {
	// set reports a known reservation of 0 or more; n is its value.
	set bool
	n   int64
	// unknown is the unknown expression when the value is unknown.
	unknown string
}

// reservationOf reads a function's reserved concurrency: absent, null and
// -1 mean unreserved.
func reservationOf(f *graph.Function) reservation {
	v := f.ReservedConcurrency()
	switch v.State() {
	case graph.Unknown:
		return reservation{unknown: v.Unknown()}
	case graph.Known:
		n, ok := v.Int()
		if !ok {
			return reservation{unknown: "reserved_concurrent_executions of " + f.Addr}
		}
		if n >= 0 {
			return reservation{set: true, n: n}
		}
	default:
	}
	return reservation{}
}

// intOr returns a known whole number, the default when the argument is
// absent or null, or ok=false with the unknown expression.
func intOr(v graph.Value, def int64) (n int64, ok bool, unknown string) {
	switch v.State() {
	case graph.Absent, graph.Null:
		return def, true, ""
	case graph.Unknown:
		return 0, false, v.Unknown()
	default:
	}
	n, ok = v.Int()
	if !ok {
		return 0, false, fmt.Sprintf("the value at %s", v.Range)
	}
	return n, true, ""
}

// boolTrue reports whether an argument is known to be true; unknown is
// set when it is unknown.
func boolTrue(v graph.Value) (isTrue bool, unknown string) {
	switch v.State() {
	case graph.Unknown:
		return false, v.Unknown()
	case graph.Known:
		b, ok := v.Bool()
		return ok && b, ""
	default:
		return false, ""
	}
}

// seconds formats a duration in seconds for messages.
func seconds(n int64) string {
	switch {
	case n >= 86400 && n%86400 == 0:
		return fmt.Sprintf("%d s (%d days)", n, n/86400)
	case n >= 3600 && n%3600 == 0:
		return fmt.Sprintf("%d s (%d hours)", n, n/3600)
	}
	return fmt.Sprintf("%d s", n)
}

// functionOfMapping returns the mapping's function, or the unknown
// expression that keeps it from being resolved (empty for an external
// function).
func functionOfMapping(m *graph.Mapping) (*graph.Function, string) {
	if m.Function != nil {
		return m.Function, ""
	}
	if m.FunctionTarget.Unresolved() {
		return nil, m.FunctionTarget.Why
	}
	return nil, ""
}

// isStream reports whether a mapping reads a Kinesis or DynamoDB stream:
// yes, no, or unknown (the source is unknown and starting_position, which
// only stream and Kafka sources take, is set).
func isStream(m *graph.Mapping) (stream bool, unknown string) {
	if m.Kind.IsStream() {
		return true, ""
	}
	if m.Kind != graph.SourceUnknown {
		return false, ""
	}
	if m.Attr("starting_position").State() == graph.Absent {
		return false, ""
	}
	if m.KindUnknown != "" {
		return false, m.KindUnknown
	}
	return false, "event_source_arn of " + m.Addr
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
