package graph

import "strings"

// cacheableMethods are the HTTP methods whose responses API Gateway
// caching serves, as aws_api_gateway_method spells them.
var cacheableMethods = map[string]bool{"GET": true, "HEAD": true, "ANY": true}

// cacheableOperations are the same methods as an OpenAPI body spells them.
var cacheableOperations = map[string]bool{"get": true, "head": true, "x-amazon-apigateway-any-method": true}

// Cacheable is the fact that the stage's API has a method whose responses
// a cache could serve: a GET, HEAD or ANY method whose integration does
// not stream its response (response_transfer_mode = "STREAM"), declared
// by an aws_api_gateway_method or in the OpenAPI body of the
// aws_api_gateway_rest_api (an empty body declares none). A method whose
// http_method, integration mode or existence is unknown leaves it
// undecided. When the configuration
// declares no method of the API at all (they are defined elsewhere), it
// is true: the stage is judged as an API that serves reads.
func (st *RestStage) Cacheable() Fact {
	on, declared := No(), false
	for _, m := range st.Methods {
		declared = true
		on = on.Or(m.ExistsWith(st.Resource).And(st.methodCacheable(m)))
	}
	for _, pd := range st.Undetermined {
		if pd.Resource.Type == "aws_api_gateway_method" {
			declared = true
			on = on.Or(Maybe(pd.Why).And(st.methodCacheable(pd.Resource)))
		}
	}
	if st.RestAPI != nil {
		if body := st.RestAPI.Attr("body"); !body.Set().False() {
			declared = true
			on = on.Or(bodyCacheable(st.RestAPI.Addr, body))
		}
	}
	if !declared {
		return Yes()
	}
	return on
}

// methodCacheable is the fact that method m of the stage's API is GET,
// HEAD or ANY and no integration of it streams its response.
func (st *RestStage) methodCacheable(m *Resource) Fact {
	hm := m.Attr("http_method")
	var cacheable Fact
	switch hm.State() {
	case Unknown:
		cacheable = Maybe(hm.Unknown())
	case Known:
		s, _ := hm.String()
		cacheable = FactOf(cacheableMethods[strings.ToUpper(s)])
	default:
		cacheable = No()
	}
	streams := No()
	for _, in := range st.Integrations {
		if integrates(in, m) {
			streams = streams.Or(in.Attr("response_transfer_mode").Equals("STREAM"))
		}
	}
	return cacheable.And(streams.Not())
}

// integrates reports whether integration in belongs to method m: its
// http_method is read from m, or it names m's resource and HTTP method.
func integrates(in, m *Resource) bool {
	for _, ref := range refsOf(in.Attr("http_method")) {
		if ref == m.Addr {
			return true
		}
	}
	a, ok1 := in.Attr("http_method").String()
	b, ok2 := m.Attr("http_method").String()
	if !ok1 || !ok2 || !strings.EqualFold(a, b) {
		return false
	}
	ri, mi := in.Attr("resource_id"), m.Attr("resource_id")
	if s, ok := ri.String(); ok {
		t, ok := mi.String()
		return ok && s == t
	}
	for _, x := range refsOf(ri) {
		for _, y := range refsOf(mi) {
			if x == y {
				return true
			}
		}
	}
	return false
}

// bodyCacheable is the fact that the OpenAPI body of a REST API declares
// a GET, HEAD or x-amazon-apigateway-any-method operation whose
// x-amazon-apigateway-integration does not set responseTransferMode =
// "STREAM". A body that is not JSON (YAML) or whose paths are unknown
// leaves it undecided.
func bodyCacheable(api string, body Value) Fact {
	doc, ok := body.DecodeJSON()
	if !ok {
		return Maybe("the OpenAPI body of " + api + " (spillway reads JSON bodies only)")
	}
	paths := doc.Get("paths")
	keys, ok := paths.Keys()
	if !ok {
		return Maybe(firstUnknown(paths, doc, body))
	}
	on := No()
	for _, p := range keys {
		ops := paths.Get(p)
		names, ok := ops.Keys()
		if !ok {
			on = on.Or(Maybe(firstUnknown(ops, body)))
			continue
		}
		for _, name := range names {
			if !cacheableOperations[strings.ToLower(name)] {
				continue
			}
			mode := ops.Get(name).Get("x-amazon-apigateway-integration").Get("responseTransferMode")
			on = on.Or(mode.Equals("STREAM").Not())
		}
	}
	return on
}

// Private is the fact that the stage's API is a PRIVATE endpoint API
// (endpoint_configuration { types = ["PRIVATE"] }), reachable only from
// VPC endpoints. An API that is not an aws_api_gateway_rest_api of this
// root module is not private here: its endpoint type is not part of the
// configuration.
func (st *RestStage) Private() Fact {
	if st.RestAPI == nil {
		return No()
	}
	private := No()
	for _, b := range st.RestAPI.Blocks("endpoint_configuration") {
		if b.Unknown() {
			private = private.Or(b.Exists("endpoint_configuration", "types"))
			continue
		}
		types := b.Attr("types")
		if types.State() == Unknown {
			private = private.Or(Maybe(types.Unknown()))
			continue
		}
		list, _ := types.Strings()
		for _, t := range list {
			if strings.EqualFold(t, "PRIVATE") {
				return Yes()
			}
		}
	}
	return private
}
