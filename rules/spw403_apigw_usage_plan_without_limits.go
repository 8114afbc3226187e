package rules

import (
	"fmt"
	"strings"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW403 reports usage plans without a quota or without throttling.
var SPW403 = &lint.Rule{
	ID:       "SPW403",
	Name:     "apigw-usage-plan-without-limits",
	Severity: lint.Medium,
	Summary:  "An API Gateway usage plan lacks a quota or a throttle, so one API key can send unlimited requests.",
	Doc:      doc("SPW403"),
	Check:    checkSPW403,
}

func checkSPW403(p *lint.Pass) error {
	for _, up := range p.Graph.UsagePlans {
		var missing []string
		unknown := ""
		for _, name := range []string{"quota_settings", "throttle_settings"} {
			blocks := up.Blocks(name)
			switch {
			case len(blocks) == 0:
				missing = append(missing, name)
			case blocks[0].Unknown():
				if unknown == "" {
					unknown = "the for_each of a dynamic " + name + " block"
				}
			}
		}
		if len(missing) == 0 {
			if unknown != "" {
				p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: up.Resource})
			}
			continue
		}
		p.Report(lint.Diagnostic{Resource: up.Resource, Message: fmt.Sprintf(
			"%s has no %s; each API key on the plan can send %s, and every request reaches the backend and the bill: add both quota_settings and throttle_settings",
			up.Addr, strings.Join(missing, " and no "), consequence(missing))})

	}
	return nil
}

func consequence(missing []string) string {
	if len(missing) == 2 {
		return "requests without a daily or monthly cap and at any rate"
	}
	if missing[0] == "quota_settings" {
		return "requests without a daily or monthly cap"
	}
	return "requests at any rate up to the stage and account limits"
}
