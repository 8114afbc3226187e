package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/config"
	"github.com/spillway-iac/spillway/internal/fix"
	"github.com/spillway-iac/spillway/internal/fsread"
	"github.com/spillway-iac/spillway/internal/safewrite"
	"github.com/spillway-iac/spillway/internal/textsafe"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/parser"
	"github.com/spillway-iac/spillway/report"
)

// scanFlags are the flags of spillway scan, and what validate derives
// from them.
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
	download      bool
	showSupp      bool
	quiet         bool
	vars          []varArg
	paths         []string

	// Whether the command line set them (the config file's values apply
	// otherwise).
	minSevSet, failOnSet bool

	// Set by validate.
	minSev, failSev lint.Severity
	outputs         []output
	excludes        excludeSet
	// sourceRoot is what fingerprints and code-host reports are relative
	// to (set by checkerOptions; see checker.SourceRoot).
	sourceRoot string
	evalArgs   []eval.VarArg
	// nothing is set when the scan analyzed no configuration file.
	nothing bool
	// belowMin are the findings with a fix below --min-severity, which
	// --fix and --diff skip.
	belowMin []lint.Finding
}

// varFlag records --var and --var-file in command-line order.
type varFlag struct {
	kind string
	list *[]varArg
}

// varArg is one --var or --var-file, or a var_files entry of the config
// file (from names where it came from).
type varArg struct{ kind, value, from string }

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

// parseScanFlags parses the arguments of spillway scan. It returns false
// with the exit code when the command is over (--help, a syntax error).
func parseScanFlags(args []string, stdout, stderr io.Writer) (*scanFlags, int, bool) {
	sf := &scanFlags{}
	fs := scanFlagSet(sf)
	if code, ok := parseArgs(fs, "scan", args, stdout, stderr); !ok {
		return nil, code, false
	}
	sf.paths = fs.Args()
	sf.minSevSet, sf.failOnSet = fs.Changed("min-severity"), fs.Changed("fail-on")
	if len(sf.paths) == 0 {
		sf.paths = []string{"."}
	}
	return sf, ExitOK, true
}

// scanFlagSet declares the flags of spillway scan into sf.
func scanFlagSet(sf *scanFlags) *pflag.FlagSet {
	fs := pflag.NewFlagSet("spillway scan", pflag.ContinueOnError)
	fs.StringArrayVarP(&sf.formats, "format", "f", nil, "output `FORMAT`: "+strings.Join(report.Formats, ", ")+" (repeatable; FORMAT=FILE writes that format to FILE)")
	sf.addLoadFlags(fs)
	fs.BoolVar(&sf.softFail, "soft-fail", false, "exit 0 even with findings (errors still exit 2)")
	fs.StringVar(&sf.minSeverity, "min-severity", "low", "do not report findings below this severity: low, medium, high")
	fs.StringVar(&sf.failOn, "fail-on", "low", "exit 1 on findings at or above: low, medium, high, none")
	fs.BoolVar(&sf.noColor, "no-color", false, "never colour the output (NO_COLOR is honoured too)")
	fs.StringVar(&sf.writeBaseline, "write-baseline", "", "write the fingerprints of the current findings to `FILE`")
	fs.BoolVar(&sf.diff, "diff", false, "print the suggested fixes as a unified diff instead of the report; write nothing")
	fs.BoolVar(&sf.fix, "fix", false, "apply the suggested fixes to the files in place")
	fs.BoolVar(&sf.showSupp, "show-suppressed", false, "also print suppressed and baselined findings in text and markdown (they are counted either way)")
	fs.BoolVarP(&sf.quiet, "quiet", "q", false, "text: print only the findings (and input errors), no notes or summary")
	return fs
}

