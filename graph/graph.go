package graph

import (
	"strings"
	"sync"

	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
)

// Graph is the model of one root module and every module instance it
// calls.
type Graph struct {
	// Root is the root module's directory as shown to users.
	Root string

	Functions      []*Function
	Queues         []*Queue
	Mappings       []*Mapping
	Subscriptions  []*Subscription
	EventTargets   []*EventTarget
	Notifications  []*Notification
	InvokeConfigs  []*InvokeConfig
	RestStages     []*RestStage
	HTTPStages     []*Resource
	UsagePlans     []*UsagePlan
	MethodSettings []*MethodSettings
	Integrations   []*Integration
	FunctionURLs   []*FunctionURL
	Provisioned    []*Provisioned
	Alarms         []*Alarm
	Budgets        []*Resource
	// RedrivePolicyResources are aws_sqs_queue_redrive_policy instances.
	RedrivePolicyResources []*Resource
	// UnresolvedWAF are web ACL associations whose target cannot be
	// determined; they may protect any stage.
	UnresolvedWAF []Pending
	// UnresolvedRedrive are aws_sqs_queue_redrive_policy instances whose
	// queue cannot be determined; they may give any queue a policy.
	UnresolvedRedrive []Pending
	// UnresolvedDLQ are references to a dead-letter queue or failure
	// destination that cannot be resolved and may name a queue of this
	// root module (they come from a variable). Resource is the resource
	// that holds the reference: for a queue's own redrive policy, the
	// queue, which is not its own dead-letter queue.
	UnresolvedDLQ []Pending

	// UnresolvedInvokeConfigs are event invoke configs whose function
	// cannot be determined; they may give any function a failure
	// destination.
	UnresolvedInvokeConfigs []*InvokeConfig
	// UnresolvedTriggers are triggers (event targets, subscriptions,
	// notifications, permissions, ...) whose function cannot be resolved
	// and may be any function: Function is nil and FunctionTarget.Why
	// names the unknown.
	UnresolvedTriggers []*Trigger

	root       *eval.Root
	resources  map[*eval.Instance]*Resource
	byType     map[string][]*Resource
	funcByRes  map[*Resource]*Function
	queueByRes map[*Resource]*Queue
	names      map[string]map[string][]*Resource
	// metrics are the metrics of all alarms, read on first use (see
	// alarmMetrics).
	metrics *[]metric
	// reserved is the sum of the known reservations of the root module,
	// or the first unknown one, computed once (see UnreservedPool).
	reserved     Num
	reservedOnce sync.Once
	// expo caches the exposure classification (see exposure.go).
	expo *exposureState
}

// Build models the root module evaluated by root.
func Build(root *eval.Root) *Graph {
	g := &Graph{
		Root:       root.Module.Module.Name,
		root:       root,
		resources:  map[*eval.Instance]*Resource{},
		byType:     map[string][]*Resource{},
		funcByRes:  map[*Resource]*Function{},
		queueByRes: map[*Resource]*Queue{},
		names:      map[string]map[string][]*Resource{},
	}
	g.buildLambda()
	g.buildQueues()
	g.buildTriggers()
	g.buildMappings()
	g.buildDeadLetters()
	g.buildAPIGateway()
	g.buildAlarms()
	for _, f := range g.Functions {
		sortTriggers(f.Triggers)
	}
	return g
}

// Resources returns every instance of a resource type, in address order.
func (g *Graph) Resources(typ string) []*Resource {
	if rs, ok := g.byType[typ]; ok {
		return rs
	}
	var rs []*Resource
	for _, inst := range g.root.Instances(typ) {
		rs = append(rs, g.resource(inst))
	}
	g.byType[typ] = rs
	return rs
}

func (g *Graph) resource(inst *eval.Instance) *Resource {
	if r, ok := g.resources[inst]; ok {
		return r
	}
	r := newResource(inst)
	g.resources[inst] = r
	return r
}

// lookup returns the resource with an absolute address, if it exists.
func (g *Graph) lookup(addr string) *Resource {
	inst := g.root.Lookup(addr)
	if inst == nil {
		return nil
	}
	return g.resource(inst)
}

