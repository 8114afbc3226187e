package graph

// This file holds the data model of exposure and capacity (issue 14): who
// can reach each function, and what it takes to saturate it or make it
// lose events. The analysis that fills it lives in exposure.go and
// capacity.go; renderers (the `spillway graph` command, the markdown
// report) read only these types.

// Exposure classifies who can drive an entry point or a function. The
// zero value is ExposureUndetermined: an unknown piece of the
// configuration decides it, and it is never guessed.
type Exposure int

// The exposure classes, in increasing order of reach.
const (
	// ExposureUndetermined: an unknown value decides the class.
	ExposureUndetermined Exposure = iota
	// ExposureInternal: schedules, Step Functions tasks, and functions
	// with no trigger in the configuration.
	ExposureInternal
	// ExposureEvent: event sources whose producers the configuration
	// does not show (S3, SNS, EventBridge, SQS, streams, logs, IoT, SES).
	ExposureEvent
	// ExposureAuthenticated: internet entry points behind IAM, Cognito,
	// JWT or Lambda authorizers.
	ExposureAuthenticated
	// ExposurePublic: anyone on the internet, without credentials.
	ExposurePublic
)

func (e Exposure) String() string {
	switch e {
	case ExposureInternal:
		return "internal"
	case ExposureEvent:
		return "event"
	case ExposureAuthenticated:
		return "authenticated"
	case ExposurePublic:
		return "public"
	case ExposureUndetermined:
	}
	return "undetermined"
}

// Invocation is how an edge of the topology delivers work.
type Invocation string

// The invocation kinds of a topology edge.
const (
	InvokeSync  Invocation = "sync"
	InvokeAsync Invocation = "async"
	InvokePoll  Invocation = "poll"
	InvokeSend  Invocation = "send"
)

// Topology is the picture of one root module: its entry points, event
// sources and functions (nodes) and how work flows between them (edges),
// with exposure and capacity. Nodes and edges are sorted (nodes by ID,
// edges by From, To, Invocation) so renderings are deterministic.
type Topology struct {
	// Root is the root module's directory as shown to users.
	Root  string
	Nodes []*Node
	Edges []*Edge
}

// Node is one resource of the topology.
type Node struct {
	// ID is the resource address (module.x.aws_lambda_function.f).
	ID string
	// Kind is one of function, queue, topic, stream, table, bucket, api,
	// stage, url, rule, schedule, user_pool, load_balancer, distribution.
	Kind     string
	Exposure Exposure
	// Why explains the exposure: the entry point and its authorization
	// ("public route POST /orders"), or the unknown that leaves it
	// undetermined.
	Why string
	// Capacity is set for functions.
	Capacity *Capacity
	// File and Line locate the resource block.
	File string
	Line int
}

// Capacity is what it takes to saturate a function.
type Capacity struct {
	// Pool is "reserved" (its own reserved concurrency) or "shared" (the
	// account's unreserved pool).
	Pool string
	// Concurrency is how many executions can run at once.
	Concurrency int64
	// TimeoutS is the function timeout in seconds.
	TimeoutS int64
	// SaturationRPS = Concurrency / TimeoutS: the rate of slow requests
	// that keeps every execution busy.
	SaturationRPS float64
	// CostPerHourUSD is the bill of one hour at saturation.
	CostPerHourUSD float64
	// Known is false when a value the figures need is unknown; the
	// figures are then absent from every rendering.
	Known bool
}

// Edge is one way work flows between two nodes.
type Edge struct {
	From, To   string
	Invocation Invocation
	// Loss is set on edges into a function that can lose events.
	Loss *Loss
}

// Loss says when events on an edge into a function are lost, or what
// protects them.
type Loss struct {
	// HorizonS is how long an event is retried before it is dropped.
	HorizonS int64
	// RequestsToLoss = concurrency x horizon / timeout: how many requests
	// arriving at once overflow what the function can drain before the
	// horizon; 1 for a stream shard blocked by one bad record.
	RequestsToLoss int64
	// ProtectedBy is the address of the dead-letter queue, failure
	// destination or throttle that protects the edge; when set, the other
	// fields are zero.
	ProtectedBy string
}
