package graph

// Alarm is an aws_cloudwatch_metric_alarm instance. Which metric it
// watches is read by the monitoring rules, lazily: most alarms of a
// repository watch metrics no rule asks about.
type Alarm struct {
	*Resource
}

func (g *Graph) buildAlarms() {
	for _, r := range g.Resources("aws_cloudwatch_metric_alarm") {
		g.Alarms = append(g.Alarms, &Alarm{Resource: r})
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
