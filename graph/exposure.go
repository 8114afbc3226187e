package graph

import (
	"sort"
	"strings"
)

// This file classifies who can drive each function (issue 14, item 1).
// Every trigger of a function is a path; the function's exposure is the
// highest over its paths. An event source (queue, topic, bucket, stream,
// table, event bus) is "event" unless the configuration shows what writes
// into it, in which case it inherits the writer's exposure: an API Gateway
// service integration, or a function whose role policy allows the write
// action on it or whose environment variables name it. A piece that
// cannot be read (an unknown authorization, a trigger whose function is
// unknown) makes the result undetermined unless a known path is already
// public: the answer is never guessed.

// NoTrigger is the path of a function that nothing in the configuration
// invokes.
const NoTrigger = "no trigger in the configuration"

// Reach is the exposure of a function or event source and the path that
// gives it.
type Reach struct {
	Exposure Exposure
	// Entry describes the entry point ("public route `POST /orders`"),
	// or, for an undetermined exposure, the unknown that leaves it open.
	Entry string
	// Via are the addresses between the entry point and the function
	// (the function that writes to a queue, the queue).
	Via []string
}

// Why is the path as one phrase ("public route `POST /orders` via
// aws_lambda_function.api, aws_sqs_queue.q").
func (r Reach) Why() string {
	if len(r.Via) == 0 {
		return r.Entry
	}
	return r.Entry + " via " + strings.Join(r.Via, ", ")
}

// reachSet accumulates paths: the highest known one, and the first
// unknown one.
type reachSet struct {
	best    Reach
	has     bool
	unknown string
	// bound is the highest exposure the unknown pieces could give.
	bound Exposure
}

func (s *reachSet) add(r Reach) {
	if r.Exposure == ExposureUndetermined {
		s.maybe(r.Entry, ExposurePublic)
		return
	}
	if !s.has || r.Exposure > s.best.Exposure {
		s.best, s.has = r, true
	}
}

func (s *reachSet) undetermined(why string) {
	s.maybe(why, ExposurePublic)
}

// maybe records a path that may exist, for the unknown why, and could
// give at most the exposure bound.
func (s *reachSet) maybe(why string, bound Exposure) {
	if bound > s.bound || s.unknown == "" {
		s.unknown, s.bound = why, max(bound, s.bound)
	}
}

// result is the highest path; undetermined when an unknown piece could
// raise it (anything short of public), and def when there is no path.
func (s *reachSet) result(def Reach) Reach {
	switch {
	case s.has && s.best.Exposure == ExposurePublic:
		return s.best
	case s.unknown != "" && (!s.has || s.bound > s.best.Exposure):
		return Reach{Exposure: ExposureUndetermined, Entry: s.unknown}
	case s.has:
		return s.best
	}
	return def
}

// exposureState caches the classification of one graph.
type exposureState struct {
	fn  map[*Function]Reach
	src map[*Resource]Reach
	// res is ResourceExposure of the resources that are neither a
	// function nor an event source: found by a search of every
	// function's triggers and configuration, asked once per instance of
	// every finding.
	res     map[*Resource]Exposure
	busy    map[*Resource]bool
	writers map[*Resource][]writer
	// writersBuilt is set once writers is filled: on the first question
	// about an event source (evaluating IAM policies for the index is
	// the costly part of exposure, and many root modules never ask).
	writersBuilt bool
}

// writer is something the configuration shows writing into an event
// source: a function (by policy or environment) or an API Gateway service
// integration.
type writer struct {
	fn    *Function
	integ *Resource
	how   string
}

// FunctionExposure returns the exposure of a function, the highest over
// its paths, and the path that gives it (see Reach.Why).
func (g *Graph) FunctionExposure(f *Function) (Exposure, string) {
	r := g.FunctionReach(f)
	return r.Exposure, r.Why()
}

