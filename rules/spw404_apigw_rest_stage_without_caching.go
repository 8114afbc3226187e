package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW404 reports REST stages without caching, on APIs with a method a
// cache could serve (GET, HEAD or ANY, not response-streaming).
var SPW404 = &lint.Rule{
	ID:       "SPW404",
	Name:     "apigw-rest-stage-without-caching",
	Severity: lint.Low,
	Summary:  "A REST API stage has no cache, so every repeated request reaches the backend.",
	Doc:      doc("SPW404"),
	Check:    checkSPW404,
}

func checkSPW404(p *lint.Pass) error {
	for _, st := range p.Graph.RestStages {
		cluster := graph.No()
		if !st.Deployment {
			cluster = st.Attr("cache_cluster_enabled").IsTrue()
		}
		caching := methodCaching(st)
		var what string
		switch {
		case st.Deployment:
			what = "is created by a deployment's stage_name, which cannot enable a cache cluster; use an aws_api_gateway_stage with cache_cluster_enabled and method settings with caching_enabled"
		case cluster.False() && caching.False():
			what = "has no cache cluster (cache_cluster_enabled is not true) and no method settings with caching_enabled = true"
		case cluster.False():
			what = "has no cache cluster (cache_cluster_enabled is not true), so caching_enabled in its method settings has no effect"
		case cluster.Undecided():
			what = "has no method settings with caching_enabled = true, so nothing is cached whatever cache_cluster_enabled turns out to be"
		default:
			what = "has a cache cluster but no method settings with caching_enabled = true, so nothing is cached"
		}
		p.ReportIf(st.Cacheable().And(cluster.And(caching).Not()), lint.Diagnostic{Resource: st.Resource, Message: fmt.Sprintf(
			"%s %s; every request, including identical repeated ones, is passed to the backend and billed",
			st.Addr, what)})
	}
	return nil
}

// methodCaching is the fact that some method settings of the stage enable
// caching. Method settings whose stage is unknown leave it open when they
// could enable caching.
func methodCaching(st *graph.RestStage) graph.Fact {
	on := graph.No()
	for _, ms := range st.MethodSettings {
		on = on.Or(enablesCaching(ms.Resource, ms.Exists()))
	}
	for _, pd := range st.Undetermined {
		if pd.Resource.Type == "aws_api_gateway_method_settings" {
			on = on.Or(graph.Maybe(pd.Why).And(enablesCaching(pd.Resource, graph.Yes())))
		}
	}
	return on
}

// enablesCaching is the fact that method settings, which exist as exists
// says, set caching_enabled = true in a settings block.
func enablesCaching(ms *graph.Resource, exists graph.Fact) graph.Fact {
	on := graph.No()
	for _, b := range ms.Blocks("settings") {
		if b.Unknown() {
			on = on.Or(graph.Maybe("the for_each of a dynamic settings block of " + ms.Addr))
			continue
		}
		on = on.Or(b.Attr("caching_enabled").IsTrue().And(exists))
	}
	return on
}
