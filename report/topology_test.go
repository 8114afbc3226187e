package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/internal/golden"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/report"
)

// topologySample is a hand-built result with two root modules covering
// every part of the graph renderings: each exposure class, known and
// unknown capacity, a block with two instances, loss thresholds and a
// protected edge, findings (one suppressed) and a root without functions.
func topologySample() *report.Result {
	known := func(pool string, conc, timeout int64, rps, cost float64) *graph.Capacity {
		return &graph.Capacity{Pool: pool, Concurrency: conc, TimeoutS: timeout, SaturationRPS: rps, CostPerHourUSD: cost, Known: true}
	}
	root := &graph.Topology{
		Root: ".",
		Nodes: []*graph.Node{
			{ID: "aws_api_gateway_rest_api.orders", Kind: "api", Exposure: graph.ExposurePublic, Why: "public route POST /orders", File: "main.tf", Line: 40},
			{ID: "aws_cloudwatch_event_rule.nightly", Kind: "schedule", Exposure: graph.ExposureInternal, Why: "schedule cron(0 3 * * ? *)", File: "main.tf", Line: 90},
			{ID: "aws_lambda_function.orders_api", Kind: "function", Exposure: graph.ExposurePublic, Why: "public route POST /orders", Capacity: known("shared", 900, 10, 90, 6.8148135), File: "main.tf", Line: 20},
			{ID: "aws_lambda_function.orphan", Kind: "function", Exposure: graph.ExposureUndetermined, Why: "function_name is var.name, which is unknown", Capacity: &graph.Capacity{}, File: "main.tf", Line: 120},
			{ID: "aws_lambda_function.report", Kind: "function", Exposure: graph.ExposureInternal, Why: "schedule aws_cloudwatch_event_rule.nightly", Capacity: known("reserved", 1, 900, 0.0011111, 0.0075), File: "main.tf", Line: 100},
			{ID: `aws_lambda_function.thumb["large"]`, Kind: "function", Exposure: graph.ExposureEvent, Why: "S3 notifications of aws_s3_bucket.uploads", Capacity: known("shared", 900, 60, 15, 27.0108), File: "main.tf", Line: 60},
			{ID: `aws_lambda_function.thumb["small"]`, Kind: "function", Exposure: graph.ExposureEvent, Why: "S3 notifications of aws_s3_bucket.uploads", Capacity: known("shared", 900, 60, 15, 27.0108), File: "main.tf", Line: 60},
			{ID: "aws_lambda_function.worker", Kind: "function", Exposure: graph.ExposurePublic, Why: "consumes aws_sqs_queue.jobs, which aws_lambda_function.orders_api writes", Capacity: known("reserved", 5, 300, 0.016666667, 0.04501), File: "main.tf", Line: 80},
			{ID: "aws_s3_bucket.uploads", Kind: "bucket", Exposure: graph.ExposureEvent, Why: "producers not in the configuration", File: "main.tf", Line: 50},
			{ID: "aws_sqs_queue.dlq", Kind: "queue", Exposure: graph.ExposureInternal, File: "main.tf", Line: 75},
			{ID: "aws_sqs_queue.jobs", Kind: "queue", Exposure: graph.ExposurePublic, Why: "written by aws_lambda_function.orders_api", File: "main.tf", Line: 70},
		},
		Edges: []*graph.Edge{
			{From: "aws_api_gateway_rest_api.orders", To: "aws_lambda_function.orders_api", Invocation: graph.InvokeSync},
			{From: "aws_cloudwatch_event_rule.nightly", To: "aws_lambda_function.report", Invocation: graph.InvokeAsync, Loss: &graph.Loss{HorizonS: 21600, RequestsToLoss: 24}},
			{From: "aws_lambda_function.orders_api", To: "aws_sqs_queue.jobs", Invocation: graph.InvokeSend},
			{From: "aws_s3_bucket.uploads", To: `aws_lambda_function.thumb["large"]`, Invocation: graph.InvokeAsync, Loss: &graph.Loss{ProtectedBy: "aws_sqs_queue.dlq"}},
			{From: "aws_s3_bucket.uploads", To: `aws_lambda_function.thumb["small"]`, Invocation: graph.InvokeAsync, Loss: &graph.Loss{HorizonS: 21600, RequestsToLoss: 324000}},
			{From: "aws_sqs_queue.jobs", To: "aws_lambda_function.worker", Invocation: graph.InvokePoll, Loss: &graph.Loss{HorizonS: 345600, RequestsToLoss: 5760}},
		},
	}
	empty := &graph.Topology{Root: "modules/empty"}
	return &report.Result{
		ToolName: "spillway", ToolVersion: "0.1.0",
		Roots:      []string{".", "modules/empty"},
		Topologies: []*graph.Topology{empty, root},
		Findings: []lint.Finding{
			{RuleID: "SPW201", RuleName: "lambda-unbounded-concurrency", Severity: lint.High, Resource: "aws_lambda_function.orders_api", Instances: []string{"aws_lambda_function.orders_api"}, Root: ".", Range: rng("main.tf", 20, 1, 28, 2), Message: "aws_lambda_function.orders_api has no reserved concurrency"},
			{RuleID: "SPW101", RuleName: "lambda-async-without-failure-destination", Severity: lint.High, Resource: `aws_lambda_function.thumb["small"]`, Instances: []string{`aws_lambda_function.thumb["small"]`}, Root: ".", Range: rng("main.tf", 60, 1, 66, 2), Message: "no failure destination"},
			{RuleID: "SPW501", RuleName: "lambda-no-error-alarm", Severity: lint.Medium, Resource: `aws_lambda_function.thumb["large"]`, Instances: []string{`aws_lambda_function.thumb["large"]`, `aws_lambda_function.thumb["small"]`}, Root: ".", Range: rng("main.tf", 60, 1, 66, 2), Message: "no error alarm"},
			{RuleID: "SPW102", RuleName: "sqs-consumer-without-dlq", Severity: lint.High, Resource: "aws_lambda_function.worker", Root: ".", Suppressed: true, Range: rng("main.tf", 80, 1, 88, 2), Message: "suppressed, so not marked"},
			{RuleID: "SPW201", RuleName: "lambda-unbounded-concurrency", Severity: lint.High, Resource: "aws_lambda_function.worker", Root: "other", Range: rng("other/main.tf", 1, 1, 2, 2), Message: "another root module's finding, so not marked"},
		},
	}
}

