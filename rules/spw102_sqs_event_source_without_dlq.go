package rules

import (
	"fmt"
	"strings"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// SPW102 reports queues consumed by Lambda that have no redrive policy.
var SPW102 = &lint.Rule{
	ID:       "SPW102",
	Name:     "sqs-event-source-without-dlq",
	Severity: lint.High,
	Summary:  "A queue consumed by a Lambda event source mapping has no redrive policy (dead-letter queue).",
	Doc:      doc("SPW102"),
	Check:    checkSPW102,
}

func checkSPW102(p *lint.Pass) error {
	for _, q := range p.Graph.Queues {
		consumers, maybe := spw102Consumers(q)
		if len(consumers) == 0 && maybe == "" {
			continue
		}
		set, unknown := spw102HasRedrive(p.Graph, q)
		if set {
			continue
		}
		if unknown == "" && len(consumers) == 0 {
			// Only consumers that may not exist (unknown count or
			// for_each).
			unknown = maybe
		}
		if unknown != "" {
			p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: q.Resource})
			continue
		}
		related := make([]lint.Related, 0, len(consumers))
		for _, m := range consumers {
			related = append(related, rel(m.Resource, "event source mapping"))
		}
		retention := "the retention period"
		if n := q.Retention(); n.Known() {
			retention = "the retention period of " + seconds(n.N)
		}
		p.Report(lint.Diagnostic{Resource: q.Resource, Message: fmt.Sprintf(
			"%s is consumed by %s but has no redrive policy; a message that keeps failing is received again and again until %s ends and is then deleted unprocessed: add a redrive_policy with a dead-letter queue",
			q.Addr, consumers[0].Addr, retention), Related: related})
	}
	return nil
}

// spw102Consumers returns the event source mappings reading the queue that
// exist whenever the queue does, and the unknown expression behind the
// first one that may not exist (an unknown count or for_each).
func spw102Consumers(q *graph.Queue) (certain []*graph.Mapping, maybe string) {
	for _, m := range q.Consumers {
		if m.Exists().Undecided() && !q.Exists().Undecided() {
			if maybe == "" {
				maybe = m.Exists().Why
			}
			continue
		}
		certain = append(certain, m)
	}
	return certain, maybe
}

// spw102HasRedrive reports whether the queue provably has a redrive policy
// (its redrive_policy argument or an aws_sqs_queue_redrive_policy for it),
// and otherwise the unknown expression that might give it one. A policy
// whose content is unknown but that cannot be null (a jsonencode result, a
// template, a data source attribute) is set.
func spw102HasRedrive(g *graph.Graph, q *graph.Queue) (set bool, unknown string) {
	note := func(u string) {
		if unknown == "" && u != "" {
			unknown = u
		}
	}
	if s, u := spw102PolicySet(q.Attr("redrive_policy")); s {
		return true, ""
	} else if u != "" {
		note(u)
	}
	for _, r := range g.RedrivePolicyResources {
		rq, _ := g.ResolveQueue(r.Attr("queue_url"))
		if rq != q {
			continue
		}
		s, u := spw102PolicySet(r.Attr("redrive_policy"))
		switch {
		case s && r.Exists().Undecided() && !q.Exists().Undecided():
			note(r.Exists().Why)
		case s:
			return true, ""
		default:
			note(u)
		}
	}
	for _, pending := range g.UnresolvedRedrive {
		note(pending.Why)
	}
	return false, unknown
}

// spw102PolicySet reports whether a JSON policy argument is set (not null
// and not blank), or the unknown expression when that cannot be decided.
func spw102PolicySet(v graph.Value) (set bool, unknown string) {
	switch v.State() {
	case graph.Known:
		s, ok := v.String()
		return !ok || strings.TrimSpace(s) != "", ""
	case graph.Unknown:
		if v.NotNull() {
			return true, ""
		}
		return false, v.Unknown()
	default:
		return false, ""
	}
}
