package graph

import (
	"sort"
	"strings"
)

// This file computes what it takes to saturate each function and to make
// it lose events (issue 14, item 2), and assembles the Topology of a root
// module. The formulas:
//
//   - concurrency: the function's reserved concurrency, or the account's
//     unreserved pool (the limit minus every reservation in the root
//     module, at least 100), bounded by the sum of the
//     scaling_config.maximum_concurrency of its SQS mappings when those
//     are its only triggers;
//   - saturation_rps = concurrency / timeout (timeout default 3 s);
//   - an SQS edge without a dead-letter queue loses messages once
//     concurrency x retention / timeout requests arrive at once
//     (retention default 345,600 s); an asynchronous edge without a
//     failure destination likewise with maximum_event_age_in_seconds
//     (default 21,600 s) as the horizon; a stream edge without bisect,
//     bounded retries and a destination is blocked by one bad record;
//   - cost_per_hour_usd = concurrency x memory/1024 x 3600 x price per
//     GB-second + saturation_rps x 3600 x price per request.

// Pricing holds Lambda prices in pico-dollars (1e-12 USD), whole numbers
// so that they fit the integer settings of .spillway.hcl.
type Pricing struct {
	// GBSecondX86 and GBSecondARM are the prices of one GB-second of
	// duration for x86_64 and arm64.
	GBSecondX86, GBSecondARM int64
	// Request is the price of one request.
	Request int64
}

// DefaultPricing are the published us-east-1 on-demand prices: x86_64
// $0.0000166667 and arm64 $0.0000133334 per GB-second, $0.20 per million
// requests.
var DefaultPricing = Pricing{GBSecondX86: 16_666_700, GBSecondARM: 13_333_400, Request: 200_000}

// TopologyOptions are the account-level values the capacity figures
// depend on.
type TopologyOptions struct {
	// AccountLimit is the account's concurrency quota (1000 when zero).
	AccountLimit int64
	// Pricing are the prices (DefaultPricing when zero).
	Pricing Pricing
}

func (o TopologyOptions) withDefaults() TopologyOptions {
	if o.AccountLimit <= 0 {
		o.AccountLimit = 1000
	}
	if o.Pricing == (Pricing{}) {
		o.Pricing = DefaultPricing
	}
	return o
}

// Default values of the figures.
const (
	// defaultEventAge is an asynchronous invocation's maximum event age.
	defaultEventAge = 21_600
	// minUnreserved is what AWS keeps unreserved in every account.
	minUnreserved = 100
)

// UnreservedPool is the account's pool shared by functions without
// reserved concurrency: the limit minus every known reservation of the
// root module, at least 100; unknown when a reservation is.
func (g *Graph) UnreservedPool(limit int64) Num {
	g.reservedOnce.Do(func() {
		for _, f := range g.Functions {
			n := f.Reservation()
			if !n.Known() {
				g.reserved = Num{Why: n.Why}
				return
			}
			if n.N > 0 {
				g.reserved.N += n.N
			}
		}
	})
	if !g.reserved.Known() {
		return Num{Why: g.reserved.Why}
	}
	return Num{N: max(limit-g.reserved.N, minUnreserved)}
}

// FunctionCapacity computes a function's capacity. Known is false when a
// value the figures need is unknown.
func (g *Graph) FunctionCapacity(f *Function, opts TopologyOptions) *Capacity {
	opts = opts.withDefaults()
	c := &Capacity{}
	res := f.Reservation()
	var conc Num
	switch {
	case !res.Known():
		return c
	case res.N >= 0:
		c.Pool, conc = "reserved", res
	default:
		c.Pool, conc = "shared", g.UnreservedPool(opts.AccountLimit)
	}
	if !conc.Known() {
		return c
	}
	if cap, ok := mappingCap(f); ok {
		conc.N = min(conc.N, cap)
	}
	t := f.Timeout()
	mem := intArg(f.Attr("memory_size"), 128, "memory_size of "+f.Addr)
	arm, archKnown := isARM(f)
	if !t.Known() || t.N <= 0 || !mem.Known() || !archKnown {
		c.Concurrency = conc.N
		return c
	}
	c.Concurrency, c.TimeoutS = conc.N, t.N
	c.SaturationRPS = float64(conc.N) / float64(t.N)
	gbs := opts.Pricing.GBSecondX86
	if arm {
		gbs = opts.Pricing.GBSecondARM
	}
	const pico = 1e-12
	c.CostPerHourUSD = float64(conc.N)*float64(mem.N)/1024*3600*float64(gbs)*pico +
		c.SaturationRPS*3600*float64(opts.Pricing.Request)*pico
	c.Known = true
	return c
}

