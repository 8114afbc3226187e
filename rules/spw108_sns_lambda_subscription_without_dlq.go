package rules

import (
	"fmt"
	"strings"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW108 reports SNS subscriptions of functions without a redrive policy.
var SPW108 = &lint.Rule{
	ID:       "SPW108",
	Name:     "sns-lambda-subscription-without-dlq",
	Severity: lint.Low,
	Summary:  "An SNS subscription to a function has no redrive policy, so messages SNS cannot deliver are lost.",
	Doc:      doc("SPW108"),
	Check:    checkSPW108,
}

func checkSPW108(p *lint.Pass) error {
	for _, s := range p.Graph.Resources("aws_sns_topic_subscription") {
		proto := s.Attr("protocol")
		protoUnknown := ""
		switch proto.State() {
		case graph.Unknown:
			protoUnknown = proto.Unknown()
		case graph.Known:
			if v, ok := proto.String(); !ok || v != "lambda" {
				continue
			}
		default:
			continue
		}
		set, unknown := spw102PolicySet(s.Attr("redrive_policy"))
		if set {
			continue
		}
		if protoUnknown != "" {
			// Whether this is a Lambda subscription is unknown; it
			// matters when the endpoint is a function.
			if spw108LambdaEndpoint(p.Graph, s.Attr("endpoint")) {
				p.ReportIf(graph.Maybe(protoUnknown), lint.Diagnostic{Resource: s})
			}
			continue
		}
		if unknown != "" {
			p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: s})
			continue
		}
		target := "its function"
		var related []lint.Related
		if fn, _ := p.Graph.ResolveFunction(s.Attr("endpoint")); fn != nil {
			target = fn.Addr
			related = append(related, rel(fn.Resource, "subscribed function"))
		}
		p.Report(lint.Diagnostic{Resource: s, Message: fmt.Sprintf(
			"%s delivers to %s without a redrive_policy; when the function is throttled or unavailable, SNS retries for a while and then drops the message: add a redrive_policy with an SQS dead-letter queue",
			s.Addr, target), Related: related})
	}
	return nil
}

// spw108LambdaEndpoint reports whether a subscription endpoint is a
// function of this configuration or a literal Lambda function ARN.
func spw108LambdaEndpoint(g *graph.Graph, v graph.Value) bool {
	if fn, _ := g.ResolveFunction(v); fn != nil {
		return true
	}
	str, ok := v.String()
	if !ok {
		return false
	}
	parts := strings.SplitN(str, ":", 7)
	return len(parts) >= 7 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function"
}
