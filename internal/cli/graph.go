package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/safewrite"
	"github.com/spillway-iac/spillway/internal/textsafe"
	"github.com/spillway-iac/spillway/report"
)

// graphSummary is what spillway graph --help says before the flags.
const graphSummary = `Shows who can reach each function and what it takes to saturate it or make
it lose events, per root module. PATHs, variables, the config file and
modules are handled as by spillway scan; the rules run too, and nodes with
findings are marked. The command exits 0 when the graph was written, and 2
on a usage error or input that could not be read, parsed or evaluated (what
could be analyzed is still written); findings never change its exit code.

Formats (--format):
  text     a table per root module, one row per function: exposure, entry
           points, pool, concurrency, timeout, saturation rate, cost per
           hour saturated, loss threshold and what protects it
  json     {"version":1,"roots":[{"root":DIR,"nodes":[...],"edges":[...]}]}
  mermaid  a Mermaid flowchart (GitHub renders it in a mermaid code block)
  dot      a Graphviz digraph (dot -Tsvg)`

// graphFlagSet declares the flags of spillway graph: the loading flags
// of scan and --format.
func graphFlagSet(sf *scanFlags, format *string) *pflag.FlagSet {
	fs := pflag.NewFlagSet("spillway graph", pflag.ContinueOnError)
	fs.StringVarP(format, "format", "f", "text", "output `FORMAT`: "+strings.Join(report.GraphFormats, ", "))
	sf.addLoadFlags(fs)
	return fs
}

// parseGraphFlags parses the arguments of spillway graph: the loading
// flags of scan and --format. It returns false with the exit code when
// the command is over (--help, a syntax error).
func parseGraphFlags(args []string, stdout, stderr io.Writer) (*scanFlags, string, int, bool) {
	sf := &scanFlags{minSeverity: "low", failOn: "none"}
	var format string
	fs := graphFlagSet(sf, &format)
	if code, ok := parseArgs(fs, "graph", args, stdout, stderr); !ok {
		return nil, "", code, false
	}
	sf.paths = fs.Args()
	if len(sf.paths) == 0 {
		sf.paths = []string{"."}
	}
	return sf, format, ExitOK, true
}

// runGraph runs spillway graph: the scan's loading and rules, then the
// topologies in one format. Findings never change its exit code; input
// errors are printed on stderr and make it 2, after the graph of what
// could be analyzed is written.
func runGraph(ctx context.Context, args []string, stdout, stderr io.Writer, env Env) int {
	sf, format, code, ok := parseGraphFlags(args, stdout, stderr)
	if !ok {
		return code
	}
	rep, err := report.NewGraph(format)
	if err != nil {
		return fail(stderr, "--format: %v", err)
	}
	if err := sf.validate(env); err != nil {
		return fail(stderr, "%v", err)
	}
	debug := sf.debugf(stderr)
	cfg, cfgDir, code := loadConfig(sf.config, sf.configStarts(), env, stderr, debug)
	if code != ExitOK {
		return code
	}
	sf.applyConfig(cfg, cfgDir, env, debug)
	if sf.evalArgs, err = sf.evalVarArgs(ctx, env); err != nil {
		return fail(stderr, "%v", err)
	}
	opts, err := sf.checkerOptions(cfg, cfgDir, env, stderr)
	if err != nil {
		return fail(stderr, "%v", err)
	}
	fetcher, closeFetcher, err := moduleFetcher(env, sf.download || cfg.DownloadModules())
	if err != nil {
		return fail(stderr, "%v", err)
	}
	defer closeFetcher()
	opts.Eval.Fetcher = fetcher
	res, err := checker.RunTopologies(ctx, opts, buildTopology(opts.Settings))
	if err != nil {
		if ctx.Err() != nil {
			return fail(stderr, "graph stopped (%v); nothing written", ctx.Err())
		}
		return fail(stderr, "%v", err)
	}
	res.ToolName, res.ToolVersion = "spillway", Build().Version
	var buf bytes.Buffer
	if err := rep.Write(&buf, res); err != nil {
		return fail(stderr, "write %s graph: %v", format, err)
	}
	if sf.output != "" {
		// Written atomically: a failure leaves the old file, never half
		// of one.
		if err := safewrite.WritePath(checker.AbsPath(env.Cwd, sf.output), buf.Bytes(), 0o644); err != nil {
			return fail(stderr, "write %s graph to %s: %v", format, sf.output, err)
		}
	} else if _, err := stdout.Write(buf.Bytes()); err != nil {
		return fail(stderr, "write %s graph: %v", format, err)
	}
	errs := res.Errors()
	for _, d := range errs {
		pos := "spillway"
		if d.Subject != nil {
			pos = fmt.Sprintf("%s:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
		}
		fmt.Fprintf(stderr, "%s: error: %s\n", textsafe.Sanitize(pos), textsafe.Sanitize(strings.TrimSpace(d.Summary+". "+d.Detail)))
	}
	if len(errs) > 0 {
		return ExitError
	}
	return ExitOK
}

// run runs the scan: with the topologies of the root modules when a
// report shows them (markdown), without otherwise.
func (sf *scanFlags) run(ctx context.Context, opts checker.Options) (*report.Result, error) {
	for _, o := range sf.outputs {
		if o.format == "markdown" {
			return checker.RunTopologies(ctx, opts, buildTopology(opts.Settings))
		}
	}
	return checker.Run(ctx, opts)
}