// FunctionReach is FunctionExposure with the path's parts.
func (g *Graph) FunctionReach(f *Function) Reach {
	st := g.exposureState()
	if r, ok := st.fn[f]; ok {
		return r
	}
	if st.busy[f.Resource] {
		// A cycle (a function that writes into its own queue) adds no
		// path.
		return Reach{Exposure: ExposureInternal, Entry: "a cycle"}
	}
	st.busy[f.Resource] = true
	var s reachSet
	for _, t := range f.Triggers {
		r := g.triggerReach(f, t)
		if ex := t.Source.Exists(); ex.Undecided() && r.Exposure != ExposureUndetermined {
			// A trigger that may not exist.
			s.maybe(ex.Why, r.Exposure)
			continue
		}
		s.add(r)
	}
	for _, u := range f.URLs {
		if u.Exists().False() {
			continue
		}
		switch a := u.Attr("authorization_type"); {
		case a.State() == Unknown:
			s.undetermined(a.Unknown())
		case a.Equals("AWS_IAM").True():
			s.add(Reach{Exposure: ExposureAuthenticated, Entry: "function URL " + u.Addr + " with AWS_IAM authorization"})
		}
	}
	for _, typ := range []string{"aws_api_gateway_authorizer", "aws_apigatewayv2_authorizer"} {
		for _, a := range g.Resources(typ) {
			if fn, _ := g.ResolveFunction(a.Attr("authorizer_uri")); fn == f {
				// An authorizer runs for every request, with or without
				// credentials.
				s.add(Reach{Exposure: ExposurePublic, Entry: "Lambda authorizer " + a.Addr})
			}
		}
	}
	for _, in := range f.MaybeIntegrations {
		s.undetermined("the type of " + in.Addr)
	}
	for _, t := range g.UnresolvedTriggers {
		if t.Kind == SyncInternal {
			continue
		}
		s.undetermined(t.What + " " + t.Source.Addr + " whose function is " + t.FunctionTarget.Why)
	}
	r := s.result(Reach{Exposure: ExposureInternal, Entry: NoTrigger})
	delete(st.busy, f.Resource)
	st.fn[f] = r
	return r
}

// SourceExposure returns the exposure of an event source (queue, topic,
// bucket, stream, table, event bus): event, or the exposure of what the
// configuration shows writing into it when that is higher.
func (g *Graph) SourceExposure(r *Resource) Reach {
	st := g.exposureState()
	if x, ok := st.src[r]; ok {
		return x
	}
	if st.busy[r] {
		return Reach{Exposure: ExposureEvent, Entry: "a cycle"}
	}
	st.busy[r] = true
	var s reachSet
	s.add(Reach{Exposure: ExposureEvent, Entry: sourceWord(r) + " " + r.Addr + " whose producers are not shown"})
	for _, w := range g.writerIndex()[r] {
		var wr Reach
		if w.fn != nil {
			wr = g.FunctionReach(w.fn)
			wr.Via = append(append([]string(nil), wr.Via...), w.fn.Addr)
		} else {
			wr = g.integrationReach(w.integ)
		}
		if wr.Exposure == ExposureInternal || wr.Exposure == ExposureEvent && strings.HasSuffix(wr.Entry, "whose producers are not shown") {
			// Nothing beyond the event class itself.
			if wr.Exposure == ExposureInternal {
				continue
			}
		}
		wr.Via = append(append([]string(nil), wr.Via...), r.Addr)
		s.add(wr)
	}
	x := s.result(Reach{})
	delete(st.busy, r)
	st.src[r] = x
	return x
}

func sourceWord(r *Resource) string {
	switch r.Type {
	case "aws_sqs_queue":
		return "queue"
	case "aws_sns_topic":
		return "topic"
	case "aws_s3_bucket":
		return "bucket"
	case "aws_kinesis_stream":
		return "stream"
	case "aws_dynamodb_table":
		return "table"
	case "aws_cloudwatch_event_bus":
		return "event bus"
	}
	return "event source"
}

func (g *Graph) exposureState() *exposureState {
	if g.expo == nil {
		g.expo = &exposureState{
			fn: map[*Function]Reach{}, src: map[*Resource]Reach{}, res: map[*Resource]Exposure{},
			busy: map[*Resource]bool{}, writers: map[*Resource][]writer{},
		}
	}
	return g.expo
}

// writerIndex returns what writes into each event source, building the
// index on first use.
func (g *Graph) writerIndex() map[*Resource][]writer {
	st := g.exposureState()
	if !st.writersBuilt {
		st.writersBuilt = true
		g.buildWriters()
	}
	return st.writers
}

