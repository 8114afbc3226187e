package graph

// Redrive is a decoded redrive policy.
type Redrive struct {
	// Holder is the resource that carries the policy (the queue or an
	// aws_sqs_queue_redrive_policy).
	Holder *Resource
	// Policy is the raw argument.
	Policy Value
	// DeadLetterTarget is deadLetterTargetArn and DLQ how it resolved.
	DeadLetterTarget Value
	DLQ              *Queue
	DLQTarget        Target
	// MaxReceiveCount is maxReceiveCount.
	MaxReceiveCount Value
	// Why is set when the policy is set but cannot be read: it names the
	// unknown value that hides its content.
	Why string
}

// DeadLetter is the policy's reference to its dead-letter queue.
func (rd *Redrive) DeadLetter() DeadLetter {
	return DeadLetter{User: rd.Holder, Value: rd.DeadLetterTarget, Queue: rd.DLQ, Target: rd.DLQTarget}
}

// reference is the dead-letter reference to record when it cannot be
// resolved: the policy itself when it cannot be read.
func (rd *Redrive) reference() DeadLetter {
	d := rd.DeadLetter()
	if rd.Why != "" {
		d.Value = rd.Policy
	}
	return d
}

// HasRedrive is the fact that the queue has a redrive policy: its
// redrive_policy argument, or an aws_sqs_queue_redrive_policy for it that
// exists whenever the queue does. A policy whose content is unknown but
// that cannot be null (a jsonencode result, a template, a data source
// attribute) is set. An aws_sqs_queue_redrive_policy whose queue cannot be
// resolved leaves the fact undecided.
func (g *Graph) HasRedrive(q *Queue) Fact {
	has := q.Attr("redrive_policy").Set()
	for _, r := range q.RedrivePolicies {
		has = has.Or(r.Attr("redrive_policy").Set().And(r.ExistsWith(q.Resource)))
	}
	for _, pd := range g.UnresolvedRedrive {
		has = has.Or(Maybe(pd.Why))
	}
	return has
}

func (g *Graph) decodeRedrive(holder *Resource, v Value) *Redrive {
	rd := &Redrive{Holder: holder, Policy: v}
	unreadable := func() {
		rd.Why = v.Unknown()
		if rd.Why == "" {
			rd.Why = "the redrive_policy of " + holder.Addr
		}
	}
	doc, ok := v.DecodeJSON()
	if !ok || doc.State() != Known && doc.State() != Unknown {
		unreadable()
		rd.DeadLetterTarget = Value{state: Unknown, Range: v.Range, unknown: v.Unknown()}
		rd.MaxReceiveCount = Value{state: Unknown, Range: v.Range, unknown: v.Unknown()}
		return rd
	}
	if doc.State() == Unknown {
		if _, isObj := doc.Keys(); !isObj {
			unreadable()
		}
	}
	rd.DeadLetterTarget = doc.Get("deadLetterTargetArn")
	rd.MaxReceiveCount = doc.Get("maxReceiveCount")
	rd.DeadLetterTarget.Range, rd.MaxReceiveCount.Range = v.Range, v.Range
	rd.DLQ, rd.DLQTarget = g.ResolveQueue(rd.DeadLetterTarget)
	return rd
}
