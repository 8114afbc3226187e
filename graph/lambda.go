package graph

import "strings"

// TriggerKind classifies how a trigger invokes a function.
type TriggerKind int

// The trigger kinds of rules/spec.
const (
	// Async triggers queue events and retry them (S3, SNS, EventBridge,
	// EventBridge Scheduler, CloudWatch Logs, IoT rules, SES receipt rules
	// of invocation type Event, service permissions).
	Async TriggerKind = iota
	// SyncPublic triggers call the function while a client waits (API
	// Gateway REST, HTTP and WebSocket APIs, function URLs without auth,
	// Cognito, load balancers, CloudFront Lambda@Edge, AppSync).
	SyncPublic
	// Poll triggers are event source mappings.
	Poll
	// SyncInternal triggers call the function while a caller inside the
	// account waits, with no public entry point (Step Functions tasks).
	SyncInternal
)

func (k TriggerKind) String() string {
	switch k {
	case Async:
		return "asynchronous"
	case SyncPublic:
		return "synchronous public"
	case Poll:
		return "poll-based"
	case SyncInternal:
		return "synchronous internal"
	}
	return "unknown"
}

// Trigger is one way a function gets invoked.
type Trigger struct {
	Kind     TriggerKind
	Source   *Resource
	Function *Function
	// FunctionTarget is how the function reference resolved; for a
	// trigger in Graph.UnresolvedTriggers, Why names the unknown.
	FunctionTarget Target
	// What describes the trigger ("S3 bucket notification").
	What string
}

// Function is an aws_lambda_function instance with its edges.
type Function struct {
	*Resource
	Triggers      []*Trigger
	InvokeConfigs []*InvokeConfig
	Mappings      []*Mapping
	Integrations  []*Integration
	// MaybeIntegrations are API Gateway integrations whose type is
	// unknown, so they may or may not invoke the function.
	MaybeIntegrations []*Integration
	URLs              []*FunctionURL
	Provisioned       []*Provisioned
	// DeadLetters are the targets of its dead_letter_config blocks.
	DeadLetters []DeadLetter
}

// InvokeConfig is an aws_lambda_function_event_invoke_config instance.
type InvokeConfig struct {
	*Resource
	Function *Function
	// OnFailure is destination_config.on_failure.destination.
	OnFailure Value
	// FunctionTarget is how function_name resolved.
	FunctionTarget Target
}

// FunctionURL is an aws_lambda_function_url instance.
type FunctionURL struct {
	*Resource
	// Function is the function, when resolved; FunctionTarget says how.
	Function       *Function
	FunctionTarget Target
}

// Provisioned is an aws_lambda_provisioned_concurrency_config instance.
type Provisioned struct {
	*Resource
	// Function is the function, when resolved; FunctionTarget says how.
	Function       *Function
	FunctionTarget Target
}

// TriggersOf returns the function's triggers of a kind.
func (f *Function) TriggersOf(k TriggerKind) []*Trigger {
	var out []*Trigger
	for _, t := range f.Triggers {
		if t.Kind == k {
			out = append(out, t)
		}
	}
	return out
}

// InvokedBy returns the fact that a trigger of kind k invokes the
// function whenever it exists (true when one certainly does, undecided
// when only triggers that may not exist, with an unknown count or
// for_each, do), and the triggers that certainly do.
func (f *Function) InvokedBy(k TriggerKind) (Fact, []*Trigger) {
	return certain(f.Resource, f.TriggersOf(k), func(t *Trigger) *Resource { return t.Source })
}

// ReservedConcurrency returns reserved_concurrent_executions.
func (f *Function) ReservedConcurrency() Value { return f.Attr("reserved_concurrent_executions") }

// Reservation returns the function's reserved concurrency: N is -1 when
// the function reserves none (reserved_concurrent_executions absent, null
// or -1), and a known N of 0 or more is the reservation.
func (f *Function) Reservation() Num {
	n := intArg(f.ReservedConcurrency(), -1, "reserved_concurrent_executions of "+f.Addr)
	if n.Known() && n.N < 0 {
		n.N = -1
	}
	return n
}