func renderGraph(t *testing.T, format string, r *report.Result) []byte {
	t.Helper()
	rep, err := report.NewGraph(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGraphGoldens(t *testing.T) {
	for _, format := range report.GraphFormats {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			got := renderGraph(t, format, topologySample())
			golden.Check(t, filepath.Join("..", "testdata", "report", "graph", "sample."+format+".golden"), got)
			if again := renderGraph(t, format, topologySample()); !bytes.Equal(got, again) {
				t.Errorf("two renderings of the same topology differ")
			}
			empty := renderGraph(t, format, &report.Result{})
			golden.Check(t, filepath.Join("..", "testdata", "report", "graph", "empty."+format+".golden"), empty)
		})
	}
}

func TestGraphUnknownFormat(t *testing.T) {
	if _, err := report.NewGraph("sarif"); err == nil || !strings.Contains(err.Error(), "text, json, mermaid, dot") {
		t.Errorf("NewGraph(sarif) = %v, want an error listing the formats", err)
	}
}

// TestMarkdownTopology checks that the markdown report carries the
// Mermaid diagram of its topologies, fenced, and nothing without them.
func TestMarkdownTopology(t *testing.T) {
	r := topologySample()
	got := render(t, "markdown", report.Options{}, r)
	golden.Check(t, filepath.Join("..", "testdata", "report", "markdown", "topology.markdown.golden"), got)
	mermaid := string(renderGraph(t, "mermaid", r))
	if !strings.Contains(string(got), "```mermaid\n"+mermaid+"```\n") {
		t.Errorf("the markdown report lacks the fenced Mermaid diagram:\n%s", got)
	}
	r.Topologies = nil
	if got := render(t, "markdown", report.Options{}, r); strings.Contains(string(got), "mermaid") {
		t.Errorf("a result without topologies has a diagram:\n%s", got)
	}
}