// mappingCap is the sum of the maximum_concurrency of the function's SQS
// mappings when every trigger of the function is such a capped mapping.
func mappingCap(f *Function) (int64, bool) {
	if len(f.Triggers) == 0 || len(f.URLs) > 0 {
		return 0, false
	}
	sum := int64(0)
	for _, t := range f.Triggers {
		m := mappingOf(f, t)
		if m == nil || m.Kind != SourceSQS {
			return 0, false
		}
		n, ok := m.MaximumConcurrency()
		if !ok {
			return 0, false
		}
		sum += n
	}
	return sum, true
}

// MaximumConcurrency is a mapping's known
// scaling_config.maximum_concurrency.
func (m *Mapping) MaximumConcurrency() (int64, bool) {
	for _, b := range m.Blocks("scaling_config") {
		if b.Unknown() {
			return 0, false
		}
		if n, ok := b.Attr("maximum_concurrency").Int(); ok {
			return n, true
		}
	}
	return 0, false
}

func mappingOf(f *Function, t *Trigger) *Mapping {
	if t.Kind != Poll {
		return nil
	}
	for _, m := range f.Mappings {
		if m.Resource == t.Source {
			return m
		}
	}
	return nil
}

// isARM reports whether the function runs on arm64; known is false when
// architectures is unknown.
func isARM(f *Function) (arm, known bool) {
	v := f.Attr("architectures")
	switch v.State() {
	case Absent, Null:
		return false, true
	case Unknown:
		return false, false
	case Known:
	}
	list, ok := v.Strings()
	if !ok {
		return false, false
	}
	for _, a := range list {
		if a == "arm64" {
			return true, true
		}
	}
	return false, true
}

// requestsToLoss is concurrency x horizon / timeout.
func requestsToLoss(conc, horizon, timeout int64) int64 {
	if timeout <= 0 {
		return 0
	}
	return conc * horizon / timeout
}

// EdgeLoss computes the loss figures of a trigger's edge into its
// function, given the function's capacity: nil when the edge cannot lose
// events (a synchronous caller sees the error) and nothing throttles it,
// or when a figure is unknown.
func (g *Graph) EdgeLoss(f *Function, t *Trigger, c *Capacity) *Loss {
	switch t.Kind {
	case Poll:
		m := mappingOf(f, t)
		if m == nil {
			return nil
		}
		switch {
		case m.Queue != nil:
			if g.HasRedrive(m.Queue).True() {
				return &Loss{ProtectedBy: dlqAddr(m.Queue)}
			}
			ret := m.Queue.Retention()
			if !ret.Known() || !c.Known {
				return nil
			}
			conc := c.Concurrency
			if n, ok := m.MaximumConcurrency(); ok {
				conc = min(conc, n)
			}
			return &Loss{HorizonS: ret.N, RequestsToLoss: requestsToLoss(conc, ret.N, c.TimeoutS)}
		case m.Kind.IsStream():
			if d := m.Path("destination_config", "on_failure", "destination_arn"); m.OnFailureSet().True() &&
				m.Attr("bisect_batch_on_function_error").IsTrue().True() && boundedRetries(m) {
				return &Loss{ProtectedBy: targetName(g, d)}
			}
			return &Loss{HorizonS: streamRetention(m), RequestsToLoss: 1}
		}
	case Async:
		if g.FailureDestination(f).True() {
			return &Loss{ProtectedBy: g.failureTarget(f)}
		}
		age := int64(defaultEventAge)
		for _, ic := range f.InvokeConfigs {
			n := intArg(ic.Attr("maximum_event_age_in_seconds"), defaultEventAge, "maximum_event_age_in_seconds of "+ic.Addr)
			if !n.Known() {
				return nil
			}
			age = n.N
		}
		if !c.Known {
			return nil
		}
		return &Loss{HorizonS: age, RequestsToLoss: requestsToLoss(c.Concurrency, age, c.TimeoutS)}
	case SyncPublic:
		if c.Known {
			if by := g.throttledBy(t.Source, c.SaturationRPS); by != "" {
				return &Loss{ProtectedBy: by}
			}
		}
	case SyncInternal:
	}
	return nil
}

