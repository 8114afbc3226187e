package rules

import (
	"fmt"
	"strings"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW201 reports functions without reserved concurrency, with the
// severity of the function's exposure: high on a public path, medium on an
// authenticated or event path (or an undetermined one), low when internal
// or untriggered.
var SPW201 = &lint.Rule{
	ID:       "SPW201",
	Name:     "lambda-unreserved-concurrency",
	Severity: spw201Severity,
	Summary:  "A function has no reserved concurrency, so one burst can take the whole account's concurrency.",
	Doc:      doc("SPW201"),
	Settings: []*lint.Setting{priceX86, priceARM, priceRequest},
	Check:    checkSPW201,
}

// spw201Severity is SPW201's catalog severity, the one of an undetermined
// exposure; a configured severity other than it replaces the exposure's.
const spw201Severity = lint.Medium

func checkSPW201(p *lint.Pass) error {
	for _, f := range p.Graph.Functions {
		v := f.ReservedConcurrency()
		what := "has no reserved_concurrent_executions"
		// The spec is attached whatever the state: internal/fix edits
		// only a block that lacks the argument, and for a function in a
		// module the user does not own whose argument is var.NAME the
		// scan turns it into setting NAME on the module call.
		fix := []lint.FixSpec{{
			Description: "Reserve concurrency with reserved_concurrent_executions = 10, a starting point: adjust it to the function's peak concurrency (about requests per second x average duration in seconds)",
			Attribute:   "reserved_concurrent_executions",
			Value:       "10",
		}}
		switch v.State() {
		case graph.Unknown:
			p.ReportIf(graph.Maybe(v.Unknown()), lint.Diagnostic{Resource: f.Resource})
			continue
		case graph.Null:
			what = "sets reserved_concurrent_executions to null"
		case graph.Known:
			n, ok := v.Int()
			if !ok || n != -1 {
				continue
			}
			what = "sets reserved_concurrent_executions = -1 (unreserved)"
		case graph.Absent:
		}
		exp, why := p.Graph.FunctionExposure(f)
		var related []lint.Related
		_, public := f.InvokedBy(graph.SyncPublic)
		for _, t := range public {
			related = append(related, rel(t.Source, "synchronous public trigger"))
		}
		c := p.Graph.FunctionCapacity(f, TopologyOptions(p))
		sev := exposureSeverity(exp)
		if p.Rule.Severity != spw201Severity {
			// A severity set in .spillway.hcl replaces the exposure's.
			sev = 0
		}
		p.Report(lint.Diagnostic{Severity: sev, Resource: f.Resource, Message: fmt.Sprintf(
			"%s %s and %s; %s", f.Addr, what, reachPhrase(exp, why), saturationPhrase(c, p.Int(accountConcurrencyLimit))),
			Fix: fix, Related: related})
	}
	return nil
}

// The Lambda prices, in pico-dollars (1e-12 USD) so that they are whole
// numbers like every setting. SPW201 owns them: its message quotes the
// bill of an hour at saturation.
var (
	priceX86 = &lint.Setting{
		Name: "price_gb_second_x86_64_picousd",
		Doc: "The price of one GB-second of Lambda duration on x86_64, in pico-dollars " +
			"(1e-12 USD); the default is the us-east-1 on-demand price, $0.0000166667.",
		Default: graph.DefaultPricing.GBSecondX86,
		Min:     0,
	}
	priceARM = &lint.Setting{
		Name: "price_gb_second_arm64_picousd",
		Doc: "The price of one GB-second of Lambda duration on arm64, in pico-dollars; " +
			"the default is the us-east-1 on-demand price, $0.0000133334.",
		Default: graph.DefaultPricing.GBSecondARM,
		Min:     0,
	}
	priceRequest = &lint.Setting{
		Name: "price_request_picousd",
		Doc: "The price of one Lambda request, in pico-dollars; the default is " +
			"$0.20 per million requests.",
		Default: graph.DefaultPricing.Request,
		Min:     0,
	}
)

// TopologyOptions are the account limit and prices of a pass's settings,
// for graph.Graph.FunctionCapacity and graph.Graph.Topology.
func TopologyOptions(p *lint.Pass) graph.TopologyOptions { return TopologyOptionsOf(p.Settings) }

// TopologyOptionsOf is TopologyOptions for settings read from
// .spillway.hcl outside a pass (the graph command).
func TopologyOptionsOf(settings lint.Settings) graph.TopologyOptions {
	return graph.TopologyOptions{
		AccountLimit: settings.Int(accountConcurrencyLimit),
		Pricing: graph.Pricing{
			GBSecondX86: settings.Int(priceX86),
			GBSecondARM: settings.Int(priceARM),
			Request:     settings.Int(priceRequest),
		},
	}
}

// exposureSeverity is SPW201's severity for an exposure.
func exposureSeverity(e graph.Exposure) lint.Severity {
	switch e {
	case graph.ExposurePublic:
		return lint.High
	case graph.ExposureInternal:
		return lint.Low
	case graph.ExposureAuthenticated, graph.ExposureEvent, graph.ExposureUndetermined:
	}
	return lint.Medium
}

// reachPhrase says who can drive the function.
func reachPhrase(e graph.Exposure, why string) string {
	switch e {
	case graph.ExposurePublic, graph.ExposureAuthenticated, graph.ExposureEvent:
		return "is reachable from the " + why
	case graph.ExposureInternal:
		if why == graph.NoTrigger {
			return "has " + why
		}
		return "is internal (" + why + ")"
	case graph.ExposureUndetermined:
	}
	return "its exposure is undetermined (" + why + ")"
}

// saturationPhrase says what saturates the function and what an hour of
// it costs.
func saturationPhrase(c *graph.Capacity, limit int64) string {
	if c == nil || !c.Known {
		return fmt.Sprintf("a burst can take all of the account's %d concurrent executions and throttle every other function", limit)
	}
	return fmt.Sprintf("%s slow requests per second hold all %d executions of the account's unreserved pool and throttle every other function (about $%.2f an hour while saturated)",
		formatRate(c.SaturationRPS), c.Concurrency, c.CostPerHourUSD)
}

// formatRate writes a rate with no decimals from 10 up, one below.
func formatRate(r float64) string {
	if r >= 10 {
		return fmt.Sprintf("%.0f", r)
	}
	s := fmt.Sprintf("%.1f", r)
	return strings.TrimSuffix(s, ".0")
}