// nameIndex returns the resources of a type by their known name argument.
func (g *Graph) nameIndex(typ, attr string) map[string][]*Resource {
	key := typ + "." + attr
	if idx, ok := g.names[key]; ok {
		return idx
	}
	idx := map[string][]*Resource{}
	for _, r := range g.Resources(typ) {
		if s, ok := r.Attr(attr).String(); ok {
			idx[s] = append(idx[s], r)
		}
	}
	g.names[key] = idx
	return idx
}

// Target is an edge of the graph: the outcome of resolving a reference
// from one resource to another. It is resolved (Resource is set),
// external (a known name or ARN of something outside this root module),
// unresolved for a reason Why names, or empty (the reference is absent or
// null).
type Target struct {
	// Resource is the resource referred to, when resolved.
	Resource *Resource
	// Why names the unknown expression that keeps the reference from
	// being resolved; empty when it is resolved, external or absent.
	Why string
	// External reports a known name or ARN of something that is not in
	// this root module.
	External bool
}

// Unresolved reports a reference that cannot be resolved.
func (t Target) Unresolved() bool { return t.Why != "" }

// Is is the fact that the reference names r: undecided when it cannot be
// resolved.
func (t Target) Is(r *Resource) Fact {
	switch {
	case t.Resource != nil:
		return FactOf(t.Resource == r)
	case t.Why != "":
		return Maybe(t.Why)
	}
	return No()
}

// kind describes how to resolve references to one kind of resource.
type kind struct {
	types []string
	// attrs are the attributes whose value identifies the resource; empty
	// means any.
	attrs map[string]bool
	// literal extracts the name from a literal name or ARN.
	literal func(s string) (string, bool)
	// nameAttr is the argument a literal name is matched against.
	nameType, nameAttr string
}

func (g *Graph) resolve(v Value, k *kind) Target {
	if v.state == Absent || v.state == Null {
		return Target{}
	}
	var found []*Resource
	seen := map[*Resource]bool{}
	for _, ref := range eval.Refs(v.val) {
		r := g.lookup(ref.Addr)
		if r == nil {
			continue
		}
		if r.Type == "aws_lambda_alias" && k == functionKind {
			if !aliasAttrs[ref.Attr] {
				continue
			}
			fv := r.Attr("function_name")
			if fv.val == cty.NilVal || hasRef(fv.val, r.Addr) {
				continue
			}
			t := g.resolve(fv, functionKind)
			if t.Resource == nil {
				continue
			}
			if !seen[t.Resource] {
				seen[t.Resource] = true
				found = append(found, t.Resource)
			}
			continue
		}
		ok := false
		for _, t := range k.types {
			if r.Type == t {
				ok = true
			}
		}
		if !ok || (len(k.attrs) > 0 && ref.Attr != "" && !k.attrs[ref.Attr]) {
			continue
		}
		if !seen[r] {
			seen[r] = true
			found = append(found, r)
		}
	}
	if len(found) == 1 {
		return Target{Resource: found[0]}
	}
	if len(found) > 1 {
		names := make([]string, len(found))
		for i, r := range found {
			names[i] = r.Addr
		}
		return Target{Why: "one of " + strings.Join(names, ", ")}
	}
	var s string
	if v.state == Known {
		str, ok := v.String()
		if !ok {
			return Target{External: true}
		}
		s = str
	} else {
		parts, ok := eval.TemplateSource(v.val)
		if !ok {
			return Target{Why: v.Unknown()}
		}
		s = joinParts(parts)
	}
	name, ok := k.literal(s)
	if !ok || strings.Contains(name, unknownPart) {
		if v.state == Known {
			return Target{External: true}
		}
		if r := g.sameTemplateName(v, k); r != nil {
			return Target{Resource: r}
		}
		return Target{Why: v.Unknown()}
	}
	matches := g.nameIndex(k.nameType, k.nameAttr)[name]
	switch len(matches) {
	case 0:
		if v.state == Known || !hasUnknownNameFor(g, k) {
			return Target{External: true}
		}
		return Target{Why: v.Unknown()}
	case 1:
		return Target{Resource: matches[0]}
	}
	return Target{Why: "the name " + name + " shared by several resources"}
}