// Timeout returns the function's timeout in seconds (default 3).
func (f *Function) Timeout() Num {
	return intArg(f.Attr("timeout"), 3, "timeout of "+f.Addr)
}

func (g *Graph) buildLambda() {
	g.Functions = wrapAll(g.Resources("aws_lambda_function"), g.funcByRes, func(r *Resource) *Function { return &Function{Resource: r} })
	for _, r := range g.Resources("aws_lambda_function_event_invoke_config") {
		ic := &InvokeConfig{Resource: r, OnFailure: r.Path("destination_config", "on_failure", "destination")}
		fn, t := g.ResolveFunction(r.Attr("function_name"))
		ic.Function, ic.FunctionTarget = fn, t
		g.InvokeConfigs = append(g.InvokeConfigs, ic)
		switch {
		case fn != nil:
			fn.InvokeConfigs = append(fn.InvokeConfigs, ic)
		case t.Unresolved():
			g.UnresolvedInvokeConfigs = append(g.UnresolvedInvokeConfigs, ic)
		}
	}
	for _, r := range g.Resources("aws_lambda_function_url") {
		fn, t := g.ResolveFunction(r.Attr("function_name"))
		u := &FunctionURL{Resource: r, Function: fn, FunctionTarget: t}
		g.FunctionURLs = append(g.FunctionURLs, u)
		if fn != nil {
			fn.URLs = append(fn.URLs, u)
		}
	}
	for _, r := range g.Resources("aws_lambda_provisioned_concurrency_config") {
		fn, t := g.ResolveFunction(r.Attr("function_name"))
		p := &Provisioned{Resource: r, Function: fn, FunctionTarget: t}
		g.Provisioned = append(g.Provisioned, p)
		if fn != nil {
			fn.Provisioned = append(fn.Provisioned, p)
		}
	}
}

var asyncServices = map[string]bool{
	"s3": true, "sns": true, "events": true, "logs": true, "iot": true,
	"ses": true, "config": true, "cloudwatch": true,
}

var syncServices = map[string]bool{
	"apigateway": true, "elasticloadbalancing": true, "cognito-idp": true,
	"edgelambda": true, "cloudfront": true, "appsync": true,
}

var internalServices = map[string]bool{"states": true}

// cacheBehaviors are the blocks of an aws_cloudfront_distribution that
// hold lambda_function_association blocks.
var cacheBehaviors = []string{"default_cache_behavior", "ordered_cache_behavior"}

var cognitoTriggers = []string{
	"pre_sign_up", "pre_authentication", "custom_message",
	"define_auth_challenge", "create_auth_challenge", "verify_auth_challenge_response",
}

func (g *Graph) addTrigger(k TriggerKind, src *Resource, fnVal Value, what string) {
	fn, t := g.ResolveFunction(fnVal)
	if fn == nil && t.Unresolved() && !g.MayBeFunction(fnVal, t).False() {
		// An unresolved Lambda ARN may name a function of this root
		// module as much as an unknown value may.
		g.addUnresolvedTrigger(k, src, t, what)
	}
	g.addTriggerOf(k, src, fn, what)
}

// addUnresolvedTrigger records a trigger whose function cannot be
// resolved and may be any function, one of this root module included.
func (g *Graph) addUnresolvedTrigger(k TriggerKind, src *Resource, t Target, what string) {
	for _, u := range g.UnresolvedTriggers {
		if u.Kind == k && u.Source == src {
			return
		}
	}
	g.UnresolvedTriggers = append(g.UnresolvedTriggers, &Trigger{Kind: k, Source: src, FunctionTarget: t, What: what})
}

