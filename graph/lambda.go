package graph

import "strings"

// TriggerKind classifies how a trigger invokes a function.
type TriggerKind int

// The trigger kinds of rules/spec.
const (
	// Async triggers queue events and retry them (S3, SNS, EventBridge,
	// CloudWatch Logs, service permissions).
	Async TriggerKind = iota
	// SyncPublic triggers call the function while a client waits (API
	// Gateway, function URLs without auth, Cognito, load balancers).
	SyncPublic
	// Poll triggers are event source mappings.
	Poll
)

func (k TriggerKind) String() string {
	switch k {
	case Async:
		return "asynchronous"
	case SyncPublic:
		return "synchronous public"
	case Poll:
		return "poll-based"
	}
	return "unknown"
}

// Trigger is one way a function gets invoked.
type Trigger struct {
	Kind     TriggerKind
	Source   *Resource
	Function *Function
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
	Function *Function
	// FunctionTarget is how function_name resolved.
	FunctionTarget Target
}

// Provisioned is an aws_lambda_provisioned_concurrency_config instance.
type Provisioned struct {
	*Resource
	Function *Function
	// FunctionTarget is how function_name resolved.
	FunctionTarget Target
}

// HasTrigger reports whether the function has a trigger of the kind.
func (f *Function) HasTrigger(k TriggerKind) bool {
	for _, t := range f.Triggers {
		if t.Kind == k {
			return true
		}
	}
	return false
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

// FailureDestination reports whether the function provably has a failure
// destination (a dead_letter_config.target_arn, or an event invoke
// config's destination_config.on_failure.destination, for any qualifier),
// and otherwise the unknown expression that might give it one: an unknown
// target, a dynamic block with an unknown for_each, an invoke config that
// may not exist, or an invoke config whose function cannot be resolved.
func (g *Graph) FailureDestination(f *Function) (set bool, unknown string) {
	note := func(u string) {
		if unknown == "" {
			unknown = u
		}
	}
	for _, b := range f.Blocks("dead_letter_config") {
		if b.Unknown() {
			note("the for_each of a dynamic dead_letter_config block")
			continue
		}
		s, u := b.Attr("target_arn").Presence()
		if s {
			return true, ""
		}
		if u != "" {
			note(u)
		}
	}
	for _, ic := range f.InvokeConfigs {
		s, u := ic.OnFailureSet()
		switch {
		case s && !ic.Exists().Undecided():
			return true, ""
		case s:
			note(ic.Exists().Why)
		case u != "":
			note(u)
		}
	}
	for _, ic := range g.UnresolvedInvokeConfigs {
		if s, u := ic.OnFailureSet(); s || u != "" {
			note(ic.FunctionTarget.Why)
		}
	}
	return false, unknown
}

// OnFailureSet reports whether an event invoke config has an on_failure
// destination, or the unknown expression that may give it one.
func (ic *InvokeConfig) OnFailureSet() (set bool, unknown string) {
	for _, dc := range ic.Blocks("destination_config") {
		if dc.Unknown() {
			unknown = "the for_each of a dynamic destination_config block"
			continue
		}
		for _, of := range dc.Blocks("on_failure") {
			if of.Unknown() {
				unknown = "the for_each of a dynamic on_failure block"
				continue
			}
			s, u := of.Attr("destination").Presence()
			if s {
				return true, ""
			}
			if u != "" {
				unknown = u
			}
		}
	}
	return false, unknown
}

// ReservedConcurrency returns reserved_concurrent_executions.
func (f *Function) ReservedConcurrency() Value { return f.Attr("reserved_concurrent_executions") }

// Timeout returns the function's timeout in seconds (default 3).
func (f *Function) Timeout() Num {
	return intArg(f.Attr("timeout"), 3, "timeout of "+f.Addr)
}

func (g *Graph) buildLambda() {
	for _, r := range g.Resources("aws_lambda_function") {
		f := &Function{Resource: r}
		g.funcByRes[r] = f
		g.Functions = append(g.Functions, f)
	}
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
}

var cognitoTriggers = []string{
	"pre_sign_up", "pre_authentication", "custom_message",
	"define_auth_challenge", "create_auth_challenge", "verify_auth_challenge_response",
}

func (g *Graph) addTrigger(k TriggerKind, src *Resource, fnVal Value, what string) {
	fn, _ := g.ResolveFunction(fnVal)
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
			v := b.Attr("lambda_function_arn")
			n.Lambda = append(n.Lambda, b)
			g.addTrigger(Async, r, v, "S3 bucket notification")
		}
		g.Notifications = append(g.Notifications, n)
	}
	for _, r := range g.Resources("aws_sns_topic_subscription") {
		if p, ok := r.Attr("protocol").String(); !ok || p != "lambda" {
			continue
		}
		fn, _ := g.ResolveFunction(r.Attr("endpoint"))
		g.Subscriptions = append(g.Subscriptions, &Subscription{Resource: r, Function: fn})
		g.addTrigger(Async, r, r.Attr("endpoint"), "SNS subscription")
	}
	for _, r := range g.Resources("aws_cloudwatch_event_target") {
		arn := r.Attr("arn")
		fn, _ := g.ResolveFunction(arn)
		if fn == nil && !isLambdaARN(arn) {
			continue
		}
		g.EventTargets = append(g.EventTargets, &EventTarget{Resource: r, Function: fn})
		g.addTrigger(Async, r, arn, "EventBridge target")
	}
	for _, r := range g.Resources("aws_cloudwatch_log_subscription_filter") {
		g.addTrigger(Async, r, r.Attr("destination_arn"), "CloudWatch Logs subscription filter")
	}
	for _, r := range g.Resources("aws_lambda_permission") {
		p, ok := r.Attr("principal").String()
		if !ok {
			continue
		}
		svc := serviceOf(p)
		switch {
		case asyncServices[svc]:
			g.addTrigger(Async, r, r.Attr("function_name"), "permission for "+p)
		case syncServices[svc]:
			g.addTrigger(SyncPublic, r, r.Attr("function_name"), "permission for "+p)
		}
	}
	// Synchronous and public.
	for _, r := range g.Resources("aws_api_gateway_integration") {
		tv := r.Attr("type")
		if tv.State() == Unknown {
			// It may be a Lambda integration: the rules that depend on
			// one treat it as undetermined.
			if fn, _ := g.ResolveFunction(r.Attr("uri")); fn != nil {
				fn.MaybeIntegrations = append(fn.MaybeIntegrations, &Integration{Resource: r, Function: fn, TypeUnknown: tv.Unknown()})
			}
			continue
		}
		typ, ok := tv.String()
		if !ok || (typ != "AWS_PROXY" && typ != "AWS") {
			continue
		}
		fn, _ := g.ResolveFunction(r.Attr("uri"))
		if fn == nil {
			continue
		}
		in := &Integration{Resource: r, Function: fn}
		g.Integrations = append(g.Integrations, in)
		fn.Integrations = append(fn.Integrations, in)
		g.addTrigger(SyncPublic, r, r.Attr("uri"), "API Gateway REST integration")
	}
	for _, r := range g.Resources("aws_apigatewayv2_integration") {
		fn, _ := g.ResolveFunction(r.Attr("integration_uri"))
		if fn == nil {
			continue
		}
		in := &Integration{Resource: r, Function: fn, HTTP: true}
		g.Integrations = append(g.Integrations, in)
		fn.Integrations = append(fn.Integrations, in)
		g.addTrigger(SyncPublic, r, r.Attr("integration_uri"), "API Gateway HTTP integration")
	}
	for _, u := range g.FunctionURLs {
		if a, ok := u.Attr("authorization_type").String(); ok && a == "NONE" {
			g.addTrigger(SyncPublic, u.Resource, u.Attr("function_name"), "function URL without authorization")
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
	Lambda []*Block
}

// Subscription is an aws_sns_topic_subscription with protocol "lambda".
type Subscription struct {
	*Resource
	Function *Function
}

// EventTarget is an aws_cloudwatch_event_target whose arn is a function:
// one of this root module (Function is set) or a literal Lambda ARN.
type EventTarget struct {
	*Resource
	Function *Function
}

// isLambdaARN reports whether a known or partly known value is a Lambda
// function ARN.
func isLambdaARN(v Value) bool {
	s, ok := v.String()
	if !ok {
		if s, ok = templateOf(v); !ok {
			return false
		}
	}
	rest, ok := arnResource(s, "lambda")
	return ok && strings.HasPrefix(rest, "function:")
}
