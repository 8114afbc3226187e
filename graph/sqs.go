package graph

import "strings"

// Queue is an aws_sqs_queue instance with its edges.
type Queue struct {
	*Resource
	// Redrive is the queue's redrive policy: an aws_sqs_queue_redrive_policy
	// for the queue when one exists, otherwise the inline argument. Nil
	// when neither is set.
	Redrive *Redrive
	// RedrivePolicies are the aws_sqs_queue_redrive_policy instances for
	// the queue.
	RedrivePolicies []*Resource
	// Consumers are the event source mappings reading the queue.
	Consumers []*Mapping
	// Sources are the queues whose redrive policy names this queue.
	Sources []*Queue
	// DeadLetterFor lists the resources that use this queue as a
	// dead-letter queue or failure destination.
	DeadLetterFor []*Resource
}

// IsFIFO is the fact that the queue is FIFO: fifo_queue, or a known
// name ending in ".fifo" when fifo_queue is absent.
func (q *Queue) IsFIFO() Fact {
	v := q.Attr("fifo_queue")
	switch v.State() {
	case Absent, Null:
		n, ok := q.Attr("name").String()
		return FactOf(ok && strings.HasSuffix(n, ".fifo"))
	case Known:
		b, ok := v.Bool()
		if !ok {
			return Maybe("fifo_queue of " + q.Addr)
		}
		return FactOf(b)
	default:
		return Maybe(v.Unknown())
	}
}

// ConsumedBy returns the fact that an event source mapping reads the queue
// whenever it exists (true when one certainly does, undecided when only
// mappings that may not exist do), and the mappings that certainly do.
func (q *Queue) ConsumedBy() (Fact, []*Mapping) {
	return certain(q.Resource, q.Consumers, func(m *Mapping) *Resource { return m.Resource })
}

// VisibilityTimeout returns visibility_timeout_seconds (default 30).
func (q *Queue) VisibilityTimeout() Num {
	return intArg(q.Attr("visibility_timeout_seconds"), 30, "visibility_timeout_seconds of "+q.Addr)
}

// Retention returns message_retention_seconds (default 345600).
func (q *Queue) Retention() Num {
	return intArg(q.Attr("message_retention_seconds"), 345600, "message_retention_seconds of "+q.Addr)
}

func (g *Graph) buildQueues() {
	g.Queues = wrapAll(g.Resources("aws_sqs_queue"), g.queueByRes, func(r *Resource) *Queue { return &Queue{Resource: r} })
	for _, q := range g.Queues {
		if v := q.Attr("redrive_policy"); v.IsSet() && !isEmptyString(v) {
			q.Redrive = g.decodeRedrive(q.Resource, v)
		}
	}
	for _, r := range g.Resources("aws_sqs_queue_redrive_policy") {
		g.RedrivePolicyResources = append(g.RedrivePolicyResources, r)
		q, t := g.ResolveQueue(r.Attr("queue_url"))
		if q == nil {
			if t.Unresolved() {
				g.UnresolvedRedrive = append(g.UnresolvedRedrive, Pending{Resource: r, Why: t.Why})
			}
			continue
		}
		q.RedrivePolicies = append(q.RedrivePolicies, r)
		q.Redrive = g.decodeRedrive(r, r.Attr("redrive_policy"))
	}
}

func isEmptyString(v Value) bool {
	s, ok := v.String()
	return ok && strings.TrimSpace(s) == ""
}

// wrapAll makes one node of the graph per resource, in order, and indexes
// the nodes by resource in byRes.
func wrapAll[T any](rs []*Resource, byRes map[*Resource]*T, wrap func(*Resource) *T) []*T {
	var out []*T
	for _, r := range rs {
		x := wrap(r)
		byRes[r] = x
		out = append(out, x)
	}
	return out
}

func appendUnique[T comparable](xs []T, x T) []T {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
