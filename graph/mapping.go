package graph

import "strings"

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

	// sourceWhy is the unknown expression when Kind is SourceUnknown
	// because the source cannot be resolved (see IsSQS and IsStream).
	sourceWhy string
}

// IsSQS is the fact that the mapping reads an SQS queue: undecided when
// the source is unknown and starting_position, which SQS mappings do not
// take, is not set.
func (m *Mapping) IsSQS() Fact {
	switch {
	case m.Kind == SourceSQS:
		return Yes()
	case m.Kind != SourceUnknown || m.sourceWhy == "":
		return No()
	case m.Attr("starting_position").IsSet():
		return No()
	}
	return Maybe(m.sourceWhy)
}

// IsStream is the fact that the mapping reads a Kinesis or DynamoDB
// stream: undecided when the source is unknown and starting_position,
// which only stream and Kafka sources take, is written.
func (m *Mapping) IsStream() Fact {
	switch {
	case m.Kind.IsStream():
		return Yes()
	case m.Kind != SourceUnknown:
		return No()
	case m.Attr("starting_position").State() == Absent:
		return No()
	case m.sourceWhy != "":
		return Maybe(m.sourceWhy)
	}
	return Maybe("event_source_arn of " + m.Addr)
}

func (g *Graph) buildMappings() {
	for _, r := range g.Resources("aws_lambda_event_source_mapping") {
		m := &Mapping{Resource: r}
		src := r.Attr("event_source_arn")
		switch {
		case !src.IsSet():
			if r.Block("self_managed_event_source") != nil {
				m.Kind = SourceKafka
			} else if k := kindFromShape(r); k != SourceUnknown {
				m.Kind = k
			} else if src.State() == Unknown {
				m.sourceWhy = src.Unknown()
			}
		default:
			if q, _ := g.ResolveQueue(src); q != nil {
				m.Kind, m.Queue = SourceSQS, q
			} else if t := g.resolve(src, kinesisKind); t.Resource != nil {
				m.Kind, m.Stream = SourceKinesis, t.Resource
			} else if c := g.resolve(src, consumerKind); c.Resource != nil {
				// An enhanced fan-out consumer reads its stream.
				m.Kind, m.Stream = SourceKinesis, g.resolve(c.Resource.Attr("stream_arn"), kinesisKind).Resource
			} else if t := g.resolve(src, tableKind); t.Resource != nil {
				m.Kind, m.Stream = SourceDynamoDB, t.Resource
			} else if k := g.sourceKindOf(src); k != SourceUnknown {
				m.Kind = k
			} else if k, ok := kindFromARN(src); ok {
				m.Kind = k
			} else if k := kindFromShape(r); k != SourceUnknown {
				m.Kind = k
			} else if t.Unresolved() || src.State() == Unknown {
				m.sourceWhy = src.Unknown()
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

// sourceResources are the resource types an event source ARN can name
// that are neither a queue nor a stream.
var sourceResources = map[string]SourceKind{
	"aws_mq_broker":               SourceMQ,
	"aws_msk_cluster":             SourceKafka,
	"aws_msk_serverless_cluster":  SourceKafka,
	"aws_docdb_cluster":           SourceDocumentDB,
	"aws_docdb_elastic_cluster":   SourceDocumentDB,
	"aws_kinesis_stream_consumer": SourceKinesis,
	"aws_dynamodb_table":          SourceDynamoDB,
	"aws_kinesis_stream":          SourceKinesis,
	"aws_sqs_queue":               SourceSQS,
}

// sourceKindOf classifies a source ARN read from a broker, cluster or
// DocumentDB resource of this root module: only when every resource it
// was read from is of one such kind.
func (g *Graph) sourceKindOf(v Value) SourceKind {
	kind := SourceUnknown
	for _, addr := range refList(v) {
		r := g.lookup(addr)
		if r == nil {
			continue
		}
		k, ok := sourceResources[r.Type]
		if !ok || (kind != SourceUnknown && k != kind) {
			return SourceUnknown
		}
		kind = k
	}
	switch kind {
	case SourceMQ, SourceKafka, SourceDocumentDB:
		return kind
	case SourceUnknown, SourceSQS, SourceKinesis, SourceDynamoDB:
		// Queues and streams are resolved as edges, not from the
		// resource type alone.
	}
	return SourceUnknown
}

// kindFromShape classifies a mapping whose source is unknown by the
// arguments only one kind of source takes: queues (Amazon MQ), topics
// and the Kafka configuration blocks (Kafka), the DocumentDB
// configuration block.
func kindFromShape(r *Resource) SourceKind {
	switch {
	case nonEmpty(r.Attr("queues")):
		return SourceMQ
	case nonEmpty(r.Attr("topics")),
		r.Block("amazon_managed_kafka_event_source_config") != nil,
		r.Block("self_managed_kafka_event_source_config") != nil,
		r.Block("self_managed_event_source") != nil:
		return SourceKafka
	case r.Block("document_db_event_source_config") != nil:
		return SourceDocumentDB
	}
	return SourceUnknown
}

// nonEmpty reports whether a list argument is known and has elements.
func nonEmpty(v Value) bool {
	n, ok := v.Len()
	return v.State() == Known && ok && n > 0
}
