package graph

import (
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// Integration is an API Gateway integration whose target is a function.
type Integration struct {
	*Resource
	Function *Function
	// HTTP reports an aws_apigatewayv2_integration (HTTP or WebSocket API).
	HTTP bool
	// WebSocket reports an integration of a WebSocket API.
	WebSocket bool
}

// Invokes is the fact that the integration invokes its function: an HTTP
// API integration, or a REST integration of type AWS_PROXY or AWS;
// undecided when the type is unknown (Function.MaybeIntegrations).
func (in *Integration) Invokes() Fact {
	if in.HTTP {
		return Yes()
	}
	typ := in.Attr("type")
	return typ.Equals("AWS_PROXY").Or(typ.Equals("AWS"))
}

// TimeoutMillis returns timeout_milliseconds (default 29000 for REST and
// WebSocket APIs, 30000 for HTTP APIs).
func (in *Integration) TimeoutMillis() Num {
	def := int64(29000)
	if in.HTTP && !in.WebSocket {
		def = 30000
	}
	return in.Attr("timeout_milliseconds").IntOr(def)
}

// RestStage is an aws_api_gateway_stage, or an aws_api_gateway_deployment
// that creates a stage through its stage_name.
type RestStage struct {
	*Resource
	// Deployment reports a stage created by a deployment's stage_name.
	Deployment bool
	// API identifies the REST API ("" when unknown); APIRef is the
	// rest_api_id argument.
	API    string
	APIRef Value
	// RestAPI is the aws_api_gateway_rest_api the stage belongs to, when
	// it is one of this root module's (nil otherwise).
	RestAPI *Resource
	// StageName is the stage_name argument.
	StageName Value
	// MethodSettings are the method settings that apply to the stage.
	MethodSettings []*MethodSettings
	// UsagePlans are the usage plans that list the stage.
	UsagePlans []*UsagePlan
	// Methods are the aws_api_gateway_method instances of the stage's API.
	Methods []*Resource
	// Integrations are the aws_api_gateway_integration instances of the
	// stage's API.
	Integrations []*Resource
	// WebACLs are the web ACLs associated with the stage;
	// Associations the aws_wafv2_web_acl_association instances.
	WebACLs      []*Resource
	Associations []*WebACLAssociation
	// Undetermined holds resources whose stage or API is unknown and that
	// could apply to this stage.
	Undetermined []Pending
}

// WebACLAssociation is an aws_wafv2_web_acl_association instance.
type WebACLAssociation struct {
	*Resource
	// ACL is how web_acl_arn resolved.
	ACL Target
}

// Pending is a resource that may or may not apply to a stage, and the
// unknown expression that keeps it from being decided.
type Pending struct {
	Resource *Resource
	// Why names the unknown expression.
	Why string
}

func addPending(ps []Pending, r *Resource, unknown string) []Pending {
	for _, p := range ps {
		if p.Resource == r {
			return ps
		}
	}
	return append(ps, Pending{Resource: r, Why: unknown})
}

func firstUnknown(vs ...Value) string {
	for _, v := range vs {
		if v.State() == Unknown {
			return v.Unknown()
		}
	}
	for _, v := range vs {
		if v.State() == Absent || v.State() == Null {
			continue
		}
		return "the reference " + v.Range.String()
	}
	return "an unresolved reference"
}

// MethodSettings is an aws_api_gateway_method_settings instance.
type MethodSettings struct {
	*Resource
	API string
}

// UsagePlan is an aws_api_gateway_usage_plan instance.
type UsagePlan struct {
	*Resource
}

// apiKey identifies the REST API a rest_api_id value names: the address
// of an aws_api_gateway_rest_api in this root module, or the literal id.
// ok is false when it is unknown.
func (g *Graph) apiKey(v Value) (string, bool) {
	t := g.resolve(v, restAPIKind)
	if t.Resource != nil {
		return t.Resource.Addr, true
	}
	if s, ok := v.String(); ok {
		return "id:" + s, true
	}
	return "", false
}

// namesStage is the fact that a stage reference (api id plus stage name
// values) names stage st; undecided for the first unknown of the
// reference.
func (g *Graph) namesStage(st *RestStage, apiVal, stageVal Value) Fact {
	for _, ref := range refsOf(stageVal) {
		if ref != st.Addr {
			continue
		}
		// A value read from the stage names it, unless it is a known
		// string built from it that differs from the stage's name.
		name, ok1 := stageVal.String()
		stName, ok2 := st.StageName.String()
		if ok1 && ok2 && name != stName {
			return No()
		}
		return Yes()
	}
	if g.refersToStage(stageVal) {
		// Another stage.
		return No()
	}
	api, ok := g.apiKey(apiVal)
	if !ok || st.API == "" {
		return Maybe(firstUnknown(stageVal, apiVal))
	}
	if api != st.API {
		return No()
	}
	name, ok1 := stageVal.String()
	stName, ok2 := st.StageName.String()
	if !ok1 || !ok2 {
		return Maybe(firstUnknown(stageVal, apiVal))
	}
	return FactOf(name == stName)
}

func refsOf(v Value) []string {
	if v.val == cty.NilVal {
		return nil
	}
	return refList(v)
}

func (g *Graph) buildAPIGateway() {
	for _, r := range g.Resources("aws_api_gateway_stage") {
		st := &RestStage{Resource: r, APIRef: r.Attr("rest_api_id"), StageName: r.Attr("stage_name")}
		st.API, _ = g.apiKey(st.APIRef)
		g.RestStages = append(g.RestStages, st)
	}
	for _, r := range g.Resources("aws_api_gateway_deployment") {
		sn := r.Attr("stage_name")
		if !sn.IsSet() || isEmptyString(sn) {
			continue
		}
		st := &RestStage{Resource: r, Deployment: true, APIRef: r.Attr("rest_api_id"), StageName: sn}
		st.API, _ = g.apiKey(st.APIRef)
		g.RestStages = append(g.RestStages, st)
	}
	for _, r := range g.Resources("aws_api_gateway_method_settings") {
		ms := &MethodSettings{Resource: r}
		ms.API, _ = g.apiKey(r.Attr("rest_api_id"))
		g.MethodSettings = append(g.MethodSettings, ms)
		g.onStages(r, r.Attr("rest_api_id"), r.Attr("stage_name"), func(st *RestStage) {
			st.MethodSettings = append(st.MethodSettings, ms)
		})
	}
	for _, r := range g.Resources("aws_api_gateway_usage_plan") {
		up := &UsagePlan{Resource: r}
		g.UsagePlans = append(g.UsagePlans, up)
		for _, b := range r.Blocks("api_stages") {
			g.onStages(r, b.Attr("api_id"), b.Attr("stage"), func(st *RestStage) {
				st.UsagePlans = appendUnique(st.UsagePlans, up)
			})
		}
	}
	methods := g.Resources("aws_api_gateway_method")
	integrations := g.Resources("aws_api_gateway_integration")
	for _, st := range g.RestStages {
		st.RestAPI = g.lookup(st.API)
		for _, in := range integrations {
			if api, ok := g.apiKey(in.Attr("rest_api_id")); ok && st.API != "" && api == st.API {
				st.Integrations = append(st.Integrations, in)
			}
		}
		for _, m := range methods {
			api, ok := g.apiKey(m.Attr("rest_api_id"))
			switch {
			case ok && st.API != "" && api == st.API:
				st.Methods = append(st.Methods, m)
			case !ok || st.API == "":
				st.Undetermined = addPending(st.Undetermined, m, firstUnknown(m.Attr("rest_api_id"), st.APIRef))
			}
		}
	}
	for _, r := range g.Resources("aws_wafv2_web_acl_association") {
		target := r.Attr("resource_arn")
		assoc := &WebACLAssociation{Resource: r, ACL: g.resolve(r.Attr("web_acl_arn"), webACLKind)}
		matched := false
		arnAPI, arnStage, arnOK := g.stageARN(target)
		for _, st := range g.RestStages {
			hit := false
			for _, ref := range refsOf(target) {
				if ref == st.Addr {
					hit = true
				}
			}
			if !hit && arnOK && st.API == arnAPI {
				if name, ok := st.StageName.String(); ok && name == arnStage {
					hit = true
				}
			}
			if !hit {
				continue
			}
			matched = true
			st.Associations = append(st.Associations, assoc)
			if assoc.ACL.Resource != nil {
				st.WebACLs = appendUnique(st.WebACLs, assoc.ACL.Resource)
			}
		}
		if !matched && target.State() == Unknown && !arnOK && !g.refersToStage(target) {
			g.UnresolvedWAF = append(g.UnresolvedWAF, Pending{Resource: r, Why: target.Unknown()})
		}
	}
	g.HTTPStages = g.Resources("aws_apigatewayv2_stage")
}

// onStages attaches r, which names a stage by the values apiVal (the REST
// API id) and stageVal (the stage name), to the stages it names (add) and
// records it as undetermined on those it may name.
func (g *Graph) onStages(r *Resource, apiVal, stageVal Value, add func(*RestStage)) {
	for _, st := range g.RestStages {
		switch on := g.namesStage(st, apiVal, stageVal); {
		case on.True():
			add(st)
		case on.Undecided():
			st.Undetermined = addPending(st.Undetermined, r, on.Why)
		}
	}
}

// stageARN reads a REST API stage ARN written as a string,
// arn:aws:apigateway:REGION::/restapis/API_ID/stages/STAGE, where API_ID
// may be interpolated from an aws_api_gateway_rest_api. It returns the API
// key (see apiKey) and the stage name when both are known.
func (g *Graph) stageARN(v Value) (api, stage string, ok bool) {
	s, known := v.String()
	if !known {
		if s, known = templateOf(v); !known {
			return "", "", false
		}
	}
	const restapis, stages = "/restapis/", "/stages/"
	i := strings.Index(s, restapis)
	if i < 0 || !strings.HasPrefix(s, "arn:") {
		return "", "", false
	}
	rest := s[i+len(restapis):]
	j := strings.Index(rest, stages)
	if j < 0 {
		return "", "", false
	}
	id, stage := rest[:j], rest[j+len(stages):]
	if stage == "" || strings.ContainsAny(stage, "/"+unknownPart) {
		return "", "", false
	}
	switch {
	case id != "" && !strings.Contains(id, unknownPart) && !strings.Contains(id, "/"):
		return "id:" + id, stage, true
	case id == unknownPart:
		for _, ref := range refsOf(v) {
			if r := g.lookup(ref); r != nil && r.Type == "aws_api_gateway_rest_api" {
				return r.Addr, stage, true
			}
		}
	}
	return "", "", false
}

// refersToStage reports whether a value was read from a stage or a
// deployment (so it names a stage, even if not one of this root module's).
func (g *Graph) refersToStage(v Value) bool {
	for _, ref := range refsOf(v) {
		if r := g.lookup(ref); r != nil && (r.Type == "aws_api_gateway_stage" || r.Type == "aws_api_gateway_deployment") {
			return true
		}
	}
	return false
}