// sameTemplateName resolves a function name, or a function ARN, whose
// name part is an unknown template value (`"${random_pet.p.id}-worker"`
// passed to a module that builds
// "arn:${partition}:lambda:${region}:${account}:function:${var.name}"):
// the function whose name is that same evaluated template has that name,
// whatever the unknown parts are. It returns nil unless exactly one
// function's name is that template.
func (g *Graph) sameTemplateName(v Value, k *kind) *Resource {
	if k != functionKind {
		return nil
	}
	name := v.val
	if parts, ok := eval.TemplateSource(v.val); ok && len(parts) > 1 {
		// arn:...:function:NAME, the name one interpolated value.
		const n = "N"
		rest, ok := arnResource(joinParts(flattenTemplate(parts[:len(parts)-1], 8))+n, "lambda")
		if !ok || rest != "function:"+n {
			return nil
		}
		name = parts[len(parts)-1]
	} else if s, ok := templateOf(v); !ok || strings.ContainsAny(s, ":/") {
		return nil
	}
	id, ok := eval.TemplateIdentity(name)
	if !ok {
		return nil
	}
	var found *Resource
	for _, r := range g.Resources(k.nameType) {
		if rid, ok := eval.TemplateIdentity(r.Attr(k.nameAttr).val); ok && rid == id {
			if found != nil {
				return nil
			}
			found = r
		}
	}
	return found
}

