package cli

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/spillway-iac/spillway/internal/textsafe"
	"github.com/spillway-iac/spillway/report"
)

// command describes a command for --help and spillway help.
type command struct {
	usage    string
	summary  string
	examples []string
	// flags returns the command's flag set, for the flag list; nil when
	// the command takes no flags.
	flags func() *pflag.FlagSet
}

// commands are the commands spillway help knows, by name.
func commands() map[string]command {
	return map[string]command{
		"scan": {
			usage:   "spillway scan [PATH ...] [flags]",
			summary: "Scan the Terraform/OpenTofu directories at PATH (default \".\"; a file means its directory) and report what the rules find.",
			examples: []string{
				"spillway scan .",
				"spillway scan --min-severity medium --fail-on high infra/",
				"spillway scan -f text -f sarif=spillway.sarif .",
				"spillway scan --only concurrency --only SPW1* --var-file prod.tfvars infra/",
				"spillway scan --write-baseline .spillway-baseline.json .",
				"spillway scan --diff .",
			},
			flags: func() *pflag.FlagSet { return scanFlagSet(&scanFlags{}) },
		},
		"rules": {
			usage:    "spillway rules [--format text|json|markdown] [-c FILE] [PATH]",
			summary:  "List the rules, and whether the config file (found from PATH, default \".\", or given with --config) enables them.",
			examples: []string{"spillway rules", "spillway rules --format json"},
			flags:    func() *pflag.FlagSet { return rulesFlagSet(new(string), new(string)) },
		},
		"explain": {
			usage:    "spillway explain SPWnnn",
			summary:  "Print a rule's page: what it detects, why it matters, a failing and a fixed example, how to suppress it. The rule may be given by ID (any case) or name.",
			examples: []string{"spillway explain SPW101", "spillway explain lambda-unreserved-concurrency"},
		},
		"init": {
			usage:    "spillway init [--force]",
			summary:  "Write a commented starter .spillway.hcl in the working directory, listing every rule and setting.",
			examples: []string{"spillway init"},
			flags: func() *pflag.FlagSet {
				fs := pflag.NewFlagSet("init", pflag.ContinueOnError)
				fs.Bool("force", false, "overwrite an existing .spillway.hcl")
				return fs
			},
		},
		"version": {
			usage:    "spillway version",
			summary:  "Print the version, the commit and the build date.",
			examples: []string{"spillway version"},
		},
		"graph": {
			usage:   "spillway graph [PATH ...] [flags]",
			summary: graphSummary,
			examples: []string{
				"spillway graph .",
				"spillway graph --format mermaid testdata/examples/shop",
				"spillway graph --format json -o graph.json infra/",
				"spillway graph --format dot . | dot -Tsvg > graph.svg",
			},
			flags: func() *pflag.FlagSet { return graphFlagSet(&scanFlags{}, new(string)) },
		},
		"help": {
			usage:    "spillway help [COMMAND]",
			summary:  "Print the help of a command.",
			examples: []string{"spillway help scan"},
		},
	}
}

// exitCodesHelp is the exit code table of every command's help.
const exitCodesHelp = `Exit codes:
  0  the command completed (for scan: no unsuppressed finding at or above --fail-on)
  1  scan: at least one unsuppressed finding at or above --fail-on
  2  a usage or config error, or some input could not be read, parsed or evaluated
`

// writeHelp writes the help of the command name.
func writeHelp(w io.Writer, name string) {
	c, ok := commands()[name]
	if !ok {
		usage(w)
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Usage:\n  %s\n\n%s\n", c.usage, c.summary)
	if c.flags != nil {
		fmt.Fprintf(&b, "\nFlags:\n%s", c.flags().FlagUsages())
	}
	if name == "scan" {
		fmt.Fprintf(&b, "\nFormats (--format): %s.\n", strings.Join(report.Formats, ", "))
		b.WriteString("Rules (--only, --enable, --disable): IDs in any case (SPW101), names (lambda-unreserved-concurrency),\n" +
			"families (async, concurrency, wiring, front-door, monitoring) or globs (SPW5*), comma-separated or repeated.\n")
	}
	fmt.Fprintf(&b, "\n%s\nExamples:\n", exitCodesHelp)
	for _, e := range c.examples {
		fmt.Fprintf(&b, "  %s\n", e)
	}
	_, _ = io.WriteString(w, b.String())
}

// runHelp is spillway help [COMMAND].
func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return ExitOK
	}
	if _, ok := commands()[args[0]]; !ok || len(args) > 1 {
		fmt.Fprintf(stderr, "spillway help: unknown command %q\n\n", textsafe.Sanitize(strings.Join(args, " ")))
		usage(stderr)
		return ExitError
	}
	writeHelp(stdout, args[0])
	return ExitOK
}

// parseArgs parses the arguments of the command name with fs. -h and
// --help print the command's help on stdout (exit 0); a flag error prints
// the error, a suggestion when a flag was misspelt, and a usage hint on
// stderr (exit 2). ok is false when the command is over.
func parseArgs(fs *pflag.FlagSet, name string, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	switch {
	case err == nil:
		return ExitOK, true
	case errors.Is(err, pflag.ErrHelp):
		writeHelp(stdout, name)
		return ExitOK, false
	}
	fmt.Fprintf(stderr, "spillway %s: %s\n", name, textsafe.Sanitize(err.Error()))
	if s := suggestFlag(fs, err); s != "" {
		fmt.Fprintf(stderr, "  did you mean %s?\n", s)
	}
	fmt.Fprintf(stderr, "Run \"spillway %s --help\" for the flags and examples.\n", name)
	return ExitError, false
}

// suggestFlag returns the flags whose names contain the unknown flag of
// err (--severity: --min-severity), or "".
func suggestFlag(fs *pflag.FlagSet, err error) string {
	msg := err.Error()
	_, name, ok := strings.Cut(msg, "unknown flag: --")
	if !ok || name == "" {
		return ""
	}
	name = strings.ToLower(name)
	var out []string
	fs.VisitAll(func(f *pflag.Flag) {
		if strings.Contains(f.Name, name) || strings.Contains(name, f.Name) {
			out = append(out, "--"+f.Name)
		}
	})
	sort.Strings(out)
	return strings.Join(out, " or ")
}
