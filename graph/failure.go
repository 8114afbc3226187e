package graph

import "strings"

// DeadLetter is a reference from a resource to its dead-letter queue or
// failure destination, resolved once when the graph is built.
type DeadLetter struct {
	// User is the resource that sends its failed messages or events
	// there.
	User *Resource
	// Block is the nested block that holds the reference, if any.
	Block *Block
	// Value is the reference (an ARN or a queue URL); Queue is the queue
	// of this root module it names and Target how it resolved.
	Value  Value
	Queue  *Queue
	Target Target
}

// FIFO is the fact that the reference names a FIFO queue, with the name to
// use for the queue in messages: a queue of this root module (its
// fifo_queue or name), or the queue name of a literal SQS ARN or URL of
// another stack (FIFO queue names end in .fifo, and only theirs do). The
// fact is undecided for a reference that cannot be resolved. ok is false
// when the reference names nothing whose type can be told: it is absent
// or null, or a known value that is no SQS ARN or URL.
func (d DeadLetter) FIFO() (fifo Fact, name string, ok bool) {
	v, t := d.Value, d.Target
	switch {
	case !v.IsSet():
		return No(), "", false
	case d.Queue != nil:
		return d.Queue.IsFIFO(), d.Queue.Addr, true
	case t.Unresolved() || v.State() == Unknown && !t.External:
		why := t.Why
		if why == "" {
			why = v.Unknown()
		}
		return Maybe(why), "", true
	}
	if s, known := v.String(); known {
		if name, ok := literalQueueName(s); ok {
			return FactOf(strings.HasSuffix(name, ".fifo")), name, true
		}
	}
	return No(), "", false
}

// literalQueueName returns the queue name of a literal SQS ARN
// (arn:aws:sqs:REGION:ACCOUNT:NAME) or queue URL.
func literalQueueName(s string) (string, bool) {
	_, isARN := arnResource(s, "sqs")
	if !isARN && !strings.HasPrefix(s, "https://sqs.") && !strings.HasPrefix(s, "http://sqs.") {
		return "", false
	}
	name, ok := queueKind.literal(s)
	return name, ok && name != ""
}

// FailureDestination is the fact that the function has a failure
// destination: a dead_letter_config.target_arn, or an event invoke
// config's destination_config.on_failure.destination for any qualifier.
// It is undecided because of an unknown target, a dynamic block with an
// unknown for_each, an invoke config that may not exist, or an invoke
// config whose function cannot be resolved.
func (g *Graph) FailureDestination(f *Function) Fact {
	has := setIn(f.Blocks("dead_letter_config"), "dead_letter_config", "target_arn")
	for _, ic := range f.InvokeConfigs {
		has = has.Or(ic.OnFailureSet().And(ic.Exists()))
	}
	for _, ic := range g.UnresolvedInvokeConfigs {
		has = has.Or(ic.FunctionTarget.Is(f.Resource).And(ic.OnFailureSet()))
	}
	return has
}

// OnFailureSet is the fact that an event invoke config has an on_failure
// destination.
func (ic *InvokeConfig) OnFailureSet() Fact { return onFailureSet(ic.Resource, "destination") }

// OnFailureSet is the fact that an event source mapping has an on-failure
// destination (destination_config.on_failure.destination_arn). An ARN read
// from a resource (aws_sqs_queue.q.arn) is unknown but set.
func (m *Mapping) OnFailureSet() Fact { return onFailureSet(m.Resource, "destination_arn") }

// DeadLetterSet is the fact that an EventBridge target has a
// dead_letter_config.arn (a schedule: target.dead_letter_config.arn).
func (t *EventTarget) DeadLetterSet() Fact {
	if t.Schedule {
		return AnyBlock(t.Blocks("target"), "target", nil, func(b *Block) Fact {
			return setIn(b.Blocks("dead_letter_config"), "dead_letter_config", "arn")
		})
	}
	return setIn(t.Blocks("dead_letter_config"), "dead_letter_config", "arn")
}

// RedriveSet is the fact that an SNS subscription has a redrive_policy
// (not null and not blank; a policy whose content is unknown but that
// cannot be null is set).
func (s *Subscription) RedriveSet() Fact { return s.Attr("redrive_policy").Set() }

