// Package cli implements the spillway command line: flags, the scan
// orchestration, exit codes and the other commands. The whole CLI runs
// in-process with injected streams and environment, so tests drive it
// exactly as users do.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/config"
	"github.com/spillway-iac/spillway/internal/fix"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/parser"
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

// Run runs spillway with the process environment.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return RunEnv(ctx, args, stdin, stdout, stderr, OSEnv())
}

// RunEnv runs spillway with an explicit environment.
func RunEnv(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer, env Env) int {
	if err := lint.Validate(rules.Catalog); err != nil {
		fmt.Fprintf(stderr, "spillway: internal error: %v\n", err)
		return ExitError
	}
	if len(args) == 0 {
		usage(stderr)
		return ExitError
	}
	switch args[0] {
	case "scan":
		return runScan(ctx, args[1:], stdout, stderr, env)
	case "rules":
		return runRules(args[1:], stdout, stderr)
	case "explain":
		return runExplain(args[1:], stdout, stderr)
	case "init":
		return runInit(args[1:], stdout, stderr, env)
	case "version", "--version":
		fmt.Fprintf(stdout, "spillway %s\n", Version)
		return ExitOK
	case "help", "-h", "--help":
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
  spillway version

Run "spillway scan --help" for the scan flags.
`)
}

type scanFlags struct {
	formats       []string
	output        string
	softFail      bool
	only          []string
	enable        []string
	disable       []string
	jobs          int
	debug         bool
	minSeverity   string
	failOn        string
	exclude       []string
	allDirs       bool
	noColor       bool
	root          string
	config        string
	baseline      string
	writeBaseline string
	timeout       time.Duration
	diff          bool
	fix           bool
	maxFileSize   int64
}

// varFlag records --var and --var-file in command-line order.
type varFlag struct {
	kind string
	list *[]varArg
}

type varArg struct{ kind, value string }

func (v *varFlag) String() string { return "" }
func (v *varFlag) Type() string {
	if v.kind == "file" {
		return "FILE"
	}
	return "NAME=VALUE"
}

func (v *varFlag) Set(s string) error {
	*v.list = append(*v.list, varArg{kind: v.kind, value: s})
	return nil
}

func runScan(ctx context.Context, args []string, stdout, stderr io.Writer, env Env) int {
	var sf scanFlags
	var ordered []varArg
	fs := pflag.NewFlagSet("spillway scan", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringArrayVarP(&sf.formats, "format", "f", nil, "output format: text, json (repeatable; FORMAT=FILE writes that format to FILE)")
	fs.StringVarP(&sf.output, "output", "o", "", "write the report to `FILE` instead of stdout")
	fs.BoolVar(&sf.softFail, "soft-fail", false, "exit 0 even with findings (errors still exit 2)")
	fs.StringArrayVar(&sf.only, "only", nil, "run only this rule `ID` (repeatable)")
	fs.StringArrayVar(&sf.enable, "enable", nil, "enable rule `ID` (repeatable)")
	fs.StringArrayVar(&sf.disable, "disable", nil, "disable rule `ID` (repeatable)")
	fs.IntVarP(&sf.jobs, "jobs", "j", runtime.NumCPU(), "number of root modules analyzed in parallel")
	fs.BoolVar(&sf.debug, "debug", false, "print what was loaded, skipped and left unknown, with timings, on stderr")
	fs.StringVar(&sf.minSeverity, "min-severity", "low", "do not report findings below this severity: low, medium, high")
	fs.StringVar(&sf.failOn, "fail-on", "low", "exit 1 on findings at or above: low, medium, high, none")
	fs.Var(&varFlag{kind: "var", list: &ordered}, "var", "set a root module variable (repeatable)")
	fs.Var(&varFlag{kind: "file", list: &ordered}, "var-file", "read variable values from a tfvars file (repeatable)")
	fs.StringArrayVar(&sf.exclude, "exclude", nil, "do not scan paths matching `GLOB` (repeatable)")
	fs.BoolVar(&sf.allDirs, "all-dirs", false, "also analyze called modules as standalone root modules")
	fs.StringVar(&sf.root, "root", "", "scan the tree at `DIR`; PATHs then select the directories to analyze, and a called module is analyzed through its callers (for pre-commit)")
	fs.BoolVar(&sf.noColor, "no-color", false, "never colour the output (NO_COLOR is honoured too)")
	fs.StringVarP(&sf.config, "config", "c", "", "config `FILE` (default: .spillway.hcl in the current directory or the nearest parent)")
	fs.StringVar(&sf.baseline, "baseline", "", "report the findings listed in `FILE` as suppressed")
	fs.StringVar(&sf.writeBaseline, "write-baseline", "", "write the fingerprints of the current findings to `FILE`")
	fs.BoolVar(&sf.diff, "diff", false, "print the suggested fixes as a unified diff instead of the report; write nothing")
	fs.BoolVar(&sf.fix, "fix", false, "apply the suggested fixes to the files in place")
	fs.DurationVar(&sf.timeout, "timeout", 60*time.Second, "give up on a root module whose analysis takes longer than this (0: no limit)")
	fs.Int64Var(&sf.maxFileSize, "max-file-size", parser.DefaultMaxFileSize, "largest file read, in `BYTES`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		return ExitError
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "spillway: "+format+"\n", a...)
		return ExitError
	}
	minSev, err := lint.ParseSeverity(sf.minSeverity)
	if err != nil {
		return usageErr("--min-severity: %v", err)
	}
	failOn := lint.Severity(0)
	if sf.failOn != "none" {
		if failOn, err = lint.ParseSeverity(sf.failOn); err != nil {
			return usageErr("--fail-on: %v (or none)", err)
		}
	}
	cfg, cfgDir, code := loadConfig(sf.config, env, stderr)
	if code != ExitOK {
		return code
	}
	selected, err := selectRules(cfg, sf.only, sf.enable, sf.disable)
	if err != nil {
		return usageErr("%v", err)
	}
	outputs, err := parseOutputs(sf.formats, sf.output)
	if err != nil {
		return usageErr("%v", err)
	}
	flagExcludes, err := newExcludeSet(env.Cwd, sf.exclude, "--exclude")
	if err != nil {
		return usageErr("%v", err)
	}
	cfgExcludes, err := newExcludeSet(cfgDir, cfg.Exclude(), "exclude")
	if err != nil {
		return usageErr("%s: %v", cfg.Path(), err)
	}
	exclude := excluder(flagExcludes, cfgExcludes)
	var varArgs []eval.VarArg
	for _, a := range ordered {
		if a.kind == "var" {
			varArgs = append(varArgs, eval.VarArg{Assign: a.value})
			continue
		}
		p := absPath(env.Cwd, a.value)
		b, err := os.ReadFile(p)
		if err != nil {
			return usageErr("--var-file: %v", err)
		}
		varArgs = append(varArgs, eval.VarArg{File: parser.ParseVarFile(a.value, b)})
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	opts := ScanOptions{
		Paths:       paths,
		Cwd:         env.Cwd,
		Rules:       selected,
		Settings:    cfg.Apply(nil),
		Env:         env.Environ,
		VarArgs:     varArgs,
		AllDirs:     sf.allDirs,
		Root:        sf.root,
		RootTimeout: sf.timeout,
		Jobs:        sf.jobs,
		MaxFileSize: sf.maxFileSize,
		Exclude:     exclude,
	}
	if env.Now != nil {
		opts.Today = env.Now()
	}
	if sf.baseline != "" {
		p := absPath(env.Cwd, sf.baseline)
		f, err := os.Open(p)
		if err != nil {
			return usageErr("--baseline: %v", err)
		}
		b, err := lint.ReadBaseline(f)
		_ = f.Close()
		if err != nil {
			return usageErr("--baseline %s: %v", sf.baseline, err)
		}
		opts.Baseline = b
	}
	if sf.debug {
		opts.Debug = func(format string, a ...any) { fmt.Fprintf(stderr, "debug: "+format+"\n", a...) }
	}
	res, err := Scan(ctx, opts)
	if err != nil {
		return usageErr("%v", err)
	}
	res.ToolName, res.ToolVersion = "spillway", Version
	if sf.diff && sf.fix {
		return usageErr("--diff and --fix cannot be combined: --diff shows the edits, --fix writes them")
	}
	read := func(name string) ([]byte, error) {
		if b := res.Source(name); b != nil {
			return b, nil
		}
		return nil, fmt.Errorf("%s was not read by the scan", name)
	}
	if err := fix.Attach(res.Findings, read); err != nil {
		fmt.Fprintf(stderr, "spillway: some fixes could not be computed: %v\n", err)
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		if f.Severity >= minSev {
			kept = append(kept, f)
		}
	}
	res.Findings = kept
	if sf.writeBaseline != "" {
		p := absPath(env.Cwd, sf.writeBaseline)
		var buf strings.Builder
		if err := lint.WriteBaseline(&buf, res.Findings); err != nil {
			return usageErr("--write-baseline: %v", err)
		}
		if err := os.WriteFile(p, []byte(buf.String()), 0o644); err != nil {
			return usageErr("--write-baseline: %v", err)
		}
	}
	_, noColorEnv := env.get("NO_COLOR")
	if sf.diff || sf.fix {
		fixed, err := applyFixes(res, env, sf.fix, stdout, stderr)
		if err != nil {
			return usageErr("%v", err)
		}
		if sf.fix {
			kept := res.Findings[:0]
			for _, f := range res.Findings {
				if !fixed[f.Fingerprint] {
					kept = append(kept, f)
				}
			}
			res.Findings = kept
		}
		// The diff replaces the report on stdout; reports written to
		// files with FORMAT=FILE are still written.
		var files []output
		for _, o := range outputs {
			if o.file != "" || sf.fix {
				files = append(files, o)
			}
		}
		outputs = files
	}
	for _, o := range outputs {
		if err := o.write(res, env, sf.noColor || noColorEnv, stdout); err != nil {
			return usageErr("%v", err)
		}
	}
	if len(res.Errors()) > 0 {
		return ExitError
	}
	if sf.softFail || failOn == 0 {
		return ExitOK
	}
	for _, f := range res.Findings {
		if !f.Suppressed && f.Severity >= failOn {
			return ExitFindings
		}
	}
	return ExitOK
}

// runInit writes the commented starter config file in the working
// directory.
func runInit(args []string, stdout, stderr io.Writer, env Env) int {
	fs := pflag.NewFlagSet("spillway init", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	force := fs.Bool("force", false, "overwrite an existing "+config.FileName)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		return ExitError
	}
	p := filepath.Join(env.Cwd, config.FileName)
	if _, err := os.Stat(p); err == nil && !*force {
		fmt.Fprintf(stderr, "spillway: %s already exists; use --force to overwrite it\n", config.FileName)
		return ExitError
	}
	if err := os.WriteFile(p, config.Starter(rules.All), 0o644); err != nil {
		fmt.Fprintf(stderr, "spillway: %v\n", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "wrote %s: every rule and setting is listed, commented out; edit it to change what spillway reports\n", config.FileName)
	return ExitOK
}

// applyFixes prints (diff) or writes (fix) the suggested fixes of the
// findings and returns the fingerprints of the findings it fixed.
func applyFixes(res *report.Result, env Env, write bool, stdout, stderr io.Writer) (map[string]bool, error) {
	fixed := map[string]bool{}
	byFile := fix.EditsByFile(res.Findings)
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		old := res.Source(name)
		if old == nil {
			return nil, fmt.Errorf("cannot fix %s: the file was not read by the scan", name)
		}
		updated, err := fix.Apply(old, byFile[name])
		if err != nil {
			return nil, fmt.Errorf("cannot fix %s: %w", name, err)
		}
		if !write {
			fmt.Fprint(stdout, fix.UnifiedDiff(name, old, updated))
			continue
		}
		p := absPath(env.Cwd, name)
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("cannot fix %s: %w", name, err)
		}
		if err := os.WriteFile(p, updated, st.Mode().Perm()); err != nil {
			return nil, fmt.Errorf("cannot fix %s: %w", name, err)
		}
	}
	n := 0
	for _, f := range res.Findings {
		if len(f.Fixes) > 0 && !f.Suppressed {
			fixed[f.Fingerprint] = true
			n++
		}
	}
	if write && n > 0 {
		fmt.Fprintf(stderr, "spillway: fixed %d %s in %d %s; review the values, they are starting points\n",
			n, plural(n, "finding", "findings"), len(names), plural(len(names), "file", "files"))
	}
	return fixed, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// loadConfig reads the config file given with --config, or the nearest
// .spillway.hcl from the working directory up. It returns the config (nil
// when there is none: a nil config is empty), the directory its excludes
// are relative to, and ExitError after printing the problems when the
// file is invalid.
func loadConfig(flag string, env Env, stderr io.Writer) (*config.Config, string, int) {
	p := flag
	if p == "" {
		found, ok, err := config.Find(env.Cwd)
		if err != nil {
			fmt.Fprintf(stderr, "spillway: looking for %s: %v\n", config.FileName, err)
			return nil, "", ExitError
		}
		if !ok {
			return nil, env.Cwd, ExitOK
		}
		p = found
	} else {
		p = absPath(env.Cwd, p)
	}
	src, err := os.ReadFile(p)
	if err != nil {
		fmt.Fprintf(stderr, "spillway: cannot read the config file: %v\n", err)
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

// selectRules starts from the rules the config file enables (by default
// all but the ones that are off), applies --only, --enable and --disable,
// and gives each rule the severity the config file sets.
func selectRules(cfg *config.Config, only, enable, disable []string) ([]*lint.Rule, error) {
	check := func(flag string, ids []string) error {
		for _, id := range ids {
			for _, part := range strings.Split(id, ",") {
				if rules.ByID(strings.TrimSpace(part)) == nil {
					return fmt.Errorf("%s: unknown rule %q (run spillway rules for the list)", flag, part)
				}
			}
		}
		return nil
	}
	for _, f := range []struct {
		flag string
		ids  []string
	}{{"--only", only}, {"--enable", enable}, {"--disable", disable}} {
		if err := check(f.flag, f.ids); err != nil {
			return nil, err
		}
	}
	set := func(ids []string) map[string]bool {
		m := map[string]bool{}
		for _, id := range ids {
			for _, part := range strings.Split(id, ",") {
				m[strings.TrimSpace(part)] = true
			}
		}
		return m
	}
	onlySet, enableSet, disableSet := set(only), set(enable), set(disable)
	var out []*lint.Rule
	for _, r := range rules.All {
		on, _ := cfg.RuleEnabled(r)
		if len(onlySet) > 0 {
			on = onlySet[r.ID]
		}
		if enableSet[r.ID] {
			on = true
		}
		if disableSet[r.ID] {
			on = false
		}
		if !on {
			continue
		}
		if sev, set := cfg.RuleSeverity(r); set && sev != r.Severity {
			c := *r
			c.Severity = sev
			r = &c
		}
		out = append(out, r)
	}
	return out, nil
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
	sort.SliceStable(outs, func(i, j int) bool { return outs[i].file != "" && outs[j].file == "" })
	return outs, nil
}

func (o output) write(res *report.Result, env Env, noColor bool, stdout io.Writer) error {
	w := stdout
	color := !noColor && o.file == "" && env.IsTerminal != nil && env.IsTerminal(stdout)
	if o.file != "" {
		p := absPath(env.Cwd, o.file)
		f, err := os.Create(p)
		if err != nil {
			return fmt.Errorf("cannot write report: %w", err)
		}
		rep, err := report.New(o.format, report.Options{})
		if err != nil {
			_ = f.Close()
			return fmt.Errorf("report: %w", err)
		}
		werr := rep.Write(f, res)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("write %s report to %s: %w", o.format, o.file, werr)
		}
		return nil
	}
	rep, err := report.New(o.format, report.Options{Color: color})
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := rep.Write(w, res); err != nil {
		return fmt.Errorf("write %s report: %w", o.format, err)
	}
	return nil
}
