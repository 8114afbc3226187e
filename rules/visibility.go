package rules

import "github.com/spillway-iac/spillway/graph"

// consumerTimeout is a consumer of a queue with the numbers SPW302 and
// SPW303 compare.
type consumerTimeout struct {
	mapping *graph.Mapping
	// function is nil when the function is outside this root module or
	// cannot be resolved; fnUnknown is set in the second case.
	function  *graph.Function
	fnUnknown string
	// timeout is the function timeout in seconds; timeoutUnknown is set
	// when it is unknown.
	timeout        int64
	timeoutUnknown string
	// window is maximum_batching_window_in_seconds (default 0);
	// windowUnknown is set when it is unknown.
	window        int64
	windowUnknown string
	// uncertain is set when the mapping or the function may not exist
	// (an unknown count or for_each): it names the unknown expression.
	uncertain string
}

// queueConsumerTimeouts returns the queue's visibility timeout (or the
// unknown expression that hides it) and, for each consuming mapping, its
// function's timeout and batching window, each possibly unknown.
func queueConsumerTimeouts(q *graph.Queue) (visibility int64, visUnknown string, consumers []consumerTimeout) {
	vis := q.VisibilityTimeout()
	visibility, visUnknown = vis.N, vis.Why
	for _, m := range q.Consumers {
		c := consumerTimeout{mapping: m}
		if m.Exists().Undecided() {
			c.uncertain = m.Exists().Why
		}
		c.function, c.fnUnknown = functionOfMapping(m)
		if f := c.function; f != nil {
			if f.Exists().Undecided() && c.uncertain == "" {
				c.uncertain = f.Exists().Why
			}
			t := f.Timeout()
			c.timeout, c.timeoutUnknown = t.N, t.Why
		}
		w, ok, u := intOr(m.Attr("maximum_batching_window_in_seconds"), 0)
		if ok {
			c.window = w
		} else {
			c.windowUnknown = u
		}
		consumers = append(consumers, c)
	}
	return visibility, visUnknown, consumers
}

// external reports a consumer whose function is outside this root module:
// its timeout is not part of the configuration.
func (c *consumerTimeout) external() bool {
	return c.function == nil && c.fnUnknown == ""
}
