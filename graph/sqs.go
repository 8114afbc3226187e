package graph

import "strings"

// Queue is an aws_sqs_queue instance with its edges.
type Queue struct {
	*Resource
	// Redrive is the queue's redrive policy: an aws_sqs_queue_redrive_policy
	// for the queue when one exists, otherwise the inline argument. Nil
	// when neither is set.
	Redrive *Redrive
	// Consumers are the event source mappings reading the queue.
	Consumers []*Mapping
	// Sources are the queues whose redrive policy names this queue.
	Sources []*Queue
	// DeadLetterFor lists the resources that use this queue as a
	// dead-letter queue or failure destination.
	DeadLetterFor []*Resource
}

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
	// Unreadable reports a policy that is set but whose content is
	// unknown.
	Unreadable bool
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

// VisibilityTimeout returns visibility_timeout_seconds (default 30).
func (q *Queue) VisibilityTimeout() Num {
	return intArg(q.Attr("visibility_timeout_seconds"), 30, "visibility_timeout_seconds of "+q.Addr)
}

// Retention returns message_retention_seconds (default 345600).
func (q *Queue) Retention() Num {
	return intArg(q.Attr("message_retention_seconds"), 345600, "message_retention_seconds of "+q.Addr)
}

// SourceKind is the kind of an event source mapping's source.
type SourceKind int

// The event source kinds.
const (
	SourceUnknown SourceKind = iota
	SourceSQS
	SourceKinesis
	SourceDynamoDB
	SourceKafka
	SourceMQ
	SourceDocumentDB
)

func (k SourceKind) String() string {
	return [...]string{"unknown", "SQS", "Kinesis", "DynamoDB Streams", "Kafka", "MQ", "DocumentDB"}[k]
}

// IsStream reports whether the source is a Kinesis or DynamoDB stream.
func (k SourceKind) IsStream() bool { return k == SourceKinesis || k == SourceDynamoDB }

// Mapping is an aws_lambda_event_source_mapping instance.
type Mapping struct {
	*Resource
	Kind SourceKind
	// Queue is the source queue for SQS mappings in this root module.
	Queue *Queue
	// Stream is the Kinesis stream or DynamoDB table, when resolved.
	Stream *Resource
	// Function is the function, when resolved; FunctionTarget says how.
	Function       *Function
	FunctionTarget Target
	// KindUnknown is the unknown expression when Kind is SourceUnknown.
	KindUnknown string
}

func (g *Graph) buildQueues() {
	for _, r := range g.Resources("aws_sqs_queue") {
		q := &Queue{Resource: r}
		g.queueByRes[r] = q
		g.Queues = append(g.Queues, q)
	}
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
		q.Redrive = g.decodeRedrive(r, r.Attr("redrive_policy"))
	}
	for _, q := range g.Queues {
		if q.Redrive != nil && q.Redrive.DLQ != nil {
			dlq := q.Redrive.DLQ
			dlq.Sources = append(dlq.Sources, q)
			dlq.DeadLetterFor = appendUnique(dlq.DeadLetterFor, q.Resource)
		}
	}
	// Function dead-letter targets and on-failure destinations.
	for _, f := range g.Functions {
		for _, b := range f.Blocks("dead_letter_config") {
			if dlq, _ := g.ResolveQueue(b.Attr("target_arn")); dlq != nil {
				dlq.DeadLetterFor = appendUnique(dlq.DeadLetterFor, f.Resource)
			}
		}
	}
	for _, ic := range g.InvokeConfigs {
		if dlq, _ := g.ResolveQueue(ic.OnFailure); dlq != nil {
			dlq.DeadLetterFor = appendUnique(dlq.DeadLetterFor, ic.Resource)
		}
	}
	for _, r := range g.Resources("aws_sns_topic_subscription") {
		if rp, ok := r.Attr("redrive_policy").DecodeJSON(); ok {
			if dlq, _ := g.ResolveQueue(rp.Get("deadLetterTargetArn")); dlq != nil {
				dlq.DeadLetterFor = appendUnique(dlq.DeadLetterFor, r)
			}
		}
	}
	for _, r := range g.Resources("aws_cloudwatch_event_target") {
		if dlq, _ := g.ResolveQueue(r.Path("dead_letter_config", "arn")); dlq != nil {
			dlq.DeadLetterFor = appendUnique(dlq.DeadLetterFor, r)
		}
	}
}