// MayBeFunction is the fact that a reference t, resolved from v, names a
// Lambda function: true when it resolved to one of this root module or
// is a Lambda ARN (or read from a data.aws_lambda_function), false when
// it is a known name or ARN of something else, was read from other
// resources or only from data sources and root variables (what the
// caller supplies is outside this configuration), or is a template whose
// service is not lambda, and undecided (naming the unknown: an output of
// a module that is not analyzed, an unknown for_each) otherwise.
func (g *Graph) MayBeFunction(v Value, t Target) Fact {
	switch {
	case t.Resource != nil || isLambdaARN(v):
		return Yes()
	case !t.Unresolved():
		return No()
	}
	for _, addr := range refList(v) {
		if r := g.lookup(addr); r != nil && r.Type != "aws_lambda_function" && r.Type != "aws_lambda_alias" {
			return No()
		}
	}
	if origins := v.Origins(); len(origins) > 0 {
		outside := true
		for _, o := range origins {
			if strings.HasPrefix(o, "data.aws_lambda_function.") || strings.HasPrefix(o, "data.aws_lambda_alias.") {
				return Yes()
			}
			outside = outside && (strings.HasPrefix(o, "data.") || strings.HasPrefix(o, "var."))
		}
		if outside {
			// Only data sources and root variables: whoever supplies
			// the value names something outside this configuration.
			return No()
		}
	}
	if s, ok := templateOf(v); ok {
		if parts := strings.SplitN(s, ":", 6); len(parts) == 6 && parts[0] == "arn" && parts[2] != "lambda" && !strings.Contains(parts[2], unknownPart) {
			return No()
		}
	}
	return Maybe(t.Why)
}

func (g *Graph) addTriggerOf(k TriggerKind, src *Resource, fn *Function, what string) {
	if fn == nil {
		return
	}
	for _, t := range fn.Triggers {
		if t.Kind == k && t.Source == src {
			return
		}
	}
	fn.Triggers = append(fn.Triggers, &Trigger{Kind: k, Source: src, Function: fn, What: what})
}