// TestGraphJSONSchema validates the JSON rendering against
// testdata/schema/graph.schema.json, which forbids unknown fields, and
// checks the shape the issue specifies on the sample: a capacity only for
// functions with known figures, rounded; loss as a threshold or a
// protection, never both.
func TestGraphJSONSchema(t *testing.T) {
	abs, err := filepath.Abs(filepath.Join("..", "testdata", "schema", "graph.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	sch, err := jsonschema.NewCompiler().Compile(abs)
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*report.Result{"sample": topologySample(), "empty": {}} {
		doc := renderGraph(t, "json", r)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: %v\n%s", name, err, doc)
		}
	}
	var got struct {
		Version int `json:"version"`
		Roots   []struct {
			Root  string
			Nodes []struct {
				ID       string
				Kind     string
				Exposure string
				Capacity *struct {
					Pool           string  `json:"pool"`
					Concurrency    int64   `json:"concurrency"`
					TimeoutS       int64   `json:"timeout_s"`
					SaturationRPS  float64 `json:"saturation_rps"`
					CostPerHourUSD float64 `json:"cost_per_hour_usd"`
				}
			}
			Edges []struct {
				From, To, Invocation string
				Loss                 map[string]any
			}
		}
	}
	if err := json.Unmarshal(renderGraph(t, "json", topologySample()), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || len(got.Roots) != 2 || got.Roots[0].Root != "." || got.Roots[1].Root != "modules/empty" {
		t.Fatalf("version %d, roots %+v: want version 1 and roots . and modules/empty in order", got.Version, got.Roots)
	}
	caps := map[string]string{}
	for _, n := range got.Roots[0].Nodes {
		if n.Capacity != nil {
			caps[n.ID] = strings.TrimSpace(string(must(json.Marshal(n.Capacity))))
		}
	}
	want := map[string]string{
		"aws_lambda_function.orders_api":     `{"pool":"shared","concurrency":900,"timeout_s":10,"saturation_rps":90,"cost_per_hour_usd":6.8148}`,
		"aws_lambda_function.report":         `{"pool":"reserved","concurrency":1,"timeout_s":900,"saturation_rps":0.0011,"cost_per_hour_usd":0.0075}`,
		`aws_lambda_function.thumb["large"]`: `{"pool":"shared","concurrency":900,"timeout_s":60,"saturation_rps":15,"cost_per_hour_usd":27.0108}`,
		`aws_lambda_function.thumb["small"]`: `{"pool":"shared","concurrency":900,"timeout_s":60,"saturation_rps":15,"cost_per_hour_usd":27.0108}`,
		"aws_lambda_function.worker":         `{"pool":"reserved","concurrency":5,"timeout_s":300,"saturation_rps":0.02,"cost_per_hour_usd":0.045}`,
	}
	for id, w := range want {
		if caps[id] != w {
			t.Errorf("capacity of %s = %s, want %s", id, caps[id], w)
		}
	}
	if len(caps) != len(want) {
		t.Errorf("capacities %v: want exactly those of the functions with known figures", caps)
	}
	for _, e := range got.Roots[0].Edges {
		_, protected := e.Loss["protected_by"]
		_, threshold := e.Loss["requests_to_loss"]
		if protected && threshold {
			t.Errorf("edge %s -> %s has both a threshold and a protection: %v", e.From, e.To, e.Loss)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// hostileTopology has names built to break each syntax: quotes, brackets,
// entity codes, Markdown fences, HTML, DOT escapes and control characters.
func hostileTopology() *report.Result {
	names := []string{
		"aws_lambda_function.q[\"a\\\"]b\"]",
		"aws_lambda_function.h[\"<br/><img src=x onerror=alert(1)>\"]",
		"aws_lambda_function.e[\"#quot; #35; &amp; ;\"]",
		"aws_lambda_function.m[\"```\\nend\\nflowchart\"]",
		"aws_lambda_function.d[\"\\\\N \\\\l \\\\\\\" }\"]",
		"aws_lambda_function.c[\"tab\there\nnew\x1b[31mline\"]",
		"aws_lambda_function.s[\"style x fill:#f00;\"]",
		"aws_sqs_queue.p[\"|pipe| -->|x| y\"]",
	}
	t := &graph.Topology{Root: "weird\"root\n```"}
	for _, n := range names {
		t.Nodes = append(t.Nodes, &graph.Node{ID: n, Kind: "function", Why: n})
	}
	t.Nodes[len(t.Nodes)-1].Kind = "queue"
	for _, n := range names[:len(names)-1] {
		t.Edges = append(t.Edges, &graph.Edge{From: names[len(names)-1], To: n, Invocation: graph.InvokePoll, Loss: &graph.Loss{ProtectedBy: n}})
	}
	return &report.Result{Topologies: []*graph.Topology{t}}
}

// TestMermaidStructure checks what a Mermaid parser would, without one:
// every subgraph ends, every edge joins declared nodes, identifiers are
// plain, every label is one quoted string without a quote, backtick,
// control character or HTML inside, and instances are collapsed.
func TestMermaidStructure(t *testing.T) {
	for name, r := range map[string]*report.Result{"sample": topologySample(), "hostile": hostileTopology()} {
		t.Run(name, func(t *testing.T) {
			out := string(renderGraph(t, "mermaid", r))
			checkMermaid(t, out)
		})
	}
	out := string(renderGraph(t, "mermaid", topologySample()))
	if !strings.Contains(out, `aws_lambda_function.thumb[*] ×2`) || strings.Contains(out, `thumb[#quot;small`) {
		t.Errorf("the instances of aws_lambda_function.thumb are not collapsed:\n%s", out)
	}
	if !strings.Contains(out, "⚠ 2 (SPW101, SPW501)") || !strings.Contains(out, "⚠ 1 (SPW201)") || strings.Contains(out, "SPW102") {
		t.Errorf("finding markers are wrong (want thumb ⚠ 2, orders_api ⚠ 1, no suppressed SPW102):\n%s", out)
	}
	if !strings.HasPrefix(out, "flowchart LR\n") {
		t.Errorf("not a left-to-right flowchart:\n%s", out)
	}
}

var (
	mermaidNode  = regexp.MustCompile(`^    (r\d+n\d+|r\d+empty)(\[|\[\(|\(\[)"([^"]*)"(\]|\)\]|\]\))(:::[a-z]+)?$`)
	mermaidEdge  = regexp.MustCompile(`^  (r\d+n\d+) -->\|"([^"]*)"\| (r\d+n\d+)$`)
	mermaidSub   = regexp.MustCompile(`^  subgraph (r\d+)\["([^"]*)"\]$`)
	mermaidClass = regexp.MustCompile(`^  classDef [a-z]+ [a-z0-9:#,\- ]+$`)
)

func checkMermaid(t *testing.T, out string) {
	t.Helper()
	declared := map[string]bool{}
	depth := 0
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "flowchart LR" {
		t.Errorf("first line %q", lines[0])
	}
	label := func(l string) {
		if strings.ContainsAny(l, "\"`<>\n\r\t\x1b") && !strings.Contains(l, "<br/>") {
			t.Errorf("unescaped character in label %q", l)
		}
		if strings.ContainsAny(strings.ReplaceAll(l, "<br/>", ""), "\"`<>\x1b") {
			t.Errorf("unescaped character in label %q", l)
		}
		// Only entity codes may use # and ;.
		rest := regexp.MustCompile(`#(quot|\d+);`).ReplaceAllString(l, "")
		if strings.ContainsAny(rest, "#;") {
			t.Errorf("a # or ; outside an entity code in label %q", l)
		}
	}
	for _, l := range lines[1:] {
		switch {
		case mermaidClass.MatchString(l):
		case mermaidSub.MatchString(l):
			depth++
			label(mermaidSub.FindStringSubmatch(l)[2])
		case l == "  end":
			depth--
			if depth < 0 {
				t.Errorf("end without subgraph")
			}
		case mermaidNode.MatchString(l):
			m := mermaidNode.FindStringSubmatch(l)
			if depth != 1 {
				t.Errorf("node %s outside a subgraph", m[1])
			}
			declared[m[1]] = true
			label(m[3])
		case mermaidEdge.MatchString(l):
			m := mermaidEdge.FindStringSubmatch(l)
			label(m[2])
			if !declared[m[1]] || !declared[m[3]] {
				t.Errorf("edge %q joins an undeclared node", l)
			}
		default:
			t.Errorf("unexpected line %q", l)
		}
	}
	if depth != 0 {
		t.Errorf("%d subgraphs not ended", depth)
	}
}

// TestMermaidParser parses the diagrams with Mermaid's own parser (the
// mermaid npm package, under jsdom) when SPILLWAY_MERMAID_DIR names a
// directory where `npm install mermaid jsdom` ran; .ci/run sets it up.
func TestMermaidParser(t *testing.T) {
	dir := os.Getenv("SPILLWAY_MERMAID_DIR")
	if dir == "" {
		t.Skip("SPILLWAY_MERMAID_DIR is not set: to validate with Mermaid's parser, run `npm install mermaid jsdom` in a directory and set it to that directory")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed; Mermaid's parser cannot run")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "mermaid")); err != nil {
		t.Skipf("no node_modules/mermaid in SPILLWAY_MERMAID_DIR=%s: run `npm install mermaid jsdom` there", dir)
	}
	// Bare imports of --eval code resolve from the working directory. One
	// node process parses every diagram (a JSON array on stdin) and
	// prints one error message, or "", per diagram.
	const script = `
import { JSDOM } from 'jsdom';
const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
let src = '';
for await (const chunk of process.stdin) src += chunk;
const out = [];
for (const d of JSON.parse(src)) {
  try { await mermaid.parse(d); out.push(''); } catch (e) { out.push(String((e && e.message) || e) || 'error'); }
}
process.stdout.write(JSON.stringify(out));
`
	names := []string{"broken", "sample", "hostile", "empty", "README"}
	diagrams := []string{"flowchart LR\n  a[\"x\" -->| b\n"}
	for _, r := range []*report.Result{topologySample(), hostileTopology(), {}} {
		diagrams = append(diagrams, string(renderGraph(t, "mermaid", r)))
	}
	// The picture of the shop example in the README (which
	// internal/cli's TestReadmeGraph keeps equal to spillway graph's).
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "```mermaid\n")
	if !ok {
		t.Fatal("README.md has no mermaid block")
	}
	block, _, _ = strings.Cut(block, "```")
	diagrams = append(diagrams, block)
	cmd := exec.Command(node, "--input-type=module", "--no-warnings", "-e", script)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(must(json.Marshal(diagrams)))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("running Mermaid's parser: %v\n%s", err, stderr.String())
	}
	var errs []string
	if err := json.Unmarshal(stdout.Bytes(), &errs); err != nil || len(errs) != len(diagrams) {
		t.Fatalf("Mermaid harness output %q: %v", stdout.String(), err)
	}
	// The harness must reject a broken diagram, or it proves nothing.
	if errs[0] == "" {
		t.Fatal("Mermaid's parser accepted a broken diagram: the harness does not work")
	}
	for i := 1; i < len(diagrams); i++ {
		if errs[i] != "" {
			t.Errorf("%s: Mermaid rejects the diagram: %s\n%s", names[i], errs[i], diagrams[i])
		}
	}
}

// TestDOTStructure checks the DOT rendering: quoted IDs and labels whose
// only escapes are \" \\ and the \n between label lines, one cluster per
// root, left to right; and, when Graphviz is installed, that dot accepts
// it.
func TestDOTStructure(t *testing.T) {
	for name, r := range map[string]*report.Result{"sample": topologySample(), "hostile": hostileTopology(), "empty": {}} {
		t.Run(name, func(t *testing.T) {
			out := renderGraph(t, "dot", r)
			s := string(out)
			if !strings.HasPrefix(s, "digraph spillway {\n  rankdir=LR;\n") || !strings.HasSuffix(s, "}\n") {
				t.Errorf("not a left-to-right digraph:\n%s", s)
			}
			str := regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)
			rest := str.ReplaceAllStringFunc(s, func(q string) string {
				inner := q[1 : len(q)-1]
				for i := 0; i < len(inner); i++ {
					if inner[i] == '\\' {
						i++
						if i >= len(inner) || !strings.ContainsRune(`"\n`, rune(inner[i])) {
							t.Errorf("escape other than \\\" \\\\ \\n in %s", q)
						}
					}
				}
				if strings.ContainsAny(inner, "\n\r\x1b") {
					t.Errorf("control character in %q", q)
				}
				return `""`
			})
			if strings.ContainsAny(rest, "<>[]`") && strings.Contains(rest, "<") {
				t.Errorf("HTML-like label outside quotes:\n%s", rest)
			}
			if n := strings.Count(rest, "{"); n != strings.Count(rest, "}") {
				t.Errorf("unbalanced braces outside strings:\n%s", rest)
			}
			dot, err := exec.LookPath("dot")
			if err != nil {
				return
			}
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = bytes.NewReader(out)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Errorf("dot rejects the graph: %v %s\n%s", err, stderr.String(), s)
			}
		})
	}
}

// TestGraphTextOrder checks the table: public functions first, then
// authenticated, event, internal and undetermined, each by address;
// figures unknown shown as ?, the lowest loss threshold and the
// protections of each function.
func TestGraphTextOrder(t *testing.T) {
	out := string(renderGraph(t, "text", topologySample()))
	var order []string
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 1 && strings.HasPrefix(f[0], "aws_lambda_function.") {
			order = append(order, f[0]+" "+f[1])
		}
	}
	want := []string{
		"aws_lambda_function.orders_api public",
		"aws_lambda_function.worker public",
		`aws_lambda_function.thumb["large"] event`,
		`aws_lambda_function.thumb["small"] event`,
		"aws_lambda_function.report internal",
		"aws_lambda_function.orphan undetermined",
	}
	if strings.Join(order, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(order, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range []string{"5,760 in 4d", "324,000 in 6h", "aws_sqs_queue.dlq", "$6.8148", "0.02 rps", "Root module modules/empty: 0 functions"} {
		if !strings.Contains(out, s) {
			t.Errorf("table lacks %q:\n%s", s, out)
		}
	}
}

// TestMarkdownLargeDiagram: a diagram GitHub would refuse to render is
// replaced by a sentence that says how to get it.
func TestMarkdownLargeDiagram(t *testing.T) {
	tp := &graph.Topology{Root: "."}
	for i := range 600 {
		tp.Nodes = append(tp.Nodes, &graph.Node{ID: "aws_lambda_function.f" + strings.Repeat("x", 60) + string(rune('a'+i%26)) + strings.Repeat("y", i/26), Kind: "function"})
	}
	got := string(render(t, "markdown", report.Options{}, &report.Result{Topologies: []*graph.Topology{tp}}))
	if strings.Contains(got, "```mermaid") || !strings.Contains(got, "larger than GitHub renders") {
		t.Errorf("a diagram over %d characters is included:\n%.500s", report.MaxMermaidSize, got)
	}
}