// triggerReach classifies one trigger.
func (g *Graph) triggerReach(f *Function, t *Trigger) Reach {
	src := t.Source
	switch t.Kind {
	case SyncInternal:
		return Reach{Exposure: ExposureInternal, Entry: t.What + " " + src.Addr}
	case Poll:
		for _, m := range f.Mappings {
			if m.Resource != src {
				continue
			}
			switch {
			case m.Queue != nil:
				return g.SourceExposure(m.Queue.Resource)
			case m.Stream != nil:
				return g.SourceExposure(m.Stream)
			}
		}
		return Reach{Exposure: ExposureEvent, Entry: t.What + " " + src.Addr}
	case Async:
		return g.asyncReach(t)
	case SyncPublic:
		return g.syncReach(f, t)
	}
	return Reach{Entry: "the trigger " + src.Addr}
}

func (g *Graph) asyncReach(t *Trigger) Reach {
	src := t.Source
	event := Reach{Exposure: ExposureEvent, Entry: t.What + " " + src.Addr}
	switch src.Type {
	case "aws_scheduler_schedule":
		return Reach{Exposure: ExposureInternal, Entry: "schedule " + src.Addr}
	case "aws_s3_bucket_notification":
		if b := g.refOfType(src.Attr("bucket"), "aws_s3_bucket"); b != nil {
			return g.SourceExposure(b)
		}
	case "aws_sns_topic_subscription":
		if tp := g.refOfType(src.Attr("topic_arn"), "aws_sns_topic"); tp != nil {
			return g.SourceExposure(tp)
		}
	case "aws_cloudwatch_event_target":
		if rule := g.refOfType(src.Attr("rule"), "aws_cloudwatch_event_rule"); rule != nil {
			return g.ruleReach(rule)
		}
	case "aws_lambda_permission":
		sa := src.Attr("source_arn")
		for _, addr := range refsOf(sa) {
			r := g.lookup(addr)
			if r == nil {
				continue
			}
			switch r.Type {
			case "aws_cloudwatch_event_rule":
				return g.ruleReach(r)
			case "aws_s3_bucket", "aws_sns_topic":
				return g.SourceExposure(r)
			}
		}
	}
	return event
}

// ruleReach classifies an EventBridge rule: a schedule is internal, an
// event pattern an event (inheriting from writers of its bus).
func (g *Graph) ruleReach(rule *Resource) Reach {
	se := rule.Attr("schedule_expression")
	switch {
	case se.State() == Known:
		return Reach{Exposure: ExposureInternal, Entry: "schedule " + rule.Addr}
	case se.State() == Unknown:
		return Reach{Entry: se.Unknown()}
	}
	if bus := g.refOfType(rule.Attr("event_bus_name"), "aws_cloudwatch_event_bus"); bus != nil {
		x := g.SourceExposure(bus)
		if x.Exposure != ExposureEvent {
			x.Via = append(append([]string(nil), x.Via...), rule.Addr)
			return x
		}
	}
	return Reach{Exposure: ExposureEvent, Entry: "EventBridge rule " + rule.Addr}
}

