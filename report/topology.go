package report

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// This file holds what the renderings of `spillway graph` share: the
// formats, the order of roots, nodes and edges, the findings of a node,
// and the collapsing of a block's instances into one node (mermaid, dot).
// Each format lives in its own file: topology_text.go, topology_json.go,
// topology_mermaid.go, topology_dot.go. They read Result.Topologies and,
// for the markers on nodes, Result.Findings.

// GraphFormats lists the formats of spillway graph.
var GraphFormats = []string{"text", "json", "mermaid", "dot"}

// NewGraph returns the reporter of a spillway graph format. It renders
// r.Topologies, one per root module, and marks each node with the
// unsuppressed findings of r.Findings about it.
func NewGraph(format string) (Reporter, error) {
	switch format {
	case "text":
		return TopologyText{}, nil
	case "json":
		return TopologyJSON{}, nil
	case "mermaid":
		return Mermaid{}, nil
	case "dot":
		return DOT{}, nil
	}
	return nil, fmt.Errorf("unknown graph format %q (want one of %s)", format, strings.Join(GraphFormats, ", "))
}

// topologies returns the topologies sorted by root, each with its nodes
// and edges sorted (nodes by address in Terraform's order, edges by From,
// To, Invocation), without changing the caller's values.
func topologies(ts []*graph.Topology) []*graph.Topology {
	var out []*graph.Topology
	for _, t := range ts {
		if t == nil {
			continue
		}
		c := &graph.Topology{Root: t.Root}
		for _, n := range t.Nodes {
			if n != nil {
				c.Nodes = append(c.Nodes, n)
			}
		}
		for _, e := range t.Edges {
			if e != nil {
				c.Edges = append(c.Edges, e)
			}
		}
		sort.SliceStable(c.Nodes, func(i, j int) bool { return graph.CompareAddr(c.Nodes[i].ID, c.Nodes[j].ID) < 0 })
		sort.SliceStable(c.Edges, func(i, j int) bool { return edgeLess(c.Edges[i], c.Edges[j]) })
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Root < out[j].Root })
	return out
}

func edgeLess(a, b *graph.Edge) bool {
	if c := graph.CompareAddr(a.From, b.From); c != 0 {
		return c < 0
	}
	if c := graph.CompareAddr(a.To, b.To); c != 0 {
		return c < 0
	}
	return a.Invocation < b.Invocation
}

// nodeFindings maps the address of every node of t that an unsuppressed
// finding of t's root module is about to the indexes of those findings.
// A finding about a resource that is not a node (a bucket notification,
// an event source mapping, an integration) marks the nodes among its
// related resources instead, so that no finding of the root goes
// unmarked when something it involves is drawn.
func nodeFindings(findings []lint.Finding, t *graph.Topology) map[string][]int {
	isNode := map[string]bool{}
	for _, n := range t.Nodes {
		isNode[n.ID] = true
	}
	out := map[string][]int{}
	for i, f := range findings {
		if f.Suppressed {
			continue
		}
		var addrs []string
		if len(f.RootInstances) > 0 {
			for _, in := range f.RootInstances {
				if in.Root == t.Root {
					addrs = append(addrs, in.Address)
				}
			}
		} else if f.Root == t.Root {
			addrs = f.Instances
			if len(addrs) == 0 {
				addrs = []string{f.Resource}
			}
		}
		if len(addrs) == 0 {
			continue
		}
		drawn := false
		for _, a := range addrs {
			drawn = drawn || isNode[a]
		}
		if !drawn {
			addrs = nil
			for _, rel := range f.Related {
				if isNode[rel.Resource] {
					addrs = append(addrs, rel.Resource)
				}
			}
		}
		seen := map[string]bool{}
		for _, a := range addrs {
			if a == "" || seen[a] {
				continue
			}
			seen[a] = true
			out[a] = append(out[a], i)
		}
	}
	return out
}

