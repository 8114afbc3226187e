package graph

// Metric is one metric an alarm watches: its own metric_name/namespace/
// dimensions, or a metric_query's metric block.
type Metric struct {
	Namespace  Value
	Name       Value
	Dimensions Value
}

// Alarm is an aws_cloudwatch_metric_alarm instance.
type Alarm struct {
	*Resource
	Metrics []Metric
}

func (g *Graph) buildAlarms() {
	for _, r := range g.Resources("aws_cloudwatch_metric_alarm") {
		a := &Alarm{Resource: r}
		if r.Attr("metric_name").IsSet() || r.Attr("namespace").IsSet() {
			a.Metrics = append(a.Metrics, Metric{Namespace: r.Attr("namespace"), Name: r.Attr("metric_name"), Dimensions: r.Attr("dimensions")})
		}
		for _, q := range r.Blocks("metric_query") {
			for _, m := range q.Blocks("metric") {
				a.Metrics = append(a.Metrics, Metric{Namespace: m.Attr("namespace"), Name: m.Attr("metric_name"), Dimensions: m.Attr("dimensions")})
			}
		}
		g.Alarms = append(g.Alarms, a)
	}
	g.Budgets = g.Resources("aws_budgets_budget")
}

// Watch is the answer to "does some alarm watch this metric".
type Watch int

// The answers.
const (
	NotWatched Watch = iota
	Watched
	MaybeWatched
)

// WatchesFunction reports whether an alarm watches the metric for the
// function: namespace and metric name match and either there are no
// dimensions (account-wide) or the FunctionName dimension names the
// function. unknown describes the first unknown value that kept the answer
// from being definite.
func (g *Graph) WatchesFunction(namespace, metric string, f *Function) (Watch, string) {
	return g.watches(namespace, metric, "FunctionName", true, func(v Value) (bool, bool) {
		fn, t := g.ResolveFunction(v)
		if fn != nil {
			return fn == f, true
		}
		return false, !t.Unknown
	})
}

// WatchesQueue reports whether an alarm watches the metric for the queue
// (dimension QueueName).
func (g *Graph) WatchesQueue(namespace, metric string, q *Queue) (Watch, string) {
	return g.watches(namespace, metric, "QueueName", false, func(v Value) (bool, bool) {
		qq, t := g.ResolveQueue(v)
		if qq != nil {
			return qq == q, true
		}
		return false, !t.Unknown
	})
}

// WatchesAny reports whether some alarm watches the metric at all, for any
// dimensions.
func (g *Graph) WatchesAny(namespace, metric string) (Watch, string) {
	return g.watches(namespace, metric, "", true, func(Value) (bool, bool) { return true, true })
}

func (g *Graph) watches(namespace, metric, dim string, accountWide bool, match func(Value) (bool, bool)) (Watch, string) {
	result, why := NotWatched, ""
	maybe := func(s string) {
		if result == NotWatched {
			result, why = MaybeWatched, s
		}
	}
	for _, a := range g.Alarms {
		for _, m := range a.Metrics {
			ns, ok1 := m.Namespace.String()
			name, ok2 := m.Name.String()
			if !ok1 || !ok2 {
				if m.Namespace.State() == Unknown {
					maybe(m.Namespace.Unknown())
				} else if m.Name.State() == Unknown {
					maybe(m.Name.Unknown())
				}
				continue
			}
			if ns != namespace || name != metric {
				continue
			}
			if dim == "" {
				return Watched, ""
			}
			switch m.Dimensions.State() {
			case Absent, Null:
				if accountWide {
					return Watched, ""
				}
				continue
			case Unknown:
				if _, ok := m.Dimensions.Keys(); !ok {
					maybe(m.Dimensions.Unknown())
					continue
				}
			default:
			}
			keys, _ := m.Dimensions.Keys()
			if len(keys) == 0 {
				if accountWide {
					return Watched, ""
				}
				continue
			}
			d := m.Dimensions.Get(dim)
			if d.State() == Absent {
				continue
			}
			hit, known := match(d)
			if hit {
				return Watched, ""
			}
			if !known {
				maybe(d.Unknown())
			}
		}
	}
	return result, why
}