func (g *Graph) syncReach(f *Function, t *Trigger) Reach {
	src := t.Source
	public := Reach{Exposure: ExposurePublic, Entry: t.What + " " + src.Addr}
	switch src.Type {
	case "aws_api_gateway_integration", "aws_apigatewayv2_integration":
		return g.integrationReach(src)
	case "aws_lambda_function_url", "aws_cloudfront_distribution", "aws_cognito_user_pool":
		return public
	case "aws_appsync_datasource":
		if api := g.refOfType(src.Attr("api_id"), "aws_appsync_graphql_api"); api != nil {
			return appsyncReach(api)
		}
		return Reach{Entry: "the API of " + src.Addr}
	case "aws_appsync_graphql_api":
		// A Lambda authorizer runs for every request, credentials or not.
		return Reach{Exposure: ExposurePublic, Entry: "AppSync Lambda authorizer of " + src.Addr}
	case "aws_lb_target_group_attachment":
		return g.lbReach(src)
	case "aws_lambda_permission":
		p, svc, _ := principalOf(src.Attr("principal"))
		switch svc {
		case "apigateway":
			if len(f.Integrations) > 0 {
				// The integrations are the paths.
				return Reach{Exposure: ExposureInternal}
			}
			for _, addr := range refsOf(src.Attr("source_arn")) {
				if r := g.lookup(addr); r != nil && (r.Type == "aws_api_gateway_rest_api" || r.Type == "aws_apigatewayv2_api") {
					return g.apiReach(r, f)
				}
			}
			if f.hasTriggerFrom("aws_api_gateway_authorizer", "aws_apigatewayv2_authorizer") {
				return Reach{Exposure: ExposureInternal}
			}
			return Reach{Entry: "the routes behind " + src.Addr + " (not in the configuration)"}
		case "elasticloadbalancing":
			if f.hasTriggerFrom("aws_lb_target_group_attachment") {
				return Reach{Exposure: ExposureInternal}
			}
			if tg := g.refOfType(src.Attr("source_arn"), "aws_lb_target_group", "aws_alb_target_group"); tg != nil {
				return g.targetGroupReach(tg)
			}
			return Reach{Entry: "the load balancer behind " + src.Addr + " (not in the configuration)"}
		case "cognito-idp", "edgelambda", "cloudfront":
			return Reach{Exposure: ExposurePublic, Entry: "permission for " + p + " (" + src.Addr + ")"}
		case "appsync":
			if f.hasTriggerFrom("aws_appsync_datasource", "aws_appsync_graphql_api") {
				return Reach{Exposure: ExposureInternal}
			}
			return Reach{Entry: "the AppSync API behind " + src.Addr + " (not in the configuration)"}
		}
	case "aws_ses_receipt_rule":
		return Reach{Exposure: ExposureEvent, Entry: t.What + " " + src.Addr}
	case "aws_api_gateway_authorizer", "aws_apigatewayv2_authorizer":
		return Reach{Exposure: ExposurePublic, Entry: "Lambda authorizer " + src.Addr}
	}
	return public
}

func (f *Function) hasTriggerFrom(types ...string) bool {
	for _, t := range f.Triggers {
		for _, typ := range types {
			if t.Source.Type == typ {
				return true
			}
		}
	}
	return false
}

// authExposure classifies an authorization value: NONE (or absent,
// when absentPublic) is public, anything else authenticated.
func authExposure(v Value, absentPublic bool) (Exposure, string, bool) {
	switch v.State() {
	case Unknown:
		return ExposureUndetermined, v.Unknown(), false
	case Absent, Null:
		if absentPublic {
			return ExposurePublic, "NONE", true
		}
		return ExposureUndetermined, "", false
	case Known:
	}
	s, ok := v.String()
	if !ok {
		return ExposureUndetermined, "the value at " + v.Range.String(), false
	}
	if strings.EqualFold(s, "NONE") {
		return ExposurePublic, s, true
	}
	return ExposureAuthenticated, s, true
}

// integrationReach classifies an API Gateway integration by the
// authorization of the methods (REST) or routes (HTTP, WebSocket) that
// use it.
func (g *Graph) integrationReach(in *Resource) Reach {
	var s reachSet
	found := false
	if in.Type == "aws_api_gateway_integration" {
		for _, m := range g.Resources("aws_api_gateway_method") {
			if !integrates(in, m) && !refersTo(in.Attr("http_method"), m.Addr) {
				continue
			}
			found = true
			s.add(g.methodReach(m))
		}
		if !found {
			return Reach{Entry: "the method of " + in.Addr}
		}
		return s.result(Reach{})
	}
	for _, rt := range g.Resources("aws_apigatewayv2_route") {
		if !refersTo(rt.Attr("target"), in.Addr) {
			continue
		}
		found = true
		s.add(routeReach(rt))
	}
	if !found {
		return Reach{Entry: "the route of " + in.Addr}
	}
	return s.result(Reach{})
}