// boundedRetries reports a known maximum_retry_attempts other than -1
// (infinite, the default).
func boundedRetries(m *Mapping) bool {
	n, ok := m.Attr("maximum_retry_attempts").Int()
	return ok && n >= 0
}

// streamRetention is the source stream's retention in seconds: a Kinesis
// stream's retention_period (hours, default 24), 24 hours for DynamoDB
// Streams.
func streamRetention(m *Mapping) int64 {
	if m.Stream != nil && m.Stream.Type == "aws_kinesis_stream" {
		if h, ok := m.Stream.Attr("retention_period").Int(); ok {
			return h * 3600
		}
	}
	return 86_400
}

func dlqAddr(q *Queue) string {
	if q.Redrive != nil {
		if d := q.Redrive.DeadLetter(); d.Queue != nil {
			return d.Queue.Addr
		}
		if s, ok := q.Redrive.DeadLetter().Value.String(); ok {
			return s
		}
	}
	return "the redrive policy of " + q.Addr
}

// targetName names what a destination value refers to: a resource
// address, a literal ARN, or the value's position.
func targetName(g *Graph, v Value) string {
	for _, a := range refsOf(v) {
		if g.lookup(a) != nil {
			return a
		}
	}
	if s, ok := v.String(); ok {
		return s
	}
	return "the destination at " + v.Range.String()
}

// failureTarget names a function's failure destination.
func (g *Graph) failureTarget(f *Function) string {
	for _, b := range f.Blocks("dead_letter_config") {
		if v := b.Attr("target_arn"); v.IsSet() {
			return targetName(g, v)
		}
	}
	for _, ic := range f.InvokeConfigs {
		if v := ic.Path("destination_config", "on_failure", "destination"); v.IsSet() {
			return targetName(g, v)
		}
	}
	return "a failure destination"
}

// throttledBy names the stage, method settings or usage plan whose known
// rate limit is below rps on an API Gateway integration's API, or "".
func (g *Graph) throttledBy(src *Resource, rps float64) string {
	below := func(v Value) bool {
		f, ok := v.Float()
		return ok && f >= 0 && f < rps
	}
	switch src.Type {
	case "aws_api_gateway_integration":
		api, ok := g.apiKey(src.Attr("rest_api_id"))
		if !ok {
			return ""
		}
		for _, st := range g.RestStages {
			if st.API != api {
				continue
			}
			for _, ms := range st.MethodSettings {
				if below(ms.Path("settings", "throttling_rate_limit")) {
					return ms.Addr
				}
			}
			for _, up := range st.UsagePlans {
				if below(up.Path("throttle_settings", "rate_limit")) {
					return up.Addr
				}
			}
		}
	case "aws_apigatewayv2_integration":
		for _, st := range g.HTTPStages {
			if !sameRef(st.Attr("api_id"), src.Attr("api_id")) {
				continue
			}
			if below(st.Path("default_route_settings", "throttling_rate_limit")) {
				return st.Addr
			}
		}
	}
	return ""
}