func (g *Graph) buildTriggers() {
	// Asynchronous.
	for _, r := range g.Resources("aws_s3_bucket_notification") {
		n := &Notification{Resource: r}
		for _, b := range r.Blocks("lambda_function") {
			arn := b.Attr("lambda_function_arn")
			fn, t := g.ResolveFunction(arn)
			n.Lambda = append(n.Lambda, &NotifiedFunction{Block: b, Function: fn, FunctionTarget: t})
			if fn == nil && t.Unresolved() && !g.MayBeFunction(arn, t).False() {
				g.addUnresolvedTrigger(Async, r, t, "S3 bucket notification")
			}
			g.addTriggerOf(Async, r, fn, "S3 bucket notification")
		}
		g.Notifications = append(g.Notifications, n)
	}
	for _, r := range g.Resources("aws_sns_topic_subscription") {
		endpoint := r.Attr("endpoint")
		fn, t := g.ResolveFunction(endpoint)
		lambda := r.Attr("protocol").Equals("lambda")
		isFn := g.MayBeFunction(endpoint, t)
		if lambda.Undecided() && isFn.False() {
			// Whatever the protocol, the endpoint is no function.
			lambda = No()
		}
		if lambda.False() {
			continue
		}
		g.Subscriptions = append(g.Subscriptions, &Subscription{Resource: r, Lambda: lambda, Function: fn, FunctionTarget: t})
		if lambda.True() {
			if fn == nil && isFn.Undecided() {
				g.addUnresolvedTrigger(Async, r, t, "SNS subscription")
			}
			g.addTriggerOf(Async, r, fn, "SNS subscription")
		}
	}
	for _, r := range g.Resources("aws_cloudwatch_event_target") {
		arn := r.Attr("arn")
		fn, t := g.ResolveFunction(arn)
		lambda := g.MayBeFunction(arn, t)
		if lambda.Undecided() && hasBlock(r.Blocks, eventTargetBlocks) {
			lambda = No()
		}
		if lambda.False() {
			continue
		}
		g.EventTargets = append(g.EventTargets, &EventTarget{Resource: r, Lambda: lambda, Function: fn, FunctionTarget: t})
		if fn == nil && lambda.Undecided() {
			g.addUnresolvedTrigger(Async, r, t, "EventBridge target")
		}
		g.addTriggerOf(Async, r, fn, "EventBridge target")
	}
	for _, r := range g.Resources("aws_scheduler_schedule") {
		// The schedule's target block; one without it invokes nothing.
		tb := r.Block("target")
		if tb == nil {
			continue
		}
		arn := tb.Attr("arn")
		fn, t := g.ResolveFunction(arn)
		lambda := g.MayBeFunction(arn, t)
		if lambda.Undecided() && hasBlock(tb.Blocks, scheduleTargetBlocks) {
			lambda = No()
		}
		if lambda.False() {
			continue
		}
		g.EventTargets = append(g.EventTargets, &EventTarget{Resource: r, Schedule: true, Lambda: lambda, Function: fn, FunctionTarget: t})
		if fn == nil && lambda.Undecided() {
			g.addUnresolvedTrigger(Async, r, t, "EventBridge Scheduler schedule")
		}
		g.addTriggerOf(Async, r, fn, "EventBridge Scheduler schedule")
	}
	for _, r := range g.Resources("aws_cloudwatch_log_subscription_filter") {
		g.addTrigger(Async, r, r.Attr("destination_arn"), "CloudWatch Logs subscription filter")
	}
	for _, r := range g.Resources("aws_lambda_permission") {
		p, svc, ok := principalOf(r.Attr("principal"))
		if !ok {
			continue
		}
		switch {
		case asyncServices[svc]:
			g.addTrigger(Async, r, r.Attr("function_name"), "permission for "+p)
		case syncServices[svc]:
			g.addTrigger(SyncPublic, r, r.Attr("function_name"), "permission for "+p)
		case internalServices[svc]:
			g.addTrigger(SyncInternal, r, r.Attr("function_name"), "permission for "+p)
		}
	}
	for _, r := range g.Resources("aws_iot_topic_rule") {
		for _, b := range append(r.Blocks("lambda"), errorActions(r, "lambda")...) {
			g.addTrigger(Async, r, b.Attr("function_arn"), "IoT topic rule")
		}
	}
	for _, r := range g.Resources("aws_ses_receipt_rule") {
		for _, b := range r.Blocks("lambda_action") {
			// invocation_type defaults to Event.
			it := b.Attr("invocation_type")
			switch s, ok := it.String(); {
			case !it.IsSet() || ok && s == "Event":
				g.addTrigger(Async, r, b.Attr("function_arn"), "SES receipt rule")
			case ok && s == "RequestResponse":
				g.addTrigger(SyncPublic, r, b.Attr("function_arn"), "SES receipt rule (RequestResponse)")
			}
		}
	}
	// Step Functions tasks: a state machine whose definition names a
	// function invokes it and waits.
	for _, r := range g.Resources("aws_sfn_state_machine") {
		for _, addr := range refList(r.Attr("definition")) {
			if fr := g.lookup(addr); fr != nil {
				g.addTriggerOf(SyncInternal, r, g.funcByRes[fr], "Step Functions task")
			}
		}
	}
	// Synchronous and public.
	g.buildIntegrations("aws_api_gateway_integration", "uri", false, "API Gateway REST integration")
	g.buildIntegrations("aws_apigatewayv2_integration", "integration_uri", true, "API Gateway HTTP integration")
	for _, r := range g.Resources("aws_cloudfront_distribution") {
		for _, name := range cacheBehaviors {
			for _, cb := range r.Blocks(name) {
				for _, b := range cb.Blocks("lambda_function_association") {
					g.addTrigger(SyncPublic, r, b.Attr("lambda_arn"), "CloudFront Lambda@Edge association")
				}
			}
		}
	}
	for _, r := range g.Resources("aws_appsync_datasource") {
		if t, ok := r.Attr("type").String(); !ok || t != "AWS_LAMBDA" {
			continue
		}
		for _, b := range r.Blocks("lambda_config") {
			g.addTrigger(SyncPublic, r, b.Attr("function_arn"), "AppSync Lambda data source")
		}
	}
	for _, r := range g.Resources("aws_appsync_graphql_api") {
		for _, b := range r.Blocks("lambda_authorizer_config") {
			g.addTrigger(SyncPublic, r, b.Attr("authorizer_uri"), "AppSync Lambda authorizer")
		}
		for _, ap := range r.Blocks("additional_authentication_provider") {
			for _, b := range ap.Blocks("lambda_authorizer_config") {
				g.addTrigger(SyncPublic, r, b.Attr("authorizer_uri"), "AppSync Lambda authorizer")
			}
		}
	}
	for _, u := range g.FunctionURLs {
		if a, ok := u.Attr("authorization_type").String(); ok && a == "NONE" {
			g.addTriggerOf(SyncPublic, u.Resource, u.Function, "function URL without authorization")
		}
	}
	for _, r := range g.Resources("aws_cognito_user_pool") {
		for _, b := range r.Blocks("lambda_config") {
			for _, t := range cognitoTriggers {
				g.addTrigger(SyncPublic, r, b.Attr(t), "Cognito "+t+" trigger")
			}
		}
	}
	for _, r := range g.Resources("aws_lb_target_group_attachment") {
		tg := g.resolve(r.Attr("target_group_arn"), targetGroupKind)
		if tg.Resource == nil {
			continue
		}
		if tt, ok := tg.Resource.Attr("target_type").String(); !ok || tt != "lambda" {
			continue
		}
		g.addTrigger(SyncPublic, r, r.Attr("target_id"), "load balancer target")
	}
}

