package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW404 reports REST stages without caching.
var SPW404 = &lint.Rule{
	ID:       "SPW404",
	Name:     "apigw-rest-stage-without-caching",
	Severity: lint.Low,
	Family:   "front door",
	Summary:  "A REST API stage has no cache, so every repeated request reaches the backend.",
	Doc:      doc("SPW404"),
	Check:    checkSPW404,
}

func checkSPW404(p *lint.Pass) error {
	for _, st := range p.Graph.RestStages {
		cluster, clusterUnknown := false, ""
		if !st.Deployment {
			cluster, clusterUnknown = boolTrue(st.Attr("cache_cluster_enabled"))
		}
		caching, cachingUnknown := methodCaching(st)
		if cluster && caching {
			continue
		}
		clusterOff := !cluster && clusterUnknown == ""
		cachingOff := !caching && cachingUnknown == ""
		if !clusterOff && !cachingOff {
			unknown := clusterUnknown
			if unknown == "" {
				unknown = cachingUnknown
			}
			p.Undetermined(st.Resource, unknown)
			continue
		}
		var what string
		switch {
		case st.Deployment:
			what = "is created by a deployment's stage_name, which cannot enable a cache cluster; use an aws_api_gateway_stage with cache_cluster_enabled and method settings with caching_enabled"
		case clusterOff && cachingOff:
			what = "has no cache cluster (cache_cluster_enabled is not true) and no method settings with caching_enabled = true"
		case clusterOff:
			what = "has no cache cluster (cache_cluster_enabled is not true), so caching_enabled in its method settings has no effect"
		default:
			what = "has a cache cluster but no method settings with caching_enabled = true, so nothing is cached"
		}
		p.Report(st.Resource, fmt.Sprintf(
			"%s %s; every request, including identical repeated ones, is passed to the backend and billed",
			st.Addr, what))
	}
	return nil
}

// methodCaching reports whether some method settings of the stage enable
// caching, or the unknown that keeps it from being decided.
func methodCaching(st *graph.RestStage) (bool, string) {
	unknown := ""
	for _, ms := range st.MethodSettings {
		for _, b := range ms.Blocks("settings") {
			if b.Unknown() {
				if unknown == "" {
					unknown = "the for_each of a dynamic settings block of " + ms.Addr
				}
				continue
			}
			on, u := boolTrue(b.Attr("caching_enabled"))
			switch {
			case on && !ms.Uncertain:
				return true, ""
			case on:
				if unknown == "" {
					unknown = ms.UncertainExpr
				}
			case u != "" && unknown == "":
				unknown = u
			}
		}
	}
	if unknown == "" {
		for _, pd := range st.Undetermined {
			if pd.Resource.Type == "aws_api_gateway_method_settings" {
				return false, pd.Unknown
			}
		}
	}
	return false, unknown
}