// flattenTemplate replaces the parts of a template that are themselves
// templates (identified ones: see eval.TemplateIdentity) by their parts,
// depth levels deep.
func flattenTemplate(parts []cty.Value, depth int) []cty.Value {
	var out []cty.Value
	for _, p := range parts {
		if depth > 0 {
			if _, ok := eval.TemplateIdentity(p); ok {
				if inner, ok := eval.TemplateSource(p); ok {
					out = append(out, flattenTemplate(inner, depth-1)...)
					continue
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// hasUnknownNameFor reports whether some resource of the kind has a name
// that is not known, so a literal could still refer to it.
func hasUnknownNameFor(g *Graph, k *kind) bool {
	for _, r := range g.Resources(k.nameType) {
		if r.Attr(k.nameAttr).State() == Unknown {
			return true
		}
	}
	return false
}

func hasRef(v cty.Value, addr string) bool {
	for _, r := range eval.Refs(v) {
		if r.Addr == addr {
			return true
		}
	}
	return false
}

// unknownPart stands for an unknown interpolation in a template that is
// matched as a literal ARN.
const unknownPart = "\x00"

func joinParts(parts []cty.Value) string {
	var b strings.Builder
	for _, p := range parts {
		u, _ := p.UnmarkDeep()
		if u.IsKnown() && !u.IsNull() && u.Type() == cty.String {
			b.WriteString(u.AsString())
			continue
		}
		b.WriteString(unknownPart)
	}
	return b.String()
}

// arnResource splits "arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE" and
// returns RESOURCE when the service matches. Unknown parts are allowed in
// the partition, region and account.
func arnResource(s, service string) (string, bool) {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != service {
		return "", false
	}
	return parts[5], true
}

var aliasAttrs = map[string]bool{"": true, "arn": true, "invoke_arn": true, "id": true}

var functionKind = &kind{
	types: []string{"aws_lambda_function"},
	attrs: map[string]bool{
		"arn": true, "function_name": true, "qualified_arn": true, "invoke_arn": true,
		"qualified_invoke_arn": true, "id": true,
	},
	literal: func(s string) (string, bool) {
		if rest, ok := arnResource(s, "apigateway"); ok {
			// lambda:path/2015-03-31/functions/<function-arn>/invocations
			const pre = "path/2015-03-31/functions/"
			i := strings.Index(rest, pre)
			if i < 0 {
				return "", false
			}
			inner := strings.TrimSuffix(rest[i+len(pre):], "/invocations")
			s = inner
		}
		if rest, ok := arnResource(s, "lambda"); ok {
			parts := strings.Split(rest, ":")
			if len(parts) < 2 || parts[0] != "function" {
				return "", false
			}
			return parts[1], true
		}
		if s == "" || strings.ContainsAny(s, ":/") {
			return "", false
		}
		return s, true
	},
	nameType: "aws_lambda_function", nameAttr: "function_name",
}

var queueKind = &kind{
	types: []string{"aws_sqs_queue"},
	literal: func(s string) (string, bool) {
		if rest, ok := arnResource(s, "sqs"); ok {
			return rest, !strings.ContainsAny(rest, ":/")
		}
		if strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") {
			// https://sqs.REGION.amazonaws.com/ACCOUNT/NAME
			i := strings.LastIndex(s, "/")
			if i < 0 || i == len(s)-1 {
				return "", false
			}
			return s[i+1:], true
		}
		if s == "" || strings.ContainsAny(s, ":/") {
			return "", false
		}
		return s, true
	},
	nameType: "aws_sqs_queue", nameAttr: "name",
}

var (
	webACLKind = &kind{types: []string{"aws_wafv2_web_acl"}, attrs: map[string]bool{"arn": true},
		literal: func(string) (string, bool) { return "", false }, nameType: "aws_wafv2_web_acl", nameAttr: "name"}
	restAPIKind = &kind{types: []string{"aws_api_gateway_rest_api"},
		literal: func(string) (string, bool) { return "", false }, nameType: "aws_api_gateway_rest_api", nameAttr: "name"}
	targetGroupKind = &kind{types: []string{"aws_lb_target_group"},
		literal: func(string) (string, bool) { return "", false }, nameType: "aws_lb_target_group", nameAttr: "name"}
	kinesisKind = &kind{types: []string{"aws_kinesis_stream"},
		literal: func(s string) (string, bool) {
			if rest, ok := arnResource(s, "kinesis"); ok && strings.HasPrefix(rest, "stream/") {
				name := strings.TrimPrefix(rest, "stream/")
				// stream/NAME/consumer/CONSUMER:TIMESTAMP reads stream NAME.
				if i := strings.Index(name, "/consumer/"); i >= 0 {
					name = name[:i]
				}
				return name, true
			}
			return "", false
		}, nameType: "aws_kinesis_stream", nameAttr: "name"}
	consumerKind = &kind{types: []string{"aws_kinesis_stream_consumer"}, attrs: map[string]bool{"arn": true, "id": true},
		literal: func(string) (string, bool) { return "", false }, nameType: "aws_kinesis_stream_consumer", nameAttr: "name"}
	tableKind = &kind{types: []string{"aws_dynamodb_table"},
		literal: func(s string) (string, bool) {
			if rest, ok := arnResource(s, "dynamodb"); ok && strings.HasPrefix(rest, "table/") {
				name := strings.TrimPrefix(rest, "table/")
				if i := strings.Index(name, "/"); i >= 0 {
					name = name[:i]
				}
				return name, true
			}
			return "", false
		}, nameType: "aws_dynamodb_table", nameAttr: "name"}
)

// ResolveFunction resolves a value that names a function.
func (g *Graph) ResolveFunction(v Value) (*Function, Target) {
	t := g.resolve(v, functionKind)
	if t.Resource != nil {
		return g.funcByRes[t.Resource], t
	}
	return nil, t
}

// ResolveQueue resolves a value that names a queue.
func (g *Graph) ResolveQueue(v Value) (*Queue, Target) {
	t := g.resolve(v, queueKind)
	if t.Resource != nil {
		return g.queueByRes[t.Resource], t
	}
	return nil, t
}

// serviceOf returns the service of a principal such as
// "logs.eu-west-1.amazonaws.com" ("logs").
func serviceOf(principal string) string {
	p := strings.TrimSuffix(strings.TrimSuffix(principal, ".cn"), ".amazonaws.com")
	if p == principal {
		return ""
	}
	if i := strings.Index(p, "."); i >= 0 {
		p = p[:i]
	}
	return p
}

// templateOf returns a partly known template value as a string, with
// unknownPart where the unknown interpolations are.
func templateOf(v Value) (string, bool) {
	parts, ok := eval.TemplateSource(v.val)
	if !ok {
		return "", false
	}
	return joinParts(parts), true
}

// flatTemplateOf is templateOf with the parts that are themselves
// templates replaced by their parts.
func flatTemplateOf(v Value) (string, bool) {
	parts, ok := eval.TemplateSource(v.val)
	if !ok {
		return "", false
	}
	return joinParts(flattenTemplate(parts, 8)), true
}

// refList returns the addresses of the resources a value was read from.
func refList(v Value) []string {
	var out []string
	for _, r := range eval.Refs(v.val) {
		out = append(out, r.Addr)
	}
	return out
}

// deepRefs returns the addresses of the resource instances a value or
// anything inside it was read from, sorted and without duplicates.
func deepRefs(v Value) []string {
	if v.val == cty.NilVal {
		return nil
	}
	return eval.RefAddrs(v.val)
}
