package graph

import "strings"

// deadLetterRef is a reference to a dead-letter queue or failure
// destination that cannot be resolved: why is the unknown expression,
// holder the queue whose own redrive policy holds it (a queue is not its
// own dead-letter queue).
type deadLetterRef struct {
	why    string
	holder *Resource
}

// deadLetters is what DeadLetterUse answers from, read on first use.
type deadLetters struct {
	users   map[*Queue][]*Resource
	pending []deadLetterRef
}

// DeadLetterUse returns the resources that use q as a dead-letter queue
// or failure destination, and the fact that something does: true when
// there are such resources, undecided when a reference that cannot be
// resolved (other than the one in q's own redrive policy) may name it.
//
// The users are q.DeadLetterFor and the aws_sqs_queue_redrive_policy
// instances whose source queue is unknown but whose dead-letter queue is
// q: it is used whichever queue the policy is for.
func (g *Graph) DeadLetterUse(q *Queue) ([]*Resource, Fact) {
	d := g.deadLetters()
	if users := d.users[q]; len(users) > 0 {
		return users, Yes()
	}
	for _, ref := range d.pending {
		if ref.holder != q.Resource {
			return nil, Maybe(ref.why)
		}
	}
	return nil, No()
}

func (g *Graph) deadLetters() *deadLetters {
	if g.dlq != nil {
		return g.dlq
	}
	d := &deadLetters{users: map[*Queue][]*Resource{}, pending: g.pendingDeadLetters()}
	for _, q := range g.Queues {
		d.users[q] = append([]*Resource(nil), q.DeadLetterFor...)
	}
	for _, pd := range g.UnresolvedRedrive {
		doc, ok := pd.Resource.Attr("redrive_policy").DecodeJSON()
		if !ok {
			continue
		}
		if dlq, _ := g.ResolveQueue(doc.Get("deadLetterTargetArn")); dlq != nil {
			d.users[dlq] = appendUnique(d.users[dlq], pd.Resource)
		}
	}
	g.dlq = d
	return d
}

// pendingDeadLetters lists the references to a dead-letter queue or
// failure destination whose target is unknown and may be a queue of this
// configuration: it comes from a variable, not from a reference to another
// resource (a topic, a function) or only from data sources (an existing
// queue elsewhere).
func (g *Graph) pendingDeadLetters() []deadLetterRef {

	var out []deadLetterRef
	add := func(v Value, holder *Resource) {
		if !v.IsSet() {
			return
		}
		if q, t := g.ResolveQueue(v); q != nil || !t.Unresolved() {
			return
		}
		if len(v.RefAddrs()) > 0 {
			return
		}
		origins := v.Origins()
		external := len(origins) > 0
		for _, o := range origins {
			if !strings.HasPrefix(o, "data.") {
				external = false
			}
		}
		if external {
			return
		}
		out = append(out, deadLetterRef{why: v.Unknown(), holder: holder})
	}
	redrive := func(v Value, holder *Resource) {
		doc, ok := v.DecodeJSON()
		if !ok {
			return
		}
		if doc.State() == Unknown {
			if _, isObj := doc.Keys(); !isObj {
				add(v, holder)
				return
			}
		}
		add(doc.Get("deadLetterTargetArn"), holder)
	}
	for _, q := range g.Queues {
		if q.Redrive != nil && q.Redrive.DLQ == nil {
			redrive(q.Redrive.Policy, q.Resource)
		}
	}
	for _, pd := range g.UnresolvedRedrive {
		redrive(pd.Resource.Attr("redrive_policy"), nil)
	}
	for _, f := range g.Functions {
		for _, b := range f.Blocks("dead_letter_config") {
			add(b.Attr("target_arn"), nil)
		}
	}
	for _, ic := range g.InvokeConfigs {
		add(ic.OnFailure, nil)
	}
	for _, r := range g.Resources("aws_sns_topic_subscription") {
		redrive(r.Attr("redrive_policy"), nil)
	}
	for _, r := range g.Resources("aws_cloudwatch_event_target") {
		add(r.Path("dead_letter_config", "arn"), nil)
	}
	for _, m := range g.Mappings {
		add(m.Path("destination_config", "on_failure", "destination_arn"), nil)
	}
	return out
}