func isEmptyString(v Value) bool {
	s, ok := v.String()
	return ok && strings.TrimSpace(s) == ""
}

func appendUnique(rs []*Resource, r *Resource) []*Resource {
	for _, x := range rs {
		if x == r {
			return rs
		}
	}
	return append(rs, r)
}

func (g *Graph) decodeRedrive(holder *Resource, v Value) *Redrive {
	rd := &Redrive{Holder: holder, Policy: v}
	doc, ok := v.DecodeJSON()
	if !ok || doc.State() != Known && doc.State() != Unknown {
		rd.Unreadable = true
		rd.DeadLetterTarget = Value{state: Unknown, Range: v.Range, unknown: v.Unknown()}
		rd.MaxReceiveCount = Value{state: Unknown, Range: v.Range, unknown: v.Unknown()}
		return rd
	}
	if doc.State() == Unknown {
		if _, isObj := doc.Keys(); !isObj {
			rd.Unreadable = true
		}
	}
	rd.DeadLetterTarget = doc.Get("deadLetterTargetArn")
	rd.MaxReceiveCount = doc.Get("maxReceiveCount")
	rd.DeadLetterTarget.Range, rd.MaxReceiveCount.Range = v.Range, v.Range
	rd.DLQ, rd.DLQTarget = g.ResolveQueue(rd.DeadLetterTarget)
	return rd
}

func (g *Graph) buildMappings() {
	for _, r := range g.Resources("aws_lambda_event_source_mapping") {
		m := &Mapping{Resource: r}
		src := r.Attr("event_source_arn")
		switch {
		case !src.IsSet():
			if r.Block("self_managed_event_source") != nil {
				m.Kind = SourceKafka
			} else if src.State() == Unknown {
				m.KindUnknown = src.Unknown()
			}
		default:
			if q, _ := g.ResolveQueue(src); q != nil {
				m.Kind, m.Queue = SourceSQS, q
			} else if t := g.resolve(src, kinesisKind); t.Resource != nil {
				m.Kind, m.Stream = SourceKinesis, t.Resource
			} else if t := g.resolve(src, tableKind); t.Resource != nil {
				m.Kind, m.Stream = SourceDynamoDB, t.Resource
			} else if k, ok := kindFromARN(src); ok {
				m.Kind = k
			} else if t.Unresolved() || src.State() == Unknown {
				m.KindUnknown = src.Unknown()
			}
		}
		m.Function, m.FunctionTarget = g.ResolveFunction(r.Attr("function_name"))
		g.Mappings = append(g.Mappings, m)
		if m.Queue != nil {
			m.Queue.Consumers = append(m.Queue.Consumers, m)
		}
		if m.Function != nil {
			m.Function.Mappings = append(m.Function.Mappings, m)
			m.Function.Triggers = append(m.Function.Triggers, &Trigger{Kind: Poll, Source: r, Function: m.Function, What: m.Kind.String() + " event source mapping"})
		}
		if d := r.Path("destination_config", "on_failure", "destination_arn"); d.IsSet() {
			if dlq, _ := g.ResolveQueue(d); dlq != nil {
				dlq.DeadLetterFor = appendUnique(dlq.DeadLetterFor, r)
			}
		}
	}
}

// kindFromARN classifies a literal (or partly known) source ARN.
func kindFromARN(v Value) (SourceKind, bool) {
	var s string
	if str, ok := v.String(); ok {
		s = str
	} else if parts, ok := templateOf(v); ok {
		s = parts
	} else {
		return SourceUnknown, false
	}
	parts := strings.SplitN(s, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return SourceUnknown, false
	}
	switch parts[2] {
	case "sqs":
		return SourceSQS, true
	case "kinesis":
		return SourceKinesis, true
	case "dynamodb":
		if strings.Contains(parts[5], "/stream/") {
			return SourceDynamoDB, true
		}
	case "kafka":
		return SourceKafka, true
	case "mq":
		return SourceMQ, true
	case "rds":
		return SourceDocumentDB, true
	}
	return SourceUnknown, false
}