// addLoadFlags adds the flags that say what is loaded and how (paths,
// variables, config, rules, limits) and where the output goes: the flags
// spillway scan and spillway graph share.
func (sf *scanFlags) addLoadFlags(fs *pflag.FlagSet) {
	fs.StringVarP(&sf.output, "output", "o", "", "write the report to `FILE` instead of stdout")
	fs.StringArrayVar(&sf.only, "only", nil, "run only these rules: `RULE` is an ID in any case, a name, a family or a glob such as SPW5* (repeatable, comma-separated)")
	fs.StringArrayVar(&sf.enable, "enable", nil, "enable `RULE` (ID, name, family or glob; repeatable)")
	fs.StringArrayVar(&sf.disable, "disable", nil, "disable `RULE` (ID, name, family or glob; repeatable)")
	fs.IntVarP(&sf.jobs, "jobs", "j", runtime.NumCPU(), "number of root modules analyzed in parallel")
	fs.BoolVar(&sf.debug, "debug", false, "print what was loaded, skipped and left unknown, with timings, on stderr")
	fs.Var(&varFlag{kind: "var", list: &sf.vars}, "var", "set a root module variable (repeatable)")
	fs.Var(&varFlag{kind: "file", list: &sf.vars}, "var-file", "read variable values from a tfvars file (repeatable)")
	fs.StringArrayVar(&sf.exclude, "exclude", nil, "do not scan paths matching `GLOB` (repeatable)")
	fs.BoolVar(&sf.allDirs, "all-dirs", false, "also analyze called modules as standalone root modules")
	fs.StringVar(&sf.root, "root", "", "scan the tree at `DIR`; PATHs then select the directories to analyze, and a called module is analyzed through its callers (for pre-commit)")
	fs.StringVarP(&sf.config, "config", "c", "", "config `FILE` (default: .spillway.hcl in the scanned path or the nearest parent, up to the repository root)")
	fs.StringVar(&sf.baseline, "baseline", "", "report the findings listed in `FILE` as suppressed")
	fs.DurationVar(&sf.timeout, "timeout", 60*time.Second, "give up on a root module whose analysis takes longer than this (0: no limit)")
	fs.Int64Var(&sf.maxFileSize, "max-file-size", parser.DefaultMaxFileSize, "largest file read, in `BYTES`")
	addModuleFlags(fs, &sf.download)
}

// validate checks the values of the flags and the combinations that make
// no sense, reading no file: a usage error is reported before any work.
func (sf *scanFlags) validate(env Env) error {
	var err error
	if sf.minSev, err = lint.ParseSeverity(sf.minSeverity); err != nil {
		return fmt.Errorf("--min-severity: %w", err)
	}
	if sf.failOn != "none" {
		if sf.failSev, err = lint.ParseSeverity(sf.failOn); err != nil {
			return fmt.Errorf("--fail-on: %w (or none)", err)
		}
	}
	if sf.jobs < 1 {
		return fmt.Errorf("--jobs %d: at least one job is needed", sf.jobs)
	}
	// More workers than this only cost memory: each holds a root module.
	sf.jobs = min(sf.jobs, MaxJobs)
	if sf.timeout < 0 {
		return fmt.Errorf("--timeout %s: the limit cannot be negative (0 means no limit)", sf.timeout)
	}
	if sf.maxFileSize < 1 {
		return fmt.Errorf("--max-file-size %d: the limit must be at least one byte", sf.maxFileSize)
	}
	if err := checkRuleFlags(sf.only, sf.enable, sf.disable); err != nil {
		return err
	}
	if sf.diff && sf.fix {
		return errors.New("--diff and --fix cannot be combined: --diff shows the edits, --fix writes them")
	}
	if sf.outputs, err = parseOutputs(sf.formats, sf.output); err != nil {
		return err
	}
	if sf.diff && len(sf.formats) > 0 && sf.output == "" {
		for _, o := range sf.outputs {
			if o.file == "" {
				return fmt.Errorf("--diff prints the diff on stdout instead of the report, so --format %s has nowhere to go: write it to a file with --format %s=FILE or --output FILE", o.format, o.format)
			}
		}
	}
	if sf.excludes, err = newExcludeSet(env.Cwd, sf.exclude, "--exclude"); err != nil {
		return err
	}
	if sf.root != "" {
		root := checker.AbsPath(env.Cwd, sf.root)
		for _, p := range sf.paths {
			rel, err := filepath.Rel(root, checker.AbsPath(env.Cwd, p))
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return fmt.Errorf("%s is outside --root %s", p, sf.root)
			}
		}
	}
	return nil
}

// fail prints a one-line message on stderr and returns ExitError. The
// message is sanitized as a whole: names in it may come from files, paths
// or baselines, and an embedded newline must not start a line of its own
// (a "::error" line would be a forged GitHub annotation).
func fail(stderr io.Writer, format string, a ...any) int {
	fmt.Fprintf(stderr, "spillway: %s\n", textsafe.Sanitize(fmt.Sprintf(format, a...)))
	return ExitError
}