func sameRef(a, b Value) bool {
	for _, x := range refsOf(a) {
		for _, y := range refsOf(b) {
			if x == y {
				return true
			}
		}
	}
	if s, ok := a.String(); ok {
		t, ok := b.String()
		return ok && s == t
	}
	return false
}

// Topology builds the picture of the root module: functions, their
// entry points and event sources, with exposure and capacity.
func (g *Graph) Topology(opts TopologyOptions) *Topology {
	opts = opts.withDefaults()
	top := &Topology{Root: g.Root}
	nodes := map[string]*Node{}
	node := func(r *Resource, kind string) *Node {
		if n, ok := nodes[r.Addr]; ok {
			return n
		}
		n := &Node{ID: r.Addr, Kind: kind, File: r.Range.Filename, Line: r.Range.Start.Line}
		nodes[r.Addr] = n
		return n
	}
	edges := map[[3]string]*Edge{}
	edge := func(from, to string, inv Invocation, loss *Loss) {
		k := [3]string{from, to, string(inv)}
		if e, ok := edges[k]; ok {
			if e.Loss == nil {
				e.Loss = loss
			}
			return
		}
		edges[k] = &Edge{From: from, To: to, Invocation: inv, Loss: loss}
	}
	for _, f := range g.Functions {
		n := node(f.Resource, "function")
		reach := g.FunctionReach(f)
		n.Exposure, n.Why = reach.Exposure, reach.Why()
		n.Capacity = g.FunctionCapacity(f, opts)
		for _, t := range f.Triggers {
			src, kind, inv := g.entryOf(f, t)
			if src == nil {
				continue
			}
			sn := node(src, kind)
			g.setSourceExposure(sn, src, f, t)
			edge(src.Addr, f.Addr, inv, g.EdgeLoss(f, t, n.Capacity))
		}
		for _, u := range f.URLs {
			if a, ok := u.Attr("authorization_type").String(); ok && a != "NONE" {
				un := node(u.Resource, "url")
				un.Exposure, un.Why = ExposureAuthenticated, "function URL with "+a+" authorization"
				edge(u.Addr, f.Addr, InvokeSync, nil)
			}
		}
	}
	// What writes into the event sources.
	for r, ws := range g.writerIndex() {
		if _, ok := nodes[r.Addr]; !ok {
			continue
		}
		for _, w := range ws {
			if w.fn != nil {
				edge(w.fn.Addr, r.Addr, InvokeSend, nil)
				continue
			}
			api := g.apiOf(w.integ)
			in := node(api, "api")
			if x := g.integrationReach(w.integ); in.Why == "" || x.Exposure > in.Exposure {
				in.Exposure, in.Why = x.Exposure, x.Why()
			}
			edge(api.Addr, r.Addr, InvokeSend, nil)
		}
	}
	for _, n := range nodes {
		top.Nodes = append(top.Nodes, n)
	}
	sort.Slice(top.Nodes, func(i, j int) bool { return CompareAddr(top.Nodes[i].ID, top.Nodes[j].ID) < 0 })
	for _, e := range edges {
		top.Edges = append(top.Edges, e)
	}
	sort.Slice(top.Edges, func(i, j int) bool {
		a, b := top.Edges[i], top.Edges[j]
		if c := CompareAddr(a.From, b.From); c != 0 {
			return c < 0
		}
		if c := CompareAddr(a.To, b.To); c != 0 {
			return c < 0
		}
		return a.Invocation < b.Invocation
	})
	return top
}

