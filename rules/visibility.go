package rules

import "github.com/spillway-iac/spillway/graph"

// consumer is a mapping reading a queue with the numbers SPW302 and SPW303
// compare.
type consumer struct {
	mapping *graph.Mapping
	// function is nil when the function is outside this root module or
	// cannot be resolved.
	function *graph.Function
	// timeout is the function's timeout in seconds: unknown when the
	// function cannot be resolved.
	timeout graph.Num
	// window is maximum_batching_window_in_seconds (default 0).
	window graph.Num
	// exists is the fact that the mapping and its function exist (they
	// may not with an unknown count or for_each).
	exists graph.Fact
}

// consumersOf returns the mappings reading the queue.
func consumersOf(q *graph.Queue) []*consumer {
	var out []*consumer
	for _, m := range q.Consumers {
		c := &consumer{mapping: m, function: m.Function, exists: m.Exists(),
			timeout: graph.Num{Why: m.FunctionTarget.Why},
			window:  m.Attr("maximum_batching_window_in_seconds").IntOr(0)}
		if f := c.function; f != nil {
			c.exists = c.exists.And(f.Exists())
			c.timeout = f.Timeout()
		}
		out = append(out, c)
	}
	return out
}

// external reports a consumer whose function is outside this root module:
// its timeout is not part of the configuration.
func (c *consumer) external() bool {
	return c.function == nil && !c.mapping.FunctionTarget.Unresolved()
}

// below is the fact that the visibility timeout is below the consumer's
// function timeout (SPW302's finding).
func (c *consumer) below(vis graph.Num) graph.Fact {
	if c.external() {
		return graph.No()
	}
	return vis.Less(c.timeout).And(c.exists)
}