// findingMarker is the marker of a node with findings: "⚠ 2 (SPW101,
// SPW201)", how many findings and their rules; "" without findings.
func findingMarker(findings []lint.Finding, idx map[int]bool) string {
	if len(idx) == 0 {
		return ""
	}
	ids := map[string]bool{}
	for i := range idx {
		ids[findings[i].RuleID] = true
	}
	return fmt.Sprintf("⚠ %d (%s)", len(idx), strings.Join(sortedSet(ids), ", "))
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// collapseAddr replaces every instance key of a Terraform address by
// [*]: aws_lambda_function.f["a"] and aws_lambda_function.f["b"] are both
// aws_lambda_function.f[*]. Keys are skipped with their quoting, so a key
// holding "]" or "." does not split the address.
func collapseAddr(addr string) string {
	if !strings.Contains(addr, "[") {
		return addr
	}
	var b strings.Builder
	for i := 0; i < len(addr); {
		c := addr[i]
		if c != '[' {
			b.WriteByte(c)
			i++
			continue
		}
		k := i + 1
		if k < len(addr) && addr[k] == '"' {
			k++
			for k < len(addr) && addr[k] != '"' {
				if addr[k] == '\\' {
					k++
				}
				k++
			}
			k++
		}
		for k < len(addr) && addr[k] != ']' {
			k++
		}
		b.WriteString("[*]")
		i = k + 1
	}
	return b.String()
}

// group is one node of a collapsed topology: every instance of one block.
type group struct {
	key      string
	nodes    []*graph.Node
	exposure graph.Exposure
	findings map[int]bool
}

// label is the group's name: the address, or the collapsed address with
// the number of instances.
func (g *group) label() string {
	if len(g.nodes) == 1 {
		return g.nodes[0].ID
	}
	return fmt.Sprintf("%s ×%d", g.key, len(g.nodes))
}

// kind is the kind of the group's nodes.
func (g *group) kind() string { return g.nodes[0].Kind }

// saturation is the saturation rate the instances share, when they all
// have a known one and it is the same.
func (g *group) saturation() (float64, bool) {
	var rps float64
	for i, n := range g.nodes {
		c := n.Capacity
		if c == nil || !c.Known || !finite(c.SaturationRPS) {
			return 0, false
		}
		if i > 0 && c.SaturationRPS != rps {
			return 0, false
		}
		rps = c.SaturationRPS
	}
	return rps, true
}

// groupEdge is every edge between two groups with one invocation.
type groupEdge struct {
	from, to   int
	invocation graph.Invocation
	// loss is the smallest number of requests that loses events over the
	// edges that are not protected; 0 when every edge is protected or
	// none can lose events.
	loss int64
}

// collapsed is a topology whose nodes are groups.
type collapsed struct {
	root   string
	groups []*group
	edges  []groupEdge
}

// collapse groups the instances of each block of t into one node, with
// the exposure the group has, the findings about any of its instances,
// and the edges between groups.
func collapse(t *graph.Topology, findings []lint.Finding) *collapsed {
	c := &collapsed{root: t.Root}
	byKey := map[string]int{}
	byNode := map[string]int{}
	marks := nodeFindings(findings, t)
	for _, n := range t.Nodes {
		key := collapseAddr(n.ID)
		gi, ok := byKey[key]
		if !ok {
			gi = len(c.groups)
			byKey[key] = gi
			c.groups = append(c.groups, &group{key: key, findings: map[int]bool{}})
		}
		g := c.groups[gi]
		g.nodes = append(g.nodes, n)
		byNode[n.ID] = gi
		for _, i := range marks[n.ID] {
			g.findings[i] = true
		}
	}
	for _, g := range c.groups {
		g.exposure = groupExposure(g.nodes)
	}
	type ekey struct {
		from, to int
		inv      graph.Invocation
	}
	at := map[ekey]int{}
	for _, e := range t.Edges {
		from, okf := byNode[e.From]
		to, okt := byNode[e.To]
		if !okf || !okt {
			continue
		}
		k := ekey{from, to, e.Invocation}
		i, ok := at[k]
		if !ok {
			i = len(c.edges)
			at[k] = i
			c.edges = append(c.edges, groupEdge{from: from, to: to, invocation: e.Invocation})
		}
		if l := e.Loss; l != nil && l.ProtectedBy == "" && l.RequestsToLoss > 0 {
			if c.edges[i].loss == 0 || l.RequestsToLoss < c.edges[i].loss {
				c.edges[i].loss = l.RequestsToLoss
			}
		}
	}
	return c
}

// groupExposure is the exposure of a block from its instances': the
// highest, unless an undetermined instance could be higher than every
// determined one.
func groupExposure(nodes []*graph.Node) graph.Exposure {
	top, undetermined := graph.ExposureUndetermined, false
	for _, n := range nodes {
		if n.Exposure == graph.ExposureUndetermined {
			undetermined = true
		}
		top = max(top, n.Exposure)
	}
	if undetermined && top != graph.ExposurePublic {
		return graph.ExposureUndetermined
	}
	return top
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// round rounds f to the given number of decimals.
func round(f float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(f*p) / p
}

// thousands writes n with thousands separators: 1,152,000.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// seconds writes a duration in seconds in the largest unit that divides
// it: 345600 is 4d, 21600 is 6h, 90 is 90s.
func seconds(s int64) string {
	switch {
	case s > 0 && s%86400 == 0:
		return fmt.Sprintf("%dd", s/86400)
	case s > 0 && s%3600 == 0:
		return fmt.Sprintf("%dh", s/3600)
	case s > 0 && s%60 == 0 && s >= 600:
		return fmt.Sprintf("%dm", s/60)
	}
	return fmt.Sprintf("%ds", s)
}

// roundRate rounds a request rate to two decimals, or below 0.01 to two
// significant digits, so that a slow function's rate is not shown as 0:
// 16.666 is 16.67, 0.0011111 is 0.0011.
func roundRate(f float64) float64 {
	if f <= 0 || f >= 0.01 || !finite(f) {
		return round(f, 2)
	}
	return round(f, 1-int(math.Floor(math.Log10(f))))
}

// rps writes a request rate rounded by roundRate: 16.67, 100, 0.0011.
func rps(f float64) string {
	return strconv.FormatFloat(roundRate(f), 'f', -1, 64)
}

// lines are the lines of a group's label: its name; its kind and
// exposure, with the saturation rate of a function; its findings.
func (g *group) lines(findings []lint.Finding) []string {
	out := []string{g.label()}
	second := g.kind() + " · " + g.exposure.String()
	if r, ok := g.saturation(); ok && g.kind() == "function" {
		second += " · " + rps(r) + " rps"
	}
	out = append(out, second)
	if m := findingMarker(findings, g.findings); m != "" {
		out = append(out, m)
	}
	return out
}

// label is the label of a collapsed edge: its invocation, and the fewest
// requests that lose events over it when it is not protected.
func (e groupEdge) label() string {
	if e.loss > 0 {
		return string(e.invocation) + " · loss at " + thousands(e.loss)
	}
	return string(e.invocation)
}

// exposureStyle is how a diagram draws an exposure class: fill and stroke
// colours, and a dashed border for undetermined.
type exposureStyle struct {
	fill, stroke string
	dashed       bool
}

// exposureClasses are the exposure classes from the highest reach to
// undetermined, in the order diagrams declare their styles.
func exposureClasses() []graph.Exposure {
	return []graph.Exposure{graph.ExposurePublic, graph.ExposureAuthenticated, graph.ExposureEvent, graph.ExposureInternal, graph.ExposureUndetermined}
}

// styleOf is how diagrams draw an exposure class: public red,
// authenticated orange, event yellow, internal grey, undetermined white
// with a dashed border.
func styleOf(e graph.Exposure) exposureStyle {
	switch e {
	case graph.ExposurePublic:
		return exposureStyle{fill: "#f8d0d0", stroke: "#c62828"}
	case graph.ExposureAuthenticated:
		return exposureStyle{fill: "#ffe0b2", stroke: "#ef6c00"}
	case graph.ExposureEvent:
		return exposureStyle{fill: "#fff59d", stroke: "#f9a825"}
	case graph.ExposureInternal:
		return exposureStyle{fill: "#e0e0e0", stroke: "#757575"}
	case graph.ExposureUndetermined:
	}
	return exposureStyle{fill: "#ffffff", stroke: "#757575", dashed: true}
}

// isStore reports whether a kind holds events (drawn as a cylinder).
func isStore(kind string) bool {
	switch kind {
	case "queue", "topic", "stream", "table", "bucket":
		return true
	}
	return false
}