// MaxJobs is the most root modules analyzed in parallel; --jobs above it is
// clamped.
const MaxJobs = 256

// maxBaselineSize is the largest baseline file read.
const maxBaselineSize = 64 << 20

func runScan(ctx context.Context, args []string, stdout, stderr io.Writer, env Env) int {
	sf, code, ok := parseScanFlags(args, stdout, stderr)
	if !ok {
		return code
	}
	usageErr := func(format string, a ...any) int { return fail(stderr, format, a...) }
	if err := sf.validate(env); err != nil {
		return usageErr("%v", err)
	}
	debug := sf.debugf(stderr)
	cfg, cfgDir, code := loadConfig(sf.config, sf.configStarts(), env, stderr, debug)
	if code != ExitOK {
		return code
	}
	sf.applyConfig(cfg, cfgDir, env, debug)
	var err error
	if sf.evalArgs, err = sf.evalVarArgs(ctx, env); err != nil {
		return usageErr("%v", err)
	}
	opts, err := sf.checkerOptions(cfg, cfgDir, env, stderr)
	if err != nil {
		return usageErr("%v", err)
	}
	fetcher, closeFetcher, err := moduleFetcher(env, sf.download || cfg.DownloadModules())
	if err != nil {
		return usageErr("%v", err)
	}
	defer closeFetcher()
	opts.Eval.Fetcher = fetcher
	res, err := sf.run(ctx, opts)
	if err != nil {
		if ctx.Err() != nil {
			return usageErr("scan stopped (%v); nothing reported", ctx.Err())
		}
		return usageErr("%v", err)
	}
	res.ToolName, res.ToolVersion = "spillway", Build().Version
	sf.nothing = sf.analyzedNothing(res, env, stderr)
	return sf.finish(ctx, res, env, stdout, stderr)
}

// checkerOptions turns the flags and the config file into the scan's
// options: it selects the rules and reads the variable files and the
// baseline.
func (sf *scanFlags) checkerOptions(cfg *config.Config, cfgDir string, env Env, stderr io.Writer) (checker.Options, error) {
	selected := selectRules(cfg, sf.only, sf.enable, sf.disable)
	cfgExcludes, err := newExcludeSet(cfgDir, cfg.Exclude(), "exclude")
	if err != nil {
		return checker.Options{}, fmt.Errorf("%s: %w", cfg.Path(), err)
	}
	opts := checker.Options{
		Paths:       sf.paths,
		Cwd:         env.Cwd,
		Rules:       selected,
		Settings:    cfg.Apply(nil),
		Eval:        eval.Options{Env: env.Environ, Args: sf.evalArgs},
		AllDirs:     sf.allDirs,
		Root:        sf.root,
		RootTimeout: sf.timeout,
		Jobs:        sf.jobs,
		MaxFileSize: sf.maxFileSize,
		Exclude:     excluder(sf.excludes, cfgExcludes),
	}
	sf.sourceRoot = sf.findSourceRoot(cfg, env)
	opts.SourceRoot = sf.sourceRoot
	opts.RequireForeignReasons = cfg.RequireForeignReasons()
	if env.Now != nil {
		opts.Today = env.Now()
	}
	if debug := sf.debugf(stderr); debug != nil {
		opts.Exclude = debugExcluder(opts.Exclude, debug, env.Cwd, sf.exclude, cfgDir, cfg.Path(), cfg.Exclude())
		debugRules(debug, selected)
	}
	if sf.baseline != "" {
		data, err := fsread.Path(checker.AbsPath(env.Cwd, sf.baseline), maxBaselineSize)
		if err != nil {
			return checker.Options{}, fmt.Errorf("--baseline: %w", err)
		}
		b, err := lint.ReadBaseline(bytes.NewReader(data))
		if err != nil {
			return checker.Options{}, fmt.Errorf("--baseline %s: %w", sf.baseline, err)
		}
		opts.Baseline = b
	}
	if sf.debug {
		opts.Debug = func(format string, a ...any) {
			fmt.Fprintf(stderr, "debug: %s\n", textsafe.Sanitize(fmt.Sprintf(format, a...)))
		}
	}
	return opts, nil
}

// needsFixes reports whether an output shows suggested fixes: --diff,
// --fix, or a SARIF report.
func (sf *scanFlags) needsFixes() bool {
	if sf.diff || sf.fix {
		return true
	}
	for _, o := range sf.outputs {
		if o.format == "sarif" {
			return true
		}
	}
	return false
}

