package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
)

// Mermaid writes the topologies as one Mermaid flowchart (GitHub renders
// it in a ```mermaid block): entry points on the left, one subgraph per
// root module, the instances of a block collapsed into one node, exposure
// as the node's colour and findings as a "⚠ N (IDs)" line in its label.
// Every label is quoted and its text escaped with Mermaid's entity codes,
// so names from scanned code cannot end a label or add statements.
type Mermaid struct{}

// Write implements Reporter.
func (Mermaid) Write(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	writeMermaid(bw, r.Topologies, r.Findings)
	return bw.Flush()
}

// writeMermaid writes the flowchart of ts, without a fence.
func writeMermaid(w io.Writer, ts []*graph.Topology, findings []lint.Finding) {
	fmt.Fprintln(w, "flowchart LR")
	for _, e := range exposureClasses() {
		s := styleOf(e)
		def := fmt.Sprintf("fill:%s,stroke:%s,color:#000000", s.fill, s.stroke)
		if s.dashed {
			def += ",stroke-dasharray:5 5"
		}
		fmt.Fprintf(w, "  classDef %s %s\n", e, def)
	}
	var edges []string
	for ri, t := range topologies(ts) {
		c := collapse(t, findings)
		id := func(gi int) string { return fmt.Sprintf("r%dn%d", ri, gi) }
		fmt.Fprintf(w, "  subgraph r%d[\"%s\"]\n", ri, mermaidText("root module "+t.Root))
		if len(c.groups) == 0 {
			// An empty subgraph is valid, but says nothing: name it.
			fmt.Fprintf(w, "    r%dempty[\"%s\"]\n", ri, mermaidText("no functions"))
		}
		for gi, g := range c.groups {
			open, close := mermaidShape(g.kind())
			lines := g.lines(findings)
			for i, l := range lines {
				lines[i] = mermaidText(l)
			}
			fmt.Fprintf(w, "    %s%s\"%s\"%s:::%s\n", id(gi), open, strings.Join(lines, "<br/>"), close, g.exposure)
		}
		fmt.Fprintln(w, "  end")
		for _, e := range c.edges {
			edges = append(edges, fmt.Sprintf("  %s -->|\"%s\"| %s", id(e.from), mermaidText(e.label()), id(e.to)))
		}
	}
	for _, e := range edges {
		fmt.Fprintln(w, e)
	}
}

// mermaidShape returns the brackets of a node of a kind: a rectangle for
// a function, a cylinder for what holds events, a stadium for entry
// points and rules.
func mermaidShape(kind string) (string, string) {
	switch {
	case kind == "function":
		return "[", "]"
	case isStore(kind):
		return "[(", ")]"
	}
	return "([", "])"
}

// mermaidText escapes text for a quoted Mermaid label: control characters
// become visible escapes, and the characters that could end the string,
// start an entity, or be read as HTML or Markdown become Mermaid entity
// codes (#quot; and #NN;), which Mermaid turns back into the characters.
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range Sanitize(s) {
		switch r {
		case '"':
			b.WriteString("#quot;")
		case '#', '&', '<', '>', '`', ':', ';':
			fmt.Fprintf(&b, "#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
