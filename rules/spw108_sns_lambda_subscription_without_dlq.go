package rules

import (
	"fmt"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW108 reports SNS subscriptions of functions without a redrive policy.
var SPW108 = &lint.Rule{
	ID:       "SPW108",
	Name:     "sns-lambda-subscription-without-dlq",
	Severity: lint.Low,
	Family:   "async",
	Summary:  "An SNS subscription to a function has no redrive policy, so messages SNS cannot deliver are lost.",
	Doc:      doc("SPW108"),
	Check:    checkSPW108,
}

func checkSPW108(p *lint.Pass) error {
	for _, s := range p.Graph.Resources("aws_sns_topic_subscription") {
		proto := s.Attr("protocol")
		if proto.State() == graph.Unknown {
			if fn, _ := p.Graph.ResolveFunction(s.Attr("endpoint")); fn != nil && !hasRedrive(s) {
				p.Undetermined(s, proto.Unknown())
			}
			continue
		}
		if v, ok := proto.String(); !ok || v != "lambda" {
			continue
		}
		rp := s.Attr("redrive_policy")
		switch rp.State() {
		case graph.Unknown:
			p.Undetermined(s, rp.Unknown())
			continue
		case graph.Known:
			if !isBlank(rp) {
				continue
			}
		default:
		}
		target := "its function"
		var related []lint.Related
		if fn, _ := p.Graph.ResolveFunction(s.Attr("endpoint")); fn != nil {
			target = fn.Addr
			related = append(related, rel(fn.Resource, "subscribed function"))
		}
		p.Report(s, fmt.Sprintf(
			"%s delivers to %s without a redrive_policy; when the function is throttled or unavailable, SNS retries for a while and then drops the message: add a redrive_policy with an SQS dead-letter queue",
			s.Addr, target), related...)
	}
	return nil
}

func hasRedrive(r *graph.Resource) bool {
	v := r.Attr("redrive_policy")
	return v.State() == graph.Known && !isBlank(v)
}

func isBlank(v graph.Value) bool {
	s, ok := v.String()
	return ok && s == ""
}