// buildIntegrations records the integrations of a type whose uri (the
// argument uriAttr) names a function of this root module: one that
// invokes it (Integration.Invokes) is a synchronous public trigger, one of
// unknown type may be, and the rules that depend on one treat it as
// undetermined.
func (g *Graph) buildIntegrations(typ, uriAttr string, http bool, what string) {
	for _, r := range g.Resources(typ) {
		fn, _ := g.ResolveFunction(r.Attr(uriAttr))
		if fn == nil {
			continue
		}
		in := &Integration{Resource: r, Function: fn, HTTP: http}
		label := what
		if http && g.isWebSocket(r.Attr("api_id")) {
			in.WebSocket, label = true, "API Gateway WebSocket integration"
		}
		switch invokes := in.Invokes(); {
		case invokes.Undecided():
			fn.MaybeIntegrations = append(fn.MaybeIntegrations, in)
		case invokes.True():
			g.Integrations = append(g.Integrations, in)
			fn.Integrations = append(fn.Integrations, in)
			g.addTriggerOf(SyncPublic, r, fn, label)
		}
	}
}

// isWebSocket reports whether an api_id names an aws_apigatewayv2_api of
// this root module whose protocol_type is WEBSOCKET.
func (g *Graph) isWebSocket(apiID Value) bool {
	for _, addr := range refList(apiID) {
		if r := g.lookup(addr); r != nil && r.Type == "aws_apigatewayv2_api" {
			if p, ok := r.Attr("protocol_type").String(); ok && p == "WEBSOCKET" {
				return true
			}
		}
	}
	return false
}

func sortTriggers(ts []*Trigger) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && less(ts[j], ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

func less(a, b *Trigger) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	// A permission only says that a service may invoke the function; the
	// resource that wires the trigger is the better example, so it comes
	// first.
	ap, bp := a.Source.Type == "aws_lambda_permission", b.Source.Type == "aws_lambda_permission"
	if ap != bp {
		return bp
	}
	return CompareAddr(a.Source.Addr, b.Source.Addr) < 0
}

// Notification is an aws_s3_bucket_notification instance.
type Notification struct {
	*Resource
	// Lambda are its lambda_function blocks.
	Lambda []*NotifiedFunction
}

