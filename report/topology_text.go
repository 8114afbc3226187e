package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spillway-iac/spillway/graph"
)

// TopologyText writes spillway graph's table: per root module, one row per
// function with its exposure, the entry points that reach it, its
// capacity, what it takes to lose its events and what protects them;
// public functions first, then by address.
type TopologyText struct{}

// Write implements Reporter.
func (TopologyText) Write(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	ts := topologies(r.Topologies)
	if len(ts) == 0 {
		fmt.Fprintln(bw, "No root modules.")
	}
	for i, t := range ts {
		if i > 0 {
			fmt.Fprintln(bw)
		}
		writeTopologyTable(bw, t)
	}
	return bw.Flush()
}

func writeTopologyTable(w io.Writer, t *graph.Topology) {
	var fns []*graph.Node
	for _, n := range t.Nodes {
		if n.Kind == "function" {
			fns = append(fns, n)
		}
	}
	sort.SliceStable(fns, func(i, j int) bool {
		if fns[i].Exposure != fns[j].Exposure {
			return fns[i].Exposure > fns[j].Exposure
		}
		return graph.CompareAddr(fns[i].ID, fns[j].ID) < 0
	})
	fmt.Fprintf(w, "Root module %s: %d %s\n", Sanitize(t.Root), len(fns), pluralize(len(fns), "function", "functions"))
	if len(fns) == 0 {
		return
	}
	in := map[string][]*graph.Edge{}
	for _, e := range t.Edges {
		in[e.To] = append(in[e.To], e)
	}
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "FUNCTION\tEXPOSURE\tENTRY POINTS\tPOOL\tCONCURRENCY\tTIMEOUT\tSATURATION\tCOST/HOUR\tLOSS AT\tPROTECTED BY\tWHY")
	for _, n := range fns {
		pool, conc, timeout, sat, cost := "?", "?", "?", "?", "?"
		if c := n.Capacity; c != nil && c.Known {
			pool, conc, timeout = c.Pool, thousands(c.Concurrency), seconds(c.TimeoutS)
			if finite(c.SaturationRPS) {
				sat = rps(c.SaturationRPS) + " rps"
			}
			if finite(c.CostPerHourUSD) {
				cost = fmt.Sprintf("$%s", money(c.CostPerHourUSD))
			}
		}
		lossAt, protected := lossOf(in[n.ID])
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			cell(n.ID), n.Exposure, cell(orDash(strings.Join(entryPoints(n.ID, in), ", "))),
			cell(pool), conc, timeout, sat, cost, lossAt, cell(orDash(strings.Join(protected, ", "))), cell(orDash(n.Why)))
	}
	_ = tw.Flush()
}

// cell sanitizes text from scanned code for a tabwriter cell: a tab
// would start a new column.
func cell(s string) string { return Sanitize(s) }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// money writes a cost in dollars with four decimals at most.
func money(f float64) string {
	return fmt.Sprintf("%.4f", round(f, 4))
}

// lossOf summarizes the edges into a function: the fewest requests that
// lose events over an unprotected edge, with the horizon ("1,152,000 in
// 4d"), and the addresses that protect the others.
func lossOf(edges []*graph.Edge) (string, []string) {
	var best *graph.Loss
	protected := map[string]bool{}
	for _, e := range edges {
		l := e.Loss
		switch {
		case l == nil:
		case l.ProtectedBy != "":
			protected[l.ProtectedBy] = true
		case best == nil || l.RequestsToLoss < best.RequestsToLoss:
			best = l
		}
	}
	at := "-"
	if best != nil {
		at = thousands(best.RequestsToLoss)
		if best.HorizonS > 0 {
			at += " in " + seconds(best.HorizonS)
		}
	}
	return at, sortedSet(protected)
}

// entryPoints returns the nodes without incoming edges from which work
// reaches id, sorted.
func entryPoints(id string, in map[string][]*graph.Edge) []string {
	seen := map[string]bool{id: true}
	var out []string
	queue := []string{id}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, e := range in[cur] {
			if seen[e.From] {
				continue
			}
			seen[e.From] = true
			if len(in[e.From]) == 0 {
				out = append(out, e.From)
			}
			queue = append(queue, e.From)
		}
	}
	sort.Slice(out, func(i, j int) bool { return graph.CompareAddr(out[i], out[j]) < 0 })
	return out
}