// apiReach is the highest exposure over an API's methods or routes,
// those of aws_api_gateway_method or aws_apigatewayv2_route resources and
// those of its OpenAPI body.
func (g *Graph) apiReach(api *Resource, f *Function) Reach {
	var s reachSet
	if body := api.Attr("body"); body.IsSet() {
		bodyReach(&s, api, body, f)
	}
	if api.Type == "aws_api_gateway_rest_api" {
		for _, m := range g.Resources("aws_api_gateway_method") {
			if refersTo(m.Attr("rest_api_id"), api.Addr) {
				s.add(g.methodReach(m))
			}
		}
	} else {
		for _, rt := range g.Resources("aws_apigatewayv2_route") {
			if refersTo(rt.Attr("api_id"), api.Addr) {
				s.add(routeReach(rt))
			}
		}
	}
	return s.result(Reach{Entry: "the routes of " + api.Addr})
}

func (g *Graph) methodReach(m *Resource) Reach {
	e, auth, ok := authExposure(m.Attr("authorization"), false)
	if !ok {
		if auth == "" {
			auth = "the authorization of " + m.Addr
		}
		return Reach{Entry: auth}
	}
	verb, _ := m.Attr("http_method").String()
	route := strings.TrimSpace(verb + " " + g.restPath(m.Attr("resource_id")))
	word := "public"
	if e == ExposureAuthenticated {
		word = "authenticated (" + auth + ")"
	}
	return Reach{Exposure: e, Entry: word + " route `" + route + "`"}
}

// restPath rebuilds a REST resource's path from path_part and parent_id.
func (g *Graph) restPath(id Value) string {
	var parts []string
	for depth := 0; depth < 16; depth++ {
		r := g.refOfType(id, "aws_api_gateway_resource")
		if r == nil {
			break
		}
		p, ok := r.Attr("path_part").String()
		if !ok {
			p = "{?}"
		}
		parts = append([]string{p}, parts...)
		id = r.Attr("parent_id")
	}
	return "/" + strings.Join(parts, "/")
}

func routeReach(rt *Resource) Reach {
	e, auth, ok := authExposure(rt.Attr("authorization_type"), true)
	if !ok {
		return Reach{Entry: auth}
	}
	key, _ := rt.Attr("route_key").String()
	word := "public"
	if e == ExposureAuthenticated {
		word = "authenticated (" + auth + ")"
	}
	return Reach{Exposure: e, Entry: word + " route `" + key + "`"}
}

func appsyncReach(api *Resource) Reach {
	var s reachSet
	add := func(v Value) {
		switch v.State() {
		case Unknown:
			s.undetermined(v.Unknown())
		case Known:
			a, _ := v.String()
			if a == "API_KEY" {
				s.add(Reach{Exposure: ExposurePublic, Entry: "AppSync API " + api.Addr + " with API_KEY authentication"})
			} else {
				s.add(Reach{Exposure: ExposureAuthenticated, Entry: "AppSync API " + api.Addr + " with " + a + " authentication"})
			}
		case Absent, Null:
		}
	}
	add(api.Attr("authentication_type"))
	for _, b := range api.Blocks("additional_authentication_provider") {
		add(b.Attr("authentication_type"))
	}
	return s.result(Reach{Entry: "the authentication of " + api.Addr})
}

// lbReach classifies a load balancer target: internet-facing (internal
// false, the default) is public.
func (g *Graph) lbReach(att *Resource) Reach {
	tg := g.refOfType(att.Attr("target_group_arn"), "aws_lb_target_group", "aws_alb_target_group")
	if tg == nil {
		return Reach{Entry: "the target group of " + att.Addr}
	}
	return g.targetGroupReach(tg)
}

