// Package cli implements the spillway command line: flags, config, exit
// codes and the commands. A scan is validated here (flag values and
// combinations such as --diff with --fix are usage errors before any file
// is read), turned into internal/checker options, run by the checker and
// its result written as reports, diffs or fixes. Every file it writes
// (reports, baselines, fixes, the starter config) goes through
// internal/safewrite, and every file it reads on the user's behalf
// (config, var files, baselines) through internal/fsread. The whole CLI runs
// in-process with injected streams and environment, so tests drive it
// exactly as users do; Run also cancels the scan on Ctrl-C.
package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/config"
	"github.com/spillway-iac/spillway/internal/fsread"
	"github.com/spillway-iac/spillway/internal/safewrite"
	"github.com/spillway-iac/spillway/internal/textsafe"
	"github.com/spillway-iac/spillway/report"
	"github.com/spillway-iac/spillway/rules"
)

// Version is spillway's version.
const Version = "0.1.0"

// Exit codes of spec/cli.md.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitError    = 2
)

// Env is what the CLI reads from its process besides arguments and
// streams.
type Env struct {
	// Environ holds "KEY=VALUE" entries.
	Environ []string
	// Cwd is the working directory.
	Cwd string
	// IsTerminal reports whether a writer is a terminal.
	IsTerminal func(w io.Writer) bool
	// Now returns the current time (suppressions expire against it); nil
	// means time.Now.
	Now func() time.Time
	// ModuleFetcher, when set, replaces the module fetcher of a scan
	// (tests): download reports whether the network may be used. Nil
	// means the module cache of modules.go.
	ModuleFetcher func(download bool) eval.ModuleFetcher
}

// OSEnv returns the environment of the running process.
func OSEnv() Env {
	cwd, err := os.Getwd()
	if err != nil {
		cwd = "."
	}
	return Env{Environ: os.Environ(), Cwd: cwd, IsTerminal: isTerminal}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (e Env) get(key string) (string, bool) {
	for _, kv := range e.Environ {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v, true
		}
	}
	return "", false
}

// Run runs spillway with the process environment. An interrupt (Ctrl-C)
// or SIGTERM cancels ctx, which stops the scan's workers and evaluations
// and makes the exit code 2.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	return RunEnv(ctx, args, stdin, stdout, stderr, OSEnv())
}

// RunEnv runs spillway with an explicit environment.
func RunEnv(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer, env Env) int {
	// The rule catalog is compiled in and checked by rules.TestValidate
	// (IDs, names, settings, the structure of every page and its
	// examples); checking it again here parsed every documentation
	// example on each run, 20 ms before anything was scanned.
	if len(args) == 0 {
		usage(stderr)
		return ExitError
	}
	switch args[0] {
	case "scan":
		return runScan(ctx, args[1:], stdout, stderr, env)
	case "rules":
		return runRules(args[1:], stdout, stderr, env)
	case "graph":
		return runGraph(ctx, args[1:], stdout, stderr, env)
	case "explain":
		return runExplain(args[1:], stdout, stderr)
	case "init":
		return runInit(args[1:], stdout, stderr, env)
	case "version", "--version":
		return runVersion(stdout)
	case "help":
		return runHelp(args[1:], stdout, stderr)
	case "-h", "--help":
		usage(stdout)
		return ExitOK
	}
	fmt.Fprintf(stderr, "spillway: unknown command %q\n\n", args[0])
	usage(stderr)
	return ExitError
}

func usage(w io.Writer) {
	fmt.Fprint(w, `spillway finds serverless designs in Terraform and OpenTofu that turn a
traffic spike into an outage, a surprise bill or lost events.

Usage:
  spillway scan [PATH ...] [flags]   scan directories (default ".")
  spillway rules [--format text|json|markdown]
  spillway explain SPWnnn            print a rule's documentation
  spillway init [--force]            write a commented starter .spillway.hcl
  spillway graph [PATH ...] [flags]  who can reach each function and what saturates it
                                     (--format text|json|mermaid|dot)
  spillway version

Run "spillway help COMMAND" or "spillway COMMAND --help" for a command's flags,
exit codes and examples.
`)
}