// NotifiedFunction is a lambda_function block of a bucket notification.
type NotifiedFunction struct {
	*Block
	// Function is the function of lambda_function_arn, when resolved;
	// FunctionTarget says how.
	Function       *Function
	FunctionTarget Target
}

// Subscription is an aws_sns_topic_subscription that delivers to a
// function, or may.
type Subscription struct {
	*Resource
	// Lambda is the fact that it delivers to a function: its protocol is
	// "lambda". It is undecided when the protocol is unknown and the
	// endpoint is a function of this configuration or a Lambda ARN.
	Lambda Fact
	// Function is the endpoint's function, when resolved; FunctionTarget
	// says how.
	Function       *Function
	FunctionTarget Target
}

// EventTarget is an aws_cloudwatch_event_target, or an
// aws_scheduler_schedule (Schedule is true) by its target block, whose
// arn is a function (one of this root module, when Function is set, or a
// Lambda ARN), or may be one (its arn cannot be resolved).
type EventTarget struct {
	*Resource
	// Schedule reports an EventBridge Scheduler schedule.
	Schedule bool
	// Lambda is the fact that arn is a function: undecided when it
	// cannot be resolved.
	Lambda Fact
	// FunctionTarget is how arn resolved.
	Function       *Function
	FunctionTarget Target
}

// isLambdaARN reports whether a known or partly known value is a Lambda
// function ARN.
func isLambdaARN(v Value) bool {
	s, ok := v.String()
	if !ok {
		if s, ok = flatTemplateOf(v); !ok {
			return false
		}
	}
	rest, ok := arnResource(s, "lambda")
	return ok && strings.HasPrefix(rest, "function:")
}

// principalOf returns a service principal and its service
// ("logs.amazonaws.com", "logs"). A template is a pattern: the principal
// "logs.${data.aws_region.current.name}.amazonaws.com" is CloudWatch
// Logs whatever the region (or DNS suffix), so only the service part
// must be known; the principal is then shown with "*" for the unknown
// parts.
func principalOf(v Value) (principal, service string, ok bool) {
	if s, ok := v.String(); ok {
		return s, serviceOf(s), true
	}
	s, ok := templateOf(v)
	if !ok {
		return "", "", false
	}
	svc := serviceOf(s)
	if svc == "" {
		// "logs.${data.aws_partition.current.dns_suffix}": the unknown
		// part is the DNS suffix.
		if i := strings.Index(s, "."); i > 0 && strings.HasSuffix(s, unknownPart) {
			svc = s[:i]
		}
	}
	if svc == "" || strings.Contains(svc, unknownPart) {
		return "", "", false
	}
	return strings.ReplaceAll(s, unknownPart, "*"), svc, true
}

// errorActions returns the blocks of a type inside a topic rule's
// error_action blocks.
func errorActions(r *Resource, typ string) []*Block {
	var out []*Block
	for _, ea := range r.Blocks("error_action") {
		out = append(out, ea.Blocks(typ)...)
	}
	return out
}

// eventTargetBlocks and scheduleTargetBlocks are the blocks only a target
// of another service takes (an ECS task, a Kinesis stream, an SQS
// queue...): an event target or schedule target with one is no function,
// whatever its unknown arn.
var (
	eventTargetBlocks = []string{
		"ecs_target", "batch_target", "kinesis_target", "sqs_target", "http_target",
		"redshift_target", "run_command_targets", "sagemaker_pipeline_target", "appsync_target",
	}
	scheduleTargetBlocks = []string{
		"ecs_parameters", "eventbridge_parameters", "kinesis_parameters",
		"sagemaker_pipeline_parameters", "sqs_parameters",
	}
)

// hasBlock reports whether blocks returns a block of one of the types.
func hasBlock(blocks func(string) []*Block, types []string) bool {
	for _, t := range types {
		if len(blocks(t)) > 0 {
			return true
		}
	}
	return false
}