// buildDeadLetters resolves every reference to a dead-letter queue or
// failure destination once: the queues it names learn who uses them
// (Queue.DeadLetterFor), functions keep their dead_letter_config targets
// (Function.DeadLetters), and references that cannot be resolved but may
// name a queue of this root module go to UnresolvedDLQ.
func (g *Graph) buildDeadLetters() {
	use := func(d DeadLetter) {
		if d.Queue != nil {
			d.Queue.DeadLetterFor = appendUnique(d.Queue.DeadLetterFor, d.User)
		}
	}
	for _, q := range g.Queues {
		if q.Redrive != nil && q.Redrive.DLQ != nil {
			dlq := q.Redrive.DLQ
			dlq.Sources = append(dlq.Sources, q)
			dlq.DeadLetterFor = appendUnique(dlq.DeadLetterFor, q.Resource)
		}
	}
	for _, f := range g.Functions {
		for _, b := range f.Blocks("dead_letter_config") {
			d := g.deadLetter(f.Resource, b, b.Attr("target_arn"))
			f.DeadLetters = append(f.DeadLetters, d)
			use(d)
		}
	}
	var invokeConfigs, subscriptions, eventTargets, mappings []DeadLetter
	for _, ic := range g.InvokeConfigs {
		d := g.deadLetter(ic.Resource, nil, ic.OnFailure)
		invokeConfigs = append(invokeConfigs, d)
		use(d)
	}
	for _, r := range g.Resources("aws_sns_topic_subscription") {
		d := g.decodeRedrive(r, r.Attr("redrive_policy")).reference()
		subscriptions = append(subscriptions, d)
		use(d)
	}
	for _, r := range g.Resources("aws_cloudwatch_event_target") {
		d := g.deadLetter(r, nil, r.Path("dead_letter_config", "arn"))
		eventTargets = append(eventTargets, d)
		use(d)
	}
	for _, r := range g.Resources("aws_scheduler_schedule") {
		d := g.deadLetter(r, nil, r.Path("target", "dead_letter_config", "arn"))
		eventTargets = append(eventTargets, d)
		use(d)
	}
	for _, m := range g.Mappings {
		d := g.deadLetter(m.Resource, nil, m.Path("destination_config", "on_failure", "destination_arn"))
		mappings = append(mappings, d)
		use(d)
	}
	// A policy whose source queue is unknown still uses its DLQ.
	var pendingRedrive []DeadLetter
	for _, pd := range g.UnresolvedRedrive {
		d := g.decodeRedrive(pd.Resource, pd.Resource.Attr("redrive_policy")).reference()
		pendingRedrive = append(pendingRedrive, d)
		use(d)
	}

	// The references that cannot be resolved, in a fixed order.
	for _, q := range g.Queues {
		if q.Redrive != nil && q.Redrive.DLQ == nil {
			d := q.Redrive.reference()
			// The queue, not an aws_sqs_queue_redrive_policy, holds it: a
			// queue is not its own dead-letter queue.
			d.User = q.Resource
			g.pendingDLQ(d)
		}
	}
	for _, d := range pendingRedrive {
		g.pendingDLQ(d)
	}
	for _, f := range g.Functions {
		for _, d := range f.DeadLetters {
			g.pendingDLQ(d)
		}
	}
	for _, group := range [][]DeadLetter{invokeConfigs, subscriptions, eventTargets, mappings} {
		for _, d := range group {
			g.pendingDLQ(d)
		}
	}
}

// DeadLetterUse returns the resources that use q as a dead-letter queue
// or failure destination (q.DeadLetterFor), and the fact that something
// does: true when there are such resources, undecided when a reference
// that cannot be resolved (g.UnresolvedDLQ, other than the one in q's own
// redrive policy) may name it.
func (g *Graph) DeadLetterUse(q *Queue) ([]*Resource, Fact) {
	if len(q.DeadLetterFor) > 0 {
		return q.DeadLetterFor, Yes()
	}
	for _, pd := range g.UnresolvedDLQ {
		if pd.Resource != q.Resource {
			return nil, Maybe(pd.Why)
		}
	}
	return nil, No()
}

func (g *Graph) deadLetter(user *Resource, b *Block, v Value) DeadLetter {
	q, t := g.ResolveQueue(v)
	return DeadLetter{User: user, Block: b, Value: v, Queue: q, Target: t}
}

// pendingDLQ records a reference that cannot be resolved and may name a
// queue of this root module: it comes from a variable, not from a
// reference to another resource (a topic, a function) nor only from data
// sources (an existing queue elsewhere).
func (g *Graph) pendingDLQ(d DeadLetter) {
	v := d.Value
	if !v.IsSet() || d.Queue != nil || !d.Target.Unresolved() || len(v.RefAddrs()) > 0 {
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
	g.UnresolvedDLQ = append(g.UnresolvedDLQ, Pending{Resource: d.User, Why: v.Unknown()})
}