// entryOf returns the node a trigger's edge comes from (the queue or
// stream of a mapping, the bucket of a notification, the topic of a
// subscription, the rule of a target, the API of an integration), its
// kind and how it invokes the function.
func (g *Graph) entryOf(f *Function, t *Trigger) (*Resource, string, Invocation) {
	src := t.Source
	switch t.Kind {
	case Poll:
		if m := mappingOf(f, t); m != nil {
			switch {
			case m.Queue != nil:
				return m.Queue.Resource, "queue", InvokePoll
			case m.Stream != nil && m.Stream.Type == "aws_dynamodb_table":
				return m.Stream, "table", InvokePoll
			case m.Stream != nil:
				return m.Stream, "stream", InvokePoll
			}
		}
		return src, "queue", InvokePoll
	case SyncInternal:
		return src, "rule", InvokeSync
	case Async, SyncPublic:
	}
	inv := InvokeAsync
	if t.Kind == SyncPublic {
		inv = InvokeSync
	}
	switch src.Type {
	case "aws_s3_bucket_notification":
		if b := g.refOfType(src.Attr("bucket"), "aws_s3_bucket"); b != nil {
			return b, "bucket", inv
		}
		return src, "bucket", inv
	case "aws_sns_topic_subscription":
		if tp := g.refOfType(src.Attr("topic_arn"), "aws_sns_topic"); tp != nil {
			return tp, "topic", inv
		}
		return src, "topic", inv
	case "aws_cloudwatch_event_target":
		if r := g.refOfType(src.Attr("rule"), "aws_cloudwatch_event_rule"); r != nil {
			if r.Attr("schedule_expression").IsSet() {
				return r, "schedule", inv
			}
			return r, "rule", inv
		}
		return src, "rule", inv
	case "aws_scheduler_schedule":
		return src, "schedule", inv
	case "aws_api_gateway_integration", "aws_apigatewayv2_integration":
		return g.apiOf(src), "api", inv
	case "aws_lambda_function_url":
		return src, "url", inv
	case "aws_cognito_user_pool":
		return src, "user_pool", inv
	case "aws_lb_target_group_attachment":
		return src, "load_balancer", inv
	case "aws_cloudfront_distribution":
		return src, "distribution", inv
	case "aws_lambda_permission":
		if len(f.Triggers) > 1 {
			// The resource that wires the trigger is the better node.
			for _, o := range f.Triggers {
				if o != t && o.Source.Type != "aws_lambda_permission" && sameService(o, t) {
					return nil, "", inv
				}
			}
		}
		return src, permissionKind(src), inv
	}
	return src, "rule", inv
}

// apiOf returns the API an integration belongs to, when it is one of
// this root module's, so that one node stands for every route of an API;
// otherwise the integration.
func (g *Graph) apiOf(in *Resource) *Resource {
	if in.Type == "aws_api_gateway_integration" {
		if api := g.refOfType(in.Attr("rest_api_id"), "aws_api_gateway_rest_api"); api != nil {
			return api
		}
		return in
	}
	if api := g.refOfType(in.Attr("api_id"), "aws_apigatewayv2_api"); api != nil {
		return api
	}
	return in
}

// sameService reports whether two triggers have the same kind, so that a
// permission adds nothing to the other trigger's edge.
func sameService(a, b *Trigger) bool { return a.Kind == b.Kind }

func permissionKind(p *Resource) string {
	_, svc, _ := principalOf(p.Attr("principal"))
	switch svc {
	case "s3":
		return "bucket"
	case "sns":
		return "topic"
	case "apigateway":
		return "api"
	case "elasticloadbalancing":
		return "load_balancer"
	case "cognito-idp":
		return "user_pool"
	case "edgelambda", "cloudfront":
		return "distribution"
	}
	return "rule"
}

// setSourceExposure gives a trigger's source node the exposure of that
// path.
func (g *Graph) setSourceExposure(n *Node, src *Resource, f *Function, t *Trigger) {
	var x Reach
	if _, ok := sourceTypes[src.Type]; ok {
		x = g.SourceExposure(src)
	} else {
		x = g.triggerReach(f, t)
	}
	if n.Why == "" || x.Exposure > n.Exposure {
		n.Exposure, n.Why = x.Exposure, x.Why()
	}
	if strings.TrimSpace(n.Why) == "" {
		n.Why = t.What
	}
}