// targetGroupReach classifies a target group by the load balancers whose
// listeners forward to it.
func (g *Graph) targetGroupReach(tg *Resource) Reach {
	var s reachSet
	found := false
	for _, typ := range []string{"aws_lb_listener", "aws_alb_listener", "aws_lb_listener_rule", "aws_alb_listener_rule"} {
		for _, l := range g.Resources(typ) {
			if !refersToIn(l, tg.Addr, "default_action", "action") {
				continue
			}
			listener := l
			if strings.HasSuffix(typ, "_rule") {
				listener = g.refOfType(l.Attr("listener_arn"), "aws_lb_listener", "aws_alb_listener")
				if listener == nil {
					continue
				}
			}
			lb := g.refOfType(listener.Attr("load_balancer_arn"), "aws_lb", "aws_alb")
			if lb == nil {
				continue
			}
			found = true
			in := lb.Attr("internal")
			switch {
			case in.State() == Unknown:
				s.undetermined(in.Unknown())
			case in.IsTrue().True():
				s.add(Reach{Exposure: ExposureInternal, Entry: "internal load balancer " + lb.Addr})
			default:
				s.add(Reach{Exposure: ExposurePublic, Entry: "internet-facing load balancer " + lb.Addr})
			}
		}
	}
	if !found {
		return Reach{Entry: "the load balancer of " + tg.Addr}
	}
	return s.result(Reach{})
}

// refersToIn reports whether a block of r of one of the types holds a
// target_group_arn (directly or in forward.target_group) naming addr.
func refersToIn(r *Resource, addr string, types ...string) bool {
	for _, typ := range types {
		for _, b := range r.Blocks(typ) {
			if refersTo(b.Attr("target_group_arn"), addr) {
				return true
			}
			for _, fw := range b.Blocks("forward") {
				for _, tgb := range fw.Blocks("target_group") {
					if refersTo(tgb.Attr("arn"), addr) {
						return true
					}
				}
			}
		}
	}
	return false
}

func refersTo(v Value, addr string) bool {
	for _, a := range refsOf(v) {
		if a == addr {
			return true
		}
	}
	return false
}

// refOfType returns the first resource of one of the types a value was
// read from.
func (g *Graph) refOfType(v Value, types ...string) *Resource {
	for _, addr := range refsOf(v) {
		r := g.lookup(addr)
		if r == nil {
			continue
		}
		for _, t := range types {
			if r.Type == t {
				return r
			}
		}
	}
	return nil
}

// sourceTypes are the event sources that inherit their writers'
// exposure, with the IAM actions that write into them.
var sourceTypes = map[string][]string{
	"aws_sqs_queue":            {"sqs:sendmessage", "sqs:sendmessagebatch"},
	"aws_sns_topic":            {"sns:publish"},
	"aws_cloudwatch_event_bus": {"events:putevents"},
	"aws_kinesis_stream":       {"kinesis:putrecord", "kinesis:putrecords"},
	"aws_s3_bucket":            {"s3:putobject"},
	"aws_dynamodb_table":       {"dynamodb:putitem", "dynamodb:updateitem", "dynamodb:batchwriteitem"},
}

// buildWriters finds what writes into each event source: API Gateway
// service integrations that name it, and functions whose environment
// names it or whose role policy allows writing to it.
func (g *Graph) buildWriters() {
	st := g.expo
	isSource := func(addr string) *Resource {
		r := g.lookup(addr)
		if r == nil {
			return nil
		}
		if _, ok := sourceTypes[r.Type]; ok {
			return r
		}
		return nil
	}
	for _, in := range g.Resources("aws_api_gateway_integration") {
		if t, _ := in.Attr("type").String(); t != "AWS" {
			continue
		}
		for _, addr := range valueRefs(in.Attr("uri"), in.Attr("request_parameters"), in.Attr("request_templates")) {
			if r := isSource(addr); r != nil {
				st.writers[r] = append(st.writers[r], writer{integ: in, how: "service integration"})
			}
		}
	}
	for _, in := range g.Resources("aws_apigatewayv2_integration") {
		if !in.Attr("integration_subtype").IsSet() {
			continue
		}
		for _, addr := range valueRefs(in.Attr("request_parameters"), in.Attr("integration_uri")) {
			if r := isSource(addr); r != nil {
				st.writers[r] = append(st.writers[r], writer{integ: in, how: "service integration"})
			}
		}
	}
	for _, f := range g.Functions {
		seen := map[*Resource]bool{}
		for _, b := range f.Blocks("environment") {
			for _, addr := range valueRefs(b.Attr("variables")) {
				if r := isSource(addr); r != nil && !seen[r] {
					seen[r] = true
					st.writers[r] = append(st.writers[r], writer{fn: f, how: "environment"})
				}
			}
		}
		for _, doc := range g.rolePolicies(f) {
			for _, addr := range policyWrites(doc) {
				if r := isSource(addr); r != nil && !seen[r] {
					seen[r] = true
					st.writers[r] = append(st.writers[r], writer{fn: f, how: "role policy"})
				}
			}
		}
	}
	for r := range st.writers {
		ws := st.writers[r]
		sort.SliceStable(ws, func(i, j int) bool { return writerAddr(ws[i]) < writerAddr(ws[j]) })
	}
}