// runInit writes the commented starter config file in the working
// directory.
func runInit(args []string, stdout, stderr io.Writer, env Env) int {
	fs := pflag.NewFlagSet("spillway init", pflag.ContinueOnError)
	force := fs.Bool("force", false, "overwrite an existing "+config.FileName)
	if code, ok := parseArgs(fs, "init", args, stdout, stderr); !ok {
		return code
	}
	// The starter file is written inside the working directory only: a
	// committed .spillway.hcl symlink that leads elsewhere is refused, and
	// the write is atomic.
	root, err := os.OpenRoot(env.Cwd)
	if err != nil {
		fmt.Fprintf(stderr, "spillway: %v\n", err)
		return ExitError
	}
	defer func() { _ = root.Close() }()
	if _, err := root.Lstat(config.FileName); err == nil && !*force {
		fmt.Fprintf(stderr, "spillway: %s already exists; use --force to overwrite it\n", config.FileName)
		return ExitError
	}
	if err := safewrite.WriteFile(safewrite.RootOps(root), config.FileName, config.Starter(rules.All), 0o644); err != nil {
		fmt.Fprintf(stderr, "spillway: %s\n", textsafe.Sanitize(err.Error()))
		return ExitError
	}
	fmt.Fprintf(stdout, "wrote %s: every rule and setting is listed, commented out; edit it to change what spillway reports\n", config.FileName)
	return ExitOK
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// loadConfig reads the config file given with --config, or the nearest
// .spillway.hcl from the scanned paths up to the repository root (see
// findConfig). It returns the config (nil when there is none: a nil
// config is empty), the directory its excludes are relative to, and
// ExitError after printing the problems when the file is invalid. debug,
// when not nil, is told which file was used and why.
func loadConfig(flag string, starts []string, env Env, stderr io.Writer, debug func(string, ...any)) (*config.Config, string, int) {
	p := flag
	if p == "" {
		found, err := findConfig(starts, env)
		if err != nil {
			fmt.Fprintf(stderr, "spillway: %s\n", textsafe.Sanitize(err.Error()))
			return nil, "", ExitError
		}
		if found == "" {
			if debug != nil {
				debug("config: no %s in the scanned path or its parents up to the repository root; rules at their defaults", config.FileName)
			}
			return nil, env.Cwd, ExitOK
		}
		p = found
		if debug != nil {
			debug("config: %s (found from the scanned path)", p)
		}
	} else {
		p = checker.AbsPath(env.Cwd, p)
		if debug != nil {
			debug("config: %s (--config)", p)
		}
	}
	src, err := readConfig(p, flag == "")
	if err != nil {
		fmt.Fprintf(stderr, "spillway: cannot read the config file: %s\n", textsafe.Sanitize(err.Error()))
		return nil, "", ExitError
	}
	name := p
	if rel, err := filepath.Rel(env.Cwd, p); err == nil {
		name = filepath.ToSlash(rel)
	}
	cfg, diags := config.Load(name, src, rules.All)
	if diags.HasErrors() {
		for _, d := range diags {
			pos := name
			if d.Subject != nil {
				pos = fmt.Sprintf("%s:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
			}
			fmt.Fprintf(stderr, "%s: error: %s\n  %s\n", report.Sanitize(pos), report.Sanitize(d.Summary), report.Sanitize(d.Detail))
		}
		return nil, "", ExitError
	}
	return cfg, filepath.Dir(p), ExitOK
}

// readConfig reads a config file: a regular file of at most
// config.MaxFileSize bytes. One that was found (not named with --config)
// is read through its directory as an os.Root, so a .spillway.hcl symlink
// that leads out of that directory (to a file of someone else's, to
// /dev/zero, to /dev/stdin) is refused instead of followed.
func readConfig(p string, found bool) ([]byte, error) {
	if !found {
		b, err := fsread.Path(p, config.MaxFileSize)
		if err != nil {
			return nil, fmt.Errorf("%w", err)
		}
		return b, nil
	}
	root, err := os.OpenRoot(filepath.Dir(p))
	if err != nil {
		return nil, fmt.Errorf("%w", err)
	}
	defer func() { _ = root.Close() }()
	b, err := fsread.File(root.FS(), filepath.Base(p), config.MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return b, nil
}

type output struct {
	format string
	file   string
}

func parseOutputs(formats []string, outFile string) ([]output, error) {
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	var outs []output
	plain := 0
	for _, f := range formats {
		name, file, hasFile := strings.Cut(f, "=")
		if _, err := report.New(name, report.Options{}); err != nil {
			return nil, fmt.Errorf("--format: %w", err)
		}
		if !hasFile {
			plain++
			file = outFile
		} else if file == "" {
			return nil, fmt.Errorf("--format %s: missing file name after =", f)
		}
		outs = append(outs, output{format: name, file: file})
	}
	if plain > 1 {
		return nil, fmt.Errorf("--format: only one format can go to stdout (or --output); write the others with FORMAT=FILE")
	}
	if plain == 0 && outFile != "" {
		return nil, fmt.Errorf("--output %s: every --format names its own file, so no report goes to --output", outFile)
	}
	written := map[string]string{}
	for _, o := range outs {
		if o.file == "" {
			continue
		}
		key := filepath.Clean(o.file)
		if prev, ok := written[key]; ok {
			return nil, fmt.Errorf("--format: the %s and %s reports would both be written to %s", prev, o.format, o.file)
		}
		written[key] = o.format
	}
	sort.SliceStable(outs, func(i, j int) bool { return outs[i].file != "" && outs[j].file == "" })
	return outs, nil
}

// write renders the report; opts.Color asks for colour, which only a
// terminal on stdout gets.
func (o output) write(res *report.Result, env Env, opts report.Options, stdout io.Writer) error {
	w := stdout
	opts.Color = opts.Color && o.file == "" && env.IsTerminal != nil && env.IsTerminal(stdout)
	if o.file != "" {
		rep, err := report.New(o.format, opts)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		// Rendered into a temporary file that replaces the report only
		// once complete: a failure leaves the old report (or none),
		// never half of one, and a large report is never held in
		// memory whole. A device such as /dev/null is written directly.
		var renderErr error
		err = safewrite.WritePathFunc(checker.AbsPath(env.Cwd, o.file), 0o644, func(w io.Writer) error {
			renderErr = rep.Write(w, res)
			return renderErr
		})
		if renderErr != nil {
			return fmt.Errorf("write %s report: %w", o.format, renderErr)
		}
		if err != nil {
			return fmt.Errorf("write %s report to %s: %w", o.format, o.file, err)
		}
		return nil
	}
	rep, err := report.New(o.format, opts)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := rep.Write(w, res); err != nil {
		return fmt.Errorf("write %s report: %w", o.format, err)
	}
	return nil
}
