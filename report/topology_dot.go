package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// DOT writes the topologies as one Graphviz digraph: entry points on the
// left (rankdir=LR), one cluster per root module, the instances of a
// block collapsed into one node, exposure as the fill colour (a dashed
// border when undetermined) and findings as a "⚠ N (IDs)" line in the
// label. Every ID and label is a quoted string with " and \ escaped.
type DOT struct{}

// Write implements Reporter.
func (DOT) Write(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "digraph spillway {")
	fmt.Fprintln(bw, `  rankdir=LR;`)
	fmt.Fprintln(bw, `  node [shape=box, style="rounded,filled", fontname="Helvetica"];`)
	fmt.Fprintln(bw, `  edge [fontname="Helvetica", fontsize=10];`)
	var edges []string
	for ri, t := range topologies(r.Topologies) {
		c := collapse(t, r.Findings)
		id := func(gi int) string { return dotString(fmt.Sprintf("r%dn%d", ri, gi)) }
		fmt.Fprintf(bw, "  subgraph %s {\n", dotString(fmt.Sprintf("cluster_%d", ri)))
		fmt.Fprintf(bw, "    label=%s;\n", dotString("root module "+t.Root))
		for gi, g := range c.groups {
			s := styleOf(g.exposure)
			style := "rounded,filled"
			if s.dashed {
				style += ",dashed"
			}
			shape := "box"
			switch {
			case g.kind() == "function":
			case isStore(g.kind()):
				shape = "cylinder"
			default:
				shape = "oval"
			}
			lines := g.lines(r.Findings)
			for i, l := range lines {
				lines[i] = dotEscape(l)
			}
			fmt.Fprintf(bw, "    %s [label=\"%s\", shape=%s, style=%s, fillcolor=%s, color=%s];\n",
				id(gi), strings.Join(lines, `\n`), shape, dotString(style), dotString(s.fill), dotString(s.stroke))
		}
		fmt.Fprintln(bw, "  }")
		for _, e := range c.edges {
			edges = append(edges, fmt.Sprintf("  %s -> %s [label=%s];", id(e.from), id(e.to), dotString(e.label())))
		}
	}
	for _, e := range edges {
		fmt.Fprintln(bw, e)
	}
	fmt.Fprintln(bw, "}")
	return bw.Flush()
}

// dotString quotes s as a DOT string.
func dotString(s string) string { return `"` + dotEscape(s) + `"` }

// dotEscape escapes text for the inside of a DOT quoted string: " and \
// (so that Graphviz's label escapes such as \N or \l cannot be formed by
// scanned names), and control characters become visible escapes first.
func dotEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(Sanitize(s))
}