func writerAddr(w writer) string {
	if w.fn != nil {
		return w.fn.Addr
	}
	return w.integ.Addr
}

// valueRefs returns the addresses every value (and its elements) was read
// from.
func valueRefs(vs ...Value) []string {
	var out []string
	for _, v := range vs {
		out = append(out, deepRefs(v)...)
	}
	return out
}

// rolePolicies returns the policy documents attached to a function's
// role that the configuration spells out: aws_iam_role_policy,
// aws_iam_policy through aws_iam_role_policy_attachment, and the role's
// inline_policy blocks. Documents that are unknown (a
// data.aws_iam_policy_document) are not read.
func (g *Graph) rolePolicies(f *Function) []Value {
	role := g.refOfType(f.Attr("role"), "aws_iam_role")
	if role == nil {
		return nil
	}
	var docs []Value
	for _, b := range role.Blocks("inline_policy") {
		docs = append(docs, b.Attr("policy"))
	}
	for _, rp := range g.Resources("aws_iam_role_policy") {
		if refersTo(rp.Attr("role"), role.Addr) {
			docs = append(docs, rp.Attr("policy"))
		}
	}
	for _, at := range g.Resources("aws_iam_role_policy_attachment") {
		if !refersTo(at.Attr("role"), role.Addr) {
			continue
		}
		if p := g.refOfType(at.Attr("policy_arn"), "aws_iam_policy"); p != nil {
			docs = append(docs, p.Attr("policy"))
		}
	}
	return docs
}

// policyWrites returns the addresses named in the Resource of Allow
// statements whose Action includes a write action of that resource's
// type (or a wildcard of its service).
func policyWrites(doc Value) []string {
	d, ok := doc.DecodeJSON()
	if !ok {
		return nil
	}
	stmts := d.Get("Statement")
	elems, ok := stmts.elems()
	if !ok {
		// A single statement object.
		return statementWrites(stmts)
	}
	var out []string
	for _, st := range elems {
		out = append(out, statementWrites(st)...)
	}
	return out
}

// elems returns the elements of a known list or tuple value; ok is false
// for anything else.
func (v Value) elems() ([]Value, bool) {
	if v.state != Known && v.state != Unknown {
		return nil, false
	}
	top, marks := v.val.Unmark()
	if !top.IsKnown() || top.IsNull() {
		return nil, false
	}
	ty := top.Type()
	if !ty.IsListType() && !ty.IsTupleType() && !ty.IsSetType() {
		return nil, false
	}
	var out []Value
	for it := top.ElementIterator(); it.Next(); {
		_, e := it.Element()
		out = append(out, valueOf(e.WithMarks(marks), v.Range, v.unknown))
	}
	return out, true
}

func statementWrites(s Value) []string {
	if e, ok := s.Get("Effect").String(); ok && e != "Allow" {
		return nil
	}
	actions := s.Get("Action")
	list, ok := actions.Strings()
	if !ok {
		a, ok := actions.String()
		if !ok {
			return nil
		}
		list = []string{a}
	}
	var out []string
	for _, addr := range deepRefs(s.Get("Resource")) {
		typ := addr
		if i := strings.LastIndex(addr, "aws_"); i >= 0 {
			typ = addr[i:]
		}
		if i := strings.Index(typ, "."); i >= 0 {
			typ = typ[:i]
		}
		if allows(list, sourceTypes[typ]) {
			out = append(out, addr)
		}
	}
	return out
}

// allows reports whether a statement's actions include one of the write
// actions (case-insensitive; "service:*" and "*" match).
func allows(actions, writes []string) bool {
	for _, a := range actions {
		a = strings.ToLower(a)
		for _, w := range writes {
			svc := w[:strings.Index(w, ":")+1]
			if a == w || a == "*" || a == svc+"*" || strings.HasSuffix(a, "*") && strings.HasPrefix(w, strings.TrimSuffix(a, "*")) {
				return true
			}
		}
	}
	return false
}

