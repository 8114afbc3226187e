package rules

import (
	"fmt"
	"strings"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW504 reports dead-letter queues without an alarm on their depth.
var SPW504 = &lint.Rule{
	ID:       "SPW504",
	Name:     "dlq-without-depth-alarm",
	Severity: lint.Low,
	Family:   "monitoring",
	Summary:  "A dead-letter queue has no alarm on its depth, so failed messages pile up unnoticed until they expire.",
	Doc:      doc("SPW504"),
	Check:    checkSPW504,
}

func checkSPW504(p *lint.Pass) error {
	users := spw504Users(p.Graph)
	pending := spw504Pending(p.Graph)
	for _, q := range p.Graph.Queues {
		dlqFor := users[q]
		isDLQ := graph.FactOf(len(dlqFor) > 0)
		if isDLQ.False() {
			// Not provably a DLQ: an unresolved reference may still name
			// it (but not the one in its own redrive policy).
			for _, pd := range pending {
				if pd.holder != q.Resource {
					isDLQ = graph.Maybe(pd.unknown)
					break
				}
			}
			if isDLQ.False() {
				continue
			}
		}
		fires := isDLQ.And(p.Graph.WatchesQueue("AWS/SQS", "ApproximateNumberOfMessagesVisible", q).Not())
		if !fires.True() {
			p.Undecided(q.Resource, fires)
			continue
		}
		related := make([]lint.Related, 0, len(dlqFor))
		for _, r := range dlqFor {
			related = append(related, rel(r, "uses it as a dead-letter queue or failure destination"))
		}
		p.Report(lint.Diagnostic{Resource: q.Resource, Message: fmt.Sprintf(
			"%s is a dead-letter queue or failure destination of %s but no aws_cloudwatch_metric_alarm watches AWS/SQS ApproximateNumberOfMessagesVisible for it (dimension QueueName); failed messages pile up unnoticed until they expire",
			q.Addr, dlqFor[0].Addr), Related: related})
	}
	return nil
}

// spw504Users returns, for each queue, the resources that use it as a
// dead-letter queue or failure destination: the graph's edges, plus the
// DLQ of an aws_sqs_queue_redrive_policy whose source queue is unknown
// (the DLQ is used whichever queue the policy is for).
func spw504Users(g *graph.Graph) map[*graph.Queue][]*graph.Resource {
	users := map[*graph.Queue][]*graph.Resource{}
	for _, q := range g.Queues {
		users[q] = append(users[q], q.DeadLetterFor...)
	}
	for _, pd := range g.UnresolvedRedrive {
		doc, ok := pd.Resource.Attr("redrive_policy").DecodeJSON()
		if !ok {
			continue
		}
		if dlq, _ := g.ResolveQueue(doc.Get("deadLetterTargetArn")); dlq != nil {
			users[dlq] = spw504Append(users[dlq], pd.Resource)
		}
	}
	return users
}

func spw504Append(rs []*graph.Resource, r *graph.Resource) []*graph.Resource {
	for _, x := range rs {
		if x == r {
			return rs
		}
	}
	return append(rs, r)
}

// spw504Ref is a reference to a dead-letter queue or failure destination
// that cannot be resolved: unknown is the expression, holder the queue
// whose own redrive policy holds it (a queue is not its own DLQ).
type spw504Ref struct {
	unknown string
	holder  *graph.Resource
}

// spw504Pending lists the references to a DLQ or failure destination
// whose target is unknown and may be a queue of this configuration: it
// comes from a variable, not from a reference to another resource (a
// topic, a function) or only from data sources (an existing queue
// elsewhere).
func spw504Pending(g *graph.Graph) []spw504Ref {
	var out []spw504Ref
	add := func(v graph.Value, holder *graph.Resource) {
		if !v.IsSet() {
			return
		}
		if q, t := g.ResolveQueue(v); q != nil || !t.Unresolved() {
			return
		}
		if len(v.RefAddrs()) > 0 {
			return
		}
		origins := v.Origins()
		external := len(origins) > 0
		for _, o := range origins {
			if !strings.HasPrefix(o, "data.") {
				external = false
			}
		}
		if external {
			return
		}
		out = append(out, spw504Ref{unknown: v.Unknown(), holder: holder})
	}
	redrive := func(v graph.Value, holder *graph.Resource) {
		doc, ok := v.DecodeJSON()
		if !ok {
			return
		}
		if doc.State() == graph.Unknown {
			if _, isObj := doc.Keys(); !isObj {
				add(v, holder)
				return
			}
		}
		add(doc.Get("deadLetterTargetArn"), holder)
	}
	for _, q := range g.Queues {
		if q.Redrive != nil && q.Redrive.DLQ == nil {
			redrive(q.Redrive.Policy, q.Resource)
		}
	}
	for _, pd := range g.UnresolvedRedrive {
		redrive(pd.Resource.Attr("redrive_policy"), nil)
	}
	for _, f := range g.Functions {
		for _, b := range f.Blocks("dead_letter_config") {
			add(b.Attr("target_arn"), nil)
		}
	}
	for _, ic := range g.InvokeConfigs {
		add(ic.OnFailure, nil)
	}
	for _, r := range g.Resources("aws_sns_topic_subscription") {
		redrive(r.Attr("redrive_policy"), nil)
	}
	for _, r := range g.Resources("aws_cloudwatch_event_target") {
		add(r.Path("dead_letter_config", "arn"), nil)
	}
	for _, m := range g.Mappings {
		add(m.Path("destination_config", "on_failure", "destination_arn"), nil)
	}
	return out
}
