package rules

import (
	"fmt"
	"sort"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// firstFunction returns the root module's first function in address
// order, the anchor of the account-wide monitoring rules. Functions that
// may not exist (an unknown count or for_each) are passed over while one
// that certainly exists follows; when none does, the first of them is
// returned, so that a finding on it becomes an undetermined check.
func firstFunction(g *graph.Graph) *graph.Function {
	var certain, uncertain []*graph.Function
	for _, f := range g.Functions {
		if f.Exists().Undecided() {
			uncertain = append(uncertain, f)
		} else {
			certain = append(certain, f)
		}
	}
	fns := certain
	if len(fns) == 0 {
		fns = uncertain
	}
	if len(fns) == 0 {
		return nil
	}
	sort.SliceStable(fns, func(i, j int) bool { return graph.CompareAddr(fns[i].Addr, fns[j].Addr) < 0 })
	return fns[0]
}

// monMatch is a three-valued answer: no, yes, or unknown.
type monMatch int

const (
	monNo monMatch = iota
	monYes
	monMaybe
)

// monMetric is one metric an alarm watches: the alarm's own
// namespace/metric_name/dimensions, or the metric block of one of its
// metric_query blocks. uncertain names the unknown that decides whether
// it exists at all (an alarm with an unknown count or for_each, a dynamic
// metric_query block with an unknown for_each).
type monMetric struct {
	ns, name graph.Value
	// dims reads the dimensions, only for metrics whose namespace and
	// name could match.
	dims      func() graph.Value
	uncertain string
}

func monMetrics(g *graph.Graph) []monMetric {
	return g.Memo("rules.monMetrics", func() any { return computeMonMetrics(g) }).([]monMetric)
}

func computeMonMetrics(g *graph.Graph) []monMetric {
	var out []monMetric
	for _, a := range g.Alarms {
		unc := ""
		if a.Exists().Undecided() {
			unc = a.Exists().Why
		}
		if a.Attr("metric_name").IsSet() || a.Attr("namespace").IsSet() {
			alarm := a
			out = append(out, monMetric{ns: a.Attr("namespace"), name: a.Attr("metric_name"), dims: func() graph.Value { return alarm.Attr("dimensions") }, uncertain: unc})
		}
		for _, q := range a.Blocks("metric_query") {
			qunc := unc
			if q.Unknown() && qunc == "" {
				qunc = "the for_each of a dynamic metric_query block of " + a.Addr
			}
			for _, m := range q.Blocks("metric") {
				munc := qunc
				if m.Unknown() && munc == "" {
					munc = "the for_each of a dynamic metric block of " + a.Addr
				}
				block := m
				out = append(out, monMetric{ns: m.Attr("namespace"), name: m.Attr("metric_name"), dims: func() graph.Value { return block.Attr("dimensions") }, uncertain: munc})
			}
		}
	}
	return out
}

// monString compares a namespace or metric name with the wanted one.
func monString(v graph.Value, want string) (monMatch, string) {
	switch v.State() {
	case graph.Unknown:
		return monMaybe, v.Unknown()
	case graph.Known:
		if s, ok := v.String(); ok && s == want {
			return monYes, ""
		}
	default:
	}
	return monNo, ""
}

// monWatches reports whether some alarm watches namespace/metric with
// dimensions that dims accepts. An alarm counts only when it certainly
// exists and every value that decides the match is known; otherwise the
// answer is MaybeWatched with the first unknown. An alarm whose known
// namespace or metric name differs never counts, whatever its unknowns.
func monWatches(g *graph.Graph, namespace, metric string, dims func(graph.Value) (monMatch, string)) (graph.Watch, string) {
	result, why := graph.NotWatched, ""
	for _, m := range monMetrics(g) {
		nsM, nsU := monString(m.ns, namespace)
		nmM, nmU := monString(m.name, metric)
		if nsM == monNo || nmM == monNo {
			continue
		}
		dM, dU := dims(m.dims())
		if dM == monNo {
			continue
		}
		if nsM == monYes && nmM == monYes && dM == monYes && m.uncertain == "" {
			return graph.Watched, ""
		}
		if result == graph.NotWatched {
			result = graph.MaybeWatched
			for _, u := range []string{nsU, nmU, dU, m.uncertain} {
				if u != "" {
					why = u
					break
				}
			}
		}
	}
	return result, why
}

// monDimension reads one dimension of an alarm: monYes with the value
// when the key is there, monNo when it is not (or there are no
// dimensions: empty reports that), monMaybe when the dimensions are
// unknown.
func monDimension(d graph.Value, key string) (found monMatch, v graph.Value, empty bool, unknown string) {
	switch d.State() {
	case graph.Absent, graph.Null:
		return monNo, graph.Value{}, true, ""
	default:
	}
	keys, ok := d.Keys()
	if !ok {
		if d.State() == graph.Unknown {
			return monMaybe, graph.Value{}, false, d.Unknown()
		}
		return monNo, graph.Value{}, false, ""
	}
	if len(keys) == 0 {
		return monNo, graph.Value{}, true, ""
	}
	v = d.Get(key)
	if v.State() == graph.Absent {
		return monNo, v, false, ""
	}
	return monYes, v, false, ""
}

// monWatchesFunction reports whether an alarm watches the metric for the
// function: dimension FunctionName naming it (by reference or by its
// literal name), or no dimensions at all (account-wide).
func monWatchesFunction(g *graph.Graph, namespace, metric string, f *graph.Function) (graph.Watch, string) {
	return monWatches(g, namespace, metric, func(d graph.Value) (monMatch, string) {
		found, v, empty, u := monDimension(d, "FunctionName")
		switch {
		case empty:
			return monYes, ""
		case found != monYes:
			return found, u
		}
		fn, t := g.ResolveFunction(v)
		switch {
		case fn != nil && fn == f:
			return monYes, ""
		case fn != nil || t.Resource != nil:
			return monNo, ""
		case t.Unresolved():
			return monMaybe, t.Why
		}
		// A known name that matches no function's known name: it may
		// still be this function's name if that is unknown.
		if n := f.Attr("function_name"); v.State() == graph.Known && n.State() == graph.Unknown {
			return monMaybe, n.Unknown()
		}
		return monNo, ""
	})
}

// monWatchesAnyFunction reports whether an alarm watches the metric
// account-wide, for a function that cannot be resolved (unknown):
// a per-function alarm may or may not be for it.
func monWatchesAnyFunction(g *graph.Graph, namespace, metric, unknown string) (graph.Watch, string) {
	return monWatches(g, namespace, metric, func(d graph.Value) (monMatch, string) {
		found, _, empty, u := monDimension(d, "FunctionName")
		switch {
		case empty:
			return monYes, ""
		case found == monYes:
			return monMaybe, unknown
		}
		return found, u
	})
}

// monWatchesQueue reports whether an alarm watches the metric for the
// queue: dimension QueueName naming it. Alarms without dimensions do not
// count.
func monWatchesQueue(g *graph.Graph, namespace, metric string, q *graph.Queue) (graph.Watch, string) {
	return monWatches(g, namespace, metric, func(d graph.Value) (monMatch, string) {
		found, v, _, u := monDimension(d, "QueueName")
		if found != monYes {
			return found, u
		}
		qq, t := g.ResolveQueue(v)
		switch {
		case qq != nil && qq == q:
			return monYes, ""
		case qq != nil || t.Resource != nil:
			return monNo, ""
		case t.Unresolved():
			return monMaybe, t.Why
		}
		if n := q.Attr("name"); v.State() == graph.Known && n.State() == graph.Unknown {
			return monMaybe, n.Unknown()
		}
		return monNo, ""
	})
}

// monWatchesAny reports whether some alarm watches the metric, with any
// dimensions.
func monWatchesAny(g *graph.Graph, namespace, metric string) (graph.Watch, string) {
	return monWatches(g, namespace, metric, func(graph.Value) (monMatch, string) { return monYes, "" })
}

// checkFunctionAlarm reports every function that no alarm watches for the
// AWS/Lambda metric, per function or account-wide (SPW501, SPW502).
func checkFunctionAlarm(p *lint.Pass, metric, what string) error {
	for _, f := range p.Graph.Functions {
		switch w, unknown := monWatchesFunction(p.Graph, "AWS/Lambda", metric, f); w {
		case graph.Watched:
			continue
		case graph.MaybeWatched:
			p.ReportIf(graph.Maybe(unknown), lint.Diagnostic{Resource: f.Resource})
			continue
		default:
		}
		p.Report(lint.Diagnostic{Resource: f.Resource, Message: fmt.Sprintf(
			"no aws_cloudwatch_metric_alarm watches AWS/Lambda %s for %s (dimension FunctionName) or account-wide; %s during a flood go unnoticed until users complain",
			metric, f.Addr, what)})

	}
	return nil
}