// ResourceExposure is the exposure a finding on r carries: a function's
// own; an event source's; for a trigger, mapping, function URL, invoke
// or provisioned concurrency config, the highest over the functions it
// belongs to; for a REST stage, over the functions its API integrates.
// Anything else is undetermined.
func (g *Graph) ResourceExposure(r *Resource) Exposure {
	if f := g.funcByRes[r]; f != nil {
		return g.FunctionReach(f).Exposure
	}
	if _, ok := sourceTypes[r.Type]; ok {
		return g.SourceExposure(r).Exposure
	}
	st := g.exposureState()
	if e, ok := st.res[r]; ok {
		return e
	}
	out, found := ExposureUndetermined, false
	add := func(f *Function) {
		found = true
		if e := g.FunctionReach(f).Exposure; e > out {
			out = e
		}
	}
	for _, f := range g.Functions {
		if f.belongs(r) {
			add(f)
		}
	}
	if !found {
		for _, st := range g.RestStages {
			if st.Resource != r {
				continue
			}
			for _, in := range st.Integrations {
				if f, _ := g.ResolveFunction(in.Attr("uri")); f != nil {
					add(f)
				}
			}
		}
	}
	st.res[r] = out
	return out
}

// belongs reports whether r is one of the function's triggers or
// configuration resources.
func (f *Function) belongs(r *Resource) bool {
	for _, t := range f.Triggers {
		if t.Source == r {
			return true
		}
	}
	for _, u := range f.URLs {
		if u.Resource == r {
			return true
		}
	}
	for _, ic := range f.InvokeConfigs {
		if ic.Resource == r {
			return true
		}
	}
	for _, p := range f.Provisioned {
		if p.Resource == r {
			return true
		}
	}
	for _, in := range f.Integrations {
		if in.Resource == r {
			return true
		}
	}
	return false
}

// bodyReach adds the operations of an API's OpenAPI body: those whose
// x-amazon-apigateway-integration names the function, or all of them
// when none does. An operation without security requirements (its own
// "security", or the document's) is public; one with requirements is
// authenticated. A body that cannot be read leaves the API undetermined.
func bodyReach(s *reachSet, api *Resource, body Value, f *Function) {
	doc, ok := body.DecodeJSON()
	if !ok {
		s.undetermined("the OpenAPI body of " + api.Addr + " (spillway reads JSON bodies only)")
		return
	}
	paths := doc.Get("paths")
	keys, ok := paths.Keys()
	if !ok {
		s.undetermined("the paths of the OpenAPI body of " + api.Addr)
		return
	}
	type op struct {
		route string
		v     Value
	}
	var all, mine []op
	for _, p := range keys {
		ops := paths.Get(p)
		names, ok := ops.Keys()
		if !ok {
			s.undetermined("the operations of " + p + " in the OpenAPI body of " + api.Addr)
			continue
		}
		for _, name := range names {
			verb := strings.ToUpper(name)
			if verb == "X-AMAZON-APIGATEWAY-ANY-METHOD" {
				verb = "ANY"
			}
			o := op{route: verb + " " + p, v: ops.Get(name)}
			all = append(all, o)
			for _, a := range deepRefs(o.v.Get("x-amazon-apigateway-integration").Get("uri")) {
				if a == f.Addr {
					mine = append(mine, o)
				}
			}
		}
	}
	if len(mine) > 0 {
		all = mine
	}
	global := doc.Get("security")
	for _, o := range all {
		sec := o.v.Get("security")
		if sec.State() == Absent {
			sec = global
		}
		switch n, ok := sec.Len(); {
		case sec.State() == Absent || ok && n == 0:
			s.add(Reach{Exposure: ExposurePublic, Entry: "public route `" + o.route + "`"})
		case ok:
			s.add(Reach{Exposure: ExposureAuthenticated, Entry: "authenticated route `" + o.route + "`"})
		default:
			s.undetermined("the security of " + o.route + " in the OpenAPI body of " + api.Addr)
		}
	}
}