// finish attaches fixes, filters by --min-severity, writes the baseline,
// the diff or the fixes and the reports, and returns the exit code.
func (sf *scanFlags) finish(ctx context.Context, res *report.Result, env Env, stdout, stderr io.Writer) int {
	usageErr := func(format string, a ...any) int { return fail(stderr, format, a...) }
	read := func(name string) ([]byte, error) {
		if b := res.Source(name); b != nil {
			return b, nil
		}
		return nil, fmt.Errorf("%s was not read by the scan", name)
	}
	// Fixes are computed only for what shows them (--diff, --fix, SARIF),
	// and within --timeout.
	if sf.needsFixes() {
		fctx := ctx
		if sf.timeout > 0 {
			var cancel context.CancelFunc
			fctx, cancel = context.WithTimeout(ctx, sf.timeout)
			defer cancel()
		}
		if err := fix.Attach(fctx, res.Findings, read); err != nil {
			fmt.Fprintln(stderr, "spillway: some fixes could not be computed:")
			for _, line := range strings.Split(err.Error(), "\n") {
				fmt.Fprintf(stderr, "  %s\n", textsafe.Sanitize(line))
			}
		}
		dropUnownedFixes(res)
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		if f.Severity >= sf.minSev {
			kept = append(kept, f)
		} else if len(f.Fixes) > 0 {
			sf.belowMin = append(sf.belowMin, f)
		}
	}
	res.Findings = kept
	if sf.writeBaseline != "" {
		p := checker.AbsPath(env.Cwd, sf.writeBaseline)
		var buf bytes.Buffer
		if err := lint.WriteBaseline(&buf, res.Findings); err != nil {
			return usageErr("--write-baseline: %v", err)
		}
		if err := safewrite.WritePath(p, buf.Bytes(), 0o644); err != nil {
			return usageErr("--write-baseline: %v", err)
		}
		fmt.Fprintf(stderr, "spillway: wrote %d %s to %s; scan with --baseline %s to report only new ones\n",
			len(res.Findings), plural(len(res.Findings), "finding", "findings"), textsafe.Sanitize(sf.writeBaseline), textsafe.Sanitize(sf.writeBaseline))
	}
	_, noColorEnv := env.get("NO_COLOR")
	outputs := sf.outputs
	fixesFailed := false
	if sf.diff || sf.fix {
		fixed, err := applyFixes(res, env, sf, stdout, stderr)
		switch {
		case errors.Is(err, errFixesNotApplied):
			// Said on stderr; the reports are still written.
			fixesFailed = true
		case err != nil:
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
		// files with FORMAT=FILE or --output are still written.
		var files []output
		for _, o := range outputs {
			if o.file != "" || sf.fix {
				files = append(files, o)
			}
		}
		outputs = files
	}
	for _, o := range outputs {
		ropts := report.Options{Color: !sf.noColor && !noColorEnv, ShowSuppressed: sf.showSupp, Quiet: sf.quiet}
		if err := o.write(sf.resultFor(o.format, res, env), env, ropts, stdout); err != nil {
			return usageErr("%v", err)
		}
	}
	if len(res.Errors()) > 0 || fixesFailed || sf.nothing {
		return ExitError
	}
	// Writing a baseline accepts the findings it records.
	if sf.softFail || sf.failSev == 0 || sf.writeBaseline != "" {
		return ExitOK
	}
	for _, f := range res.Findings {
		if !f.Suppressed && f.Severity >= sf.failSev {
			return ExitFindings
		}
	}
	return ExitOK
}

// dropUnownedFixes removes the fixes that would edit a file outside the
// user's tree (res.Vendored: a fetched package or a .terraform module),
// for --diff, --fix and SARIF alike. The engine already gives such
// findings no fix specs; this is the last guard.
func dropUnownedFixes(res *report.Result) {
	if res.Vendored == nil {
		return
	}
	findings := res.Findings
	for i := range findings {
		f := &findings[i]
		kept := f.Fixes[:0]
		for _, fx := range f.Fixes {
			owned := true
			for _, e := range fx.Edits {
				if res.Vendored(e.Range.Filename) {
					owned = false
				}
			}
			if owned {
				kept = append(kept, fx)
			}
		}
		if len(kept) == 0 {
			kept = nil
		}
		f.Fixes = kept
	}
}
