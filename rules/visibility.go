package rules

import "github.com/spillway-iac/spillway/graph"

// consumerTimeout is a consumer of a queue with the numbers SPW302 and
// SPW303 compare.
type consumerTimeout struct {
	mapping  *graph.Mapping
	function *graph.Function
	timeout  int64
	window   int64
}

// queueConsumerTimeouts returns the queue's visibility timeout and, for
// each consuming mapping, its function's timeout and batching window. It
// returns the first unknown expression instead when one keeps the
// comparison from being made.
func queueConsumerTimeouts(q *graph.Queue) (visibility int64, consumers []consumerTimeout, unknown string) {
	visibility, v, ok := q.VisibilityTimeout()
	if !ok {
		return 0, nil, v.Unknown()
	}
	for _, m := range q.Consumers {
		f, fnUnknown := functionOfMapping(m)
		if f == nil {
			if fnUnknown != "" && unknown == "" {
				unknown = fnUnknown
			}
			continue
		}
		t, tv, ok := f.Timeout()
		if !ok {
			if unknown == "" {
				unknown = tv.Unknown()
			}
			continue
		}
		w, ok, u := intOr(m.Attr("maximum_batching_window_in_seconds"), 0)
		if !ok {
			if unknown == "" {
				unknown = u
			}
			continue
		}
		consumers = append(consumers, consumerTimeout{mapping: m, function: f, timeout: t, window: w})
	}
	return visibility, consumers, unknown
}
