package checker

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/parser"
	"github.com/spillway-iac/spillway/report"
	"github.com/spillway-iac/spillway/rules"
)

// Options describe one scan.
type Options struct {
	// Paths are directories or files; a file means its directory. RunFS
	// and Graphs ignore them.
	Paths []string
	// Root, when set, is the scanned tree: Paths then only select which
	// directories to analyze, and a selected module that other modules
	// call is analyzed through the root modules that call it (pre-commit
	// passes the changed files this way).
	Root string
	// Cwd is the directory paths are relative to and reports are written
	// relative to.
	Cwd string
	// SourceRoot is the absolute directory the paths that fingerprints
	// hash are relative to (see SourceRoot), so that a finding keeps its
	// fingerprint whatever the working directory and however the scanned
	// path was spelled. Empty means Cwd. File names in the result stay
	// relative to Cwd.
	SourceRoot string
	// Rules are the rules to run.
	Rules    []*lint.Rule
	Settings lint.Settings
	// Eval configures the evaluation of every root module: TF_VAR_*
	// entries of the environment, --var and --var-file arguments, the
	// workspace and the limits. The checker sets its Cache and Context.
	Eval eval.Options
	// AllDirs analyzes called modules standalone as well.
	AllDirs bool
	// Jobs is how many directories are parsed and analyzed in parallel;
	// less than one means one.
	Jobs        int
	MaxFileSize int64
	// Exclude reports whether an absolute path is excluded from the
	// scan (Run only).
	Exclude func(abs string) bool
	// Today is the date suppressions expire against; zero means now.
	Today time.Time
	// Baseline, when set, marks the findings it lists as suppressed.
	Baseline *lint.Baseline
	// RequireForeignReasons makes ignore comments of other scanners
	// (checkov, trivy, tfsec) without a reason suppress nothing and be
	// SPW000 findings; by default they suppress without one.
	RequireForeignReasons bool
	// NoSuppress leaves spillway:ignore comments unapplied, so that
	// every finding is returned unsuppressed and no SPW000 finding is
	// added (the rule harness checks rules, not directives).
	NoSuppress bool
	// RootTimeout bounds the analysis of one root module; zero means no
	// limit. Past it the root's evaluation is stopped, it is reported as
	// an error and the scan goes on.
	RootTimeout time.Duration
	// Debug receives progress lines; nil for none.
	Debug func(format string, args ...any)
}

// tree is one scanned path.
type tree struct {
	loader *parser.Loader
	dirs   []string
	// roots is set up front in --root mode (and decided while streaming
	// otherwise).
	roots []string
	eager bool
}

// dirFacts are what a scan keeps of a module directory once it has been
// parsed: enough to report and suppress after its syntax is released.
type dirFacts struct {
	files      []string
	resources  int
	diags      hcl.Diagnostics
	directives map[string][]lint.Directive
}

// rootResult is the analysis of one root module.
type rootResult struct {
	findings []lint.Finding
	unds     []lint.Undetermined
	diags    hcl.Diagnostics
	// uses are the module directories the analysis loaded besides the
	// root's own (for liveness; not kept in the result).
	uses []string
}

// treeResult is everything one tree produced.
type treeResult struct {
	roots   []string
	results map[string]rootResult
	facts   map[string]*dirFacts
}

// driver runs one scan: the options, the context and what the roots of
// the scan share.
type driver struct {
	ctx   context.Context
	opts  Options
	cache *eval.Cache
	// keep leaves every module in the loader (Graphs reads them after
	// the scan); onGraph, when set, receives each root's graph.
	keep    bool
	onGraph func(name string, g *graph.Graph)
	mu      sync.Mutex
}

func newDriver(ctx context.Context, opts Options) *driver {
	if opts.Jobs < 1 {
		opts.Jobs = 1
	}
	return &driver{ctx: ctx, opts: opts, cache: eval.NewCache()}
}

// Run scans opts.Paths (or the selection of opts.Root) on disk and returns
// the result, findings sorted. Problems with the input are diagnostics in
// the result; the error is for paths that cannot be scanned at all and
// for a ctx that is done before the scan ends.
func Run(ctx context.Context, opts Options) (*report.Result, error) {
	return newDriver(ctx, opts).runPaths()
}

// runPaths is Run with the driver d.
func (d *driver) runPaths() (*report.Result, error) {
	opts := d.opts
	var trees []*tree
	var diags hcl.Diagnostics
	if opts.Root != "" {
		t, ds, err := d.openSelection()
		if err != nil {
			return nil, err
		}
		t.eager = true
		diags = append(diags, ds...)
		trees = append(trees, t)
	} else {
		// A path that cannot be scanned is an error entry of the result
		// while the others are still scanned and reported; only when none
		// can be is the scan itself an error.
		var firstErr error
		for _, p := range opts.Paths {
			t, ds, err := d.openTree(p)
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Path not scanned",
					Detail:   fmt.Sprintf("%v. The other paths were scanned.", err),
					Subject:  &hcl.Range{Filename: filepath.ToSlash(p)},
				})
				continue
			}
			diags = append(diags, ds...)
			trees = append(trees, t)
		}
		if len(trees) == 0 && firstErr != nil {
			return nil, firstErr
		}
	}
	return d.run(trees, diags)
}

// RunFS scans the tree fsys as Run scans one path: file names in the
// result are paths inside fsys. opts.Paths, Root, Cwd and Exclude are not
// used.
func RunFS(ctx context.Context, fsys fs.FS, opts Options) (*report.Result, error) {
	d := newDriver(ctx, opts)
	t, diags := d.openFS(fsys, "", nil)
	return d.run([]*tree{t}, diags)
}

// Graphs returns the graph of every root module of the tree fsys, keyed
// by the root module's directory inside fsys, and every diagnostic of the
// tree. It runs no rules. The graphs evaluate lazily under ctx, so keep
// ctx live while reading them; opts.RootTimeout is not used.
func Graphs(ctx context.Context, fsys fs.FS, opts Options) (map[string]*graph.Graph, hcl.Diagnostics, error) {
	opts.Rules, opts.RootTimeout, opts.NoSuppress = nil, 0, true
	d := newDriver(ctx, opts)
	d.keep = true
	out := map[string]*graph.Graph{}
	d.onGraph = func(name string, g *graph.Graph) {
		d.mu.Lock()
		out[name] = g
		d.mu.Unlock()
	}
	t, diags := d.openFS(fsys, "", nil)
	res, err := d.run([]*tree{t}, diags)
	if err != nil {
		return nil, nil, err
	}
	return out, res.Diagnostics, nil
}

// run analyzes the opened trees and assembles the result.
func (d *driver) run(trees []*tree, diags hcl.Diagnostics) (*report.Result, error) {
	opts := d.opts
	res := &report.Result{Diagnostics: diags}
	var outs []treeResult
	for _, t := range trees {
		out := d.scanTree(t)
		if err := d.ctx.Err(); err != nil {
			return nil, fmt.Errorf("scan canceled: %w", err)
		}
		outs = append(outs, out)
	}
	// Sized up front: a large tree has tens of thousands of findings, and
	// growing the slices by appending copied them over and over, serially,
	// after every root module was done.
	var nf, nu int
	for _, out := range outs {
		for _, rr := range out.results {
			nf += len(rr.findings)
			nu += len(rr.unds)
		}
	}
	res.Findings = make([]lint.Finding, 0, nf)
	res.Undetermined = make([]lint.Undetermined, 0, nu)
	directives := map[string][]lint.Directive{}
	files := map[string]bool{}
	for i, t := range trees {
		out := outs[i]
		for _, r := range out.roots {
			rr := out.results[r]
			res.Findings = append(res.Findings, rr.findings...)
			res.Undetermined = append(res.Undetermined, rr.unds...)
			res.Diagnostics = append(res.Diagnostics, rr.diags...)
			res.Roots = append(res.Roots, t.loader.DisplayName(r))
			// The copy in res is the one kept: a collection from
			// here on need not find both.
			delete(out.results, r)
		}
		res.Stats.RootModules += len(out.roots)
		dirs := make([]string, 0, len(out.facts))
		for d := range out.facts {
			dirs = append(dirs, d)
		}
		sort.Strings(dirs)
		for _, d := range dirs {
			f := out.facts[d]
			res.Diagnostics = append(res.Diagnostics, f.diags...)
			for _, name := range f.files {
				files[name] = true
			}
			res.Stats.Resources += f.resources
			for name, ds := range f.directives {
				directives[name] = ds
			}
		}
	}
	// One problem, one finding: the findings of several root modules at
	// one place of a shared module merge before suppressions apply, so a
	// directive at the shared place covers every instance.
	res.Findings = lint.MergeRoots(res.Findings)
	if !opts.NoSuppress {
		res.Findings = applySuppressions(directives, res.Findings, opts)
	}
	if opts.Baseline != nil {
		res.Findings = opts.Baseline.Apply(res.Findings)
	}
	res.Stats.Files = len(files)
	sort.Strings(res.Roots)
	res.Diagnostics = dedupeDiags(res.Diagnostics)
	lint.SortFindings(res.Findings)
	lint.SortUndetermined(res.Undetermined)
	res.Rules = opts.Rules
	for _, f := range res.Findings {
		if f.RuleID == rules.SPW000.ID {
			res.Rules = append(append([]*lint.Rule(nil), opts.Rules...), rules.SPW000)
			break
		}
	}
	res.Vendored = func(name string) bool {
		for _, t := range trees {
			if t.loader.IsVendoredFile(name) {
				return true
			}
		}
		return false
	}
	res.Source = func(name string) []byte {
		for _, t := range trees {
			if b := t.loader.SourceAny(name); b != nil {
				return b
			}
		}
		return nil
	}
	return res, nil
}

// factsOf records what the scan keeps of a parsed module directory.
func factsOf(m *parser.Module) *dirFacts {
	f := &dirFacts{resources: len(m.Resources), diags: m.Diags}
	for _, file := range m.Files {
		f.files = append(f.files, file.Name)
		if file.JSON || file.Bytes == nil {
			continue
		}
		if ds, _ := lint.ParseDirectives(file.Name, file.Bytes); len(ds) > 0 {
			if f.directives == nil {
				f.directives = map[string][]lint.Directive{}
			}
			f.directives[file.Name] = ds
		}
	}
	return f
}

// scanTree analyzes the root modules of one tree. In --root mode the roots
// are known up front. Otherwise the scan streams: each directory is parsed
// once, by a worker that analyzes it as a root module right away unless a
// directory processed earlier calls it; a directory found to be called
// later has its result dropped. After its analysis a directory that
// nothing calls is released from the loader, so memory follows the modules
// in use, not the size of the tree. Shared (called) modules stay cached.
func (d *driver) scanTree(t *tree) treeResult {
	opts := d.opts
	out := treeResult{results: map[string]rootResult{}, facts: map[string]*dirFacts{}}
	var mu sync.Mutex
	// analyze records the result of one root module and returns the
	// module directories its analysis used.
	analyze := func(dir string) []string {
		start := time.Now()
		rr := d.analyze(t.loader, dir)
		uses := rr.uses
		rr.uses = nil
		mu.Lock()
		out.results[dir] = rr
		mu.Unlock()
		if opts.Debug != nil {
			opts.Debug("analyzed root module %s in %s: %d findings, %d undetermined", t.loader.DisplayName(dir), time.Since(start).Round(time.Microsecond), len(rr.findings), len(rr.unds))
		}
		return uses
	}
	run := func(dirs []string, work func(dir string)) {
		ch := make(chan string)
		var wg sync.WaitGroup
		for range opts.Jobs {
			wg.Go(func() {
				for dir := range ch {
					work(dir)
				}
			})
		}
		for _, dir := range dirs {
			if d.ctx.Err() != nil {
				break
			}
			ch <- dir
		}
		close(ch)
		wg.Wait()
	}
	if t.eager {
		run(t.dirs, func(dir string) {
			f := factsOf(t.loader.Module(dir))
			mu.Lock()
			out.facts[dir] = f
			mu.Unlock()
		})
		run(t.roots, func(dir string) { analyze(dir) })
		out.roots = t.roots
		return out
	}

	called := map[string]bool{}
	skipped := map[string]bool{}
	callees := map[string][]string{}
	isDir := map[string]bool{}
	for _, dir := range t.dirs {
		isDir[dir] = true
	}
	order := streamOrder(t.dirs)
	pos := make(map[string]int, len(order))
	for i, dir := range order {
		pos[dir] = i
	}
	lv := newLiveness(order)
	run(order, func(dir string) {
		m := t.loader.Module(dir)
		facts := factsOf(m)
		var cs []string
		for _, c := range t.loader.CallsOf(dir) {
			if isDir[c] {
				cs = append(cs, c)
			}
		}
		mu.Lock()
		out.facts[dir] = facts
		callees[dir] = cs
		for _, c := range cs {
			called[c] = true
		}
		skip := called[dir] && !opts.AllDirs
		skipped[dir] = skip
		mu.Unlock()
		var uses []string
		if !skip && !m.Broken {
			uses = analyze(dir)
		}
		// The modules this directory used, and the directory itself when
		// it is called, stay cached until liveness says their users are
		// done; a directory nothing uses is released now.
		mu.Lock()
		for _, u := range uses {
			lv.use(u, dir)
		}
		if called[dir] {
			lv.use(dir, dir)
		}
		keep := lv.tracked(dir) || d.keep
		release := lv.finish(pos[dir])
		mu.Unlock()
		if !keep {
			t.loader.Release(dir)
		}
		if !d.keep {
			for _, r := range release {
				t.loader.Release(r)
			}
		}
	})
	// A directory skipped because a caller came first is a root after all
	// when it is only reachable through a call cycle: analyze it now.
	out.roots = parser.Roots(t.dirs, callees, opts.AllDirs)
	var late []string
	for _, dir := range out.roots {
		if skipped[dir] {
			late = append(late, dir)
		}
	}
	run(late, func(dir string) { analyze(dir) })
	if opts.Debug != nil {
		mods, files := t.loader.CacheStats()
		opts.Debug("scanned %s: %d module directories, %d root modules; %d modules and %d files still cached", t.loader.DisplayName("."), len(t.dirs), len(out.roots), mods, files)
		for _, pkg := range t.loader.Mounted() {
			opts.Debug("read the fetched module package %s", pkg)
		}
	}
	return out
}

// streamOrder orders directories so that every subtree is contiguous (a
// directory, then what is inside it), which lets liveness release a shared
// module once the subtree of its users is done, and so that directories
// that look like shared modules (a path segment named modules) come after
// their siblings: their callers usually come first and they are not
// analyzed as root modules for nothing.
func streamOrder(dirs []string) []string {
	out := append([]string(nil), dirs...)
	sort.SliceStable(out, func(i, j int) bool { return streamLess(out[i], out[j]) })
	return out
}

// streamLess compares two slash-separated directories segment by segment,
// with a segment named modules after its siblings.
func streamLess(a, b string) bool {
	if a == b {
		return false
	}
	if a == "." {
		return true
	}
	if b == "." {
		return false
	}
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(as) && i < len(bs); i++ {
		if as[i] == bs[i] {
			continue
		}
		if ma, mb := as[i] == "modules", bs[i] == "modules"; ma != mb {
			return mb
		}
		return as[i] < bs[i]
	}
	return len(as) < len(bs)
}

// applySuppressions applies the spillway:ignore (and checkov:skip)
// comments of every scanned file to the findings, and adds an SPW000
// finding for each directive that is malformed, lacks a reason, names an
// unknown rule, has expired or matches nothing.
func applySuppressions(parsed map[string][]lint.Directive, findings []lint.Finding, opts Options) []lint.Finding {
	ran := map[string]bool{}
	for _, r := range opts.Rules {
		ran[r.ID] = true
	}
	dirs := map[string][]lint.Directive{}
	for name, list := range parsed {
		var ds []lint.Directive
		for _, d := range list {
			// A rule that did not run (--only, --disable, the config)
			// cannot match anything: leave its IDs out so the directive
			// is not reported as unused.
			var kept []string
			for _, id := range d.Rules {
				if ran[id] || rules.ByID(id) == nil {
					kept = append(kept, id)
				}
			}
			if len(d.Rules) > 0 && len(kept) == 0 {
				continue
			}
			d.Rules = kept
			if !opts.RequireForeignReasons {
				d.AcceptWithoutReason()
			}
			ds = append(ds, d)
		}
		if len(ds) > 0 {
			dirs[name] = ds
		}
	}
	if len(dirs) == 0 {
		return findings
	}
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	known := func(id string) bool { return rules.ByID(id) != nil }
	pathKey := func(name string) string { return keyOf(opts, name) }
	out, problems := lint.ApplySuppressionsWith(findings, dirs, today, known, rules.SPW000, pathKey)
	out = append(out, problems...)
	lint.SortFindings(out)
	return out
}

// openSelection opens opts.Root as the scanned tree and keeps the root
// modules that are, or call, a directory selected by opts.Paths.
func (d *driver) openSelection() (*tree, hcl.Diagnostics, error) {
	opts := d.opts
	t, diags, err := d.openTree(opts.Root)
	if err != nil {
		return nil, nil, err
	}
	calls := t.loader.Calls(t.dirs)
	t.roots = parser.Roots(t.dirs, calls, opts.AllDirs)
	rootAbs := AbsPath(opts.Cwd, opts.Root)
	selected := map[string]bool{}
	for _, p := range opts.Paths {
		abs := AbsPath(opts.Cwd, p)
		if st, err := os.Stat(abs); err == nil && !st.IsDir() {
			abs = filepath.Dir(abs)
		} else if err != nil && filepath.Ext(abs) != "" {
			// A deleted file (pre-commit passes those too) selects
			// its directory.
			abs = filepath.Dir(abs)
		}
		rel, err := filepath.Rel(rootAbs, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, nil, fmt.Errorf("%s is outside --root %s", p, opts.Root)
		}
		selected[filepath.ToSlash(rel)] = true
	}
	if selected["."] {
		return t, diags, nil
	}
	var roots []string
	keep := map[string]bool{}
	for _, r := range t.roots {
		reach := parser.Reach(calls, r)
		hit := false
		for dir := range selected {
			if reach[dir] {
				hit = true
			}
		}
		if hit {
			roots = append(roots, r)
			for dir := range reach {
				keep[dir] = true
			}
		}
	}
	t.roots = roots
	var dirs []string
	for _, dir := range t.dirs {
		if keep[dir] {
			dirs = append(dirs, dir)
		}
	}
	t.dirs = dirs
	return t, diags, nil
}

// openTree prepares the scan of one path on disk: it discovers module
// directories, which are loaded as the scan goes.
func (d *driver) openTree(p string) (*tree, hcl.Diagnostics, error) {
	opts := d.opts
	abs := AbsPath(opts.Cwd, p)
	st, err := os.Stat(abs)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot scan %s: %w", p, err)
	}
	if !st.IsDir() {
		abs = filepath.Dir(abs)
	}
	var prefix string
	if rel, err := filepath.Rel(opts.Cwd, abs); err == nil {
		prefix = filepath.ToSlash(rel)
	} else {
		prefix = filepath.ToSlash(abs)
	}
	// The root stays open: the result's Source reads released files
	// again for snippets and fixes after the scan.
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot scan %s: %w", p, err)
	}
	var exclude func(string) bool
	if opts.Exclude != nil {
		exclude = func(p string) bool { return opts.Exclude(filepath.Join(abs, filepath.FromSlash(p))) }
	}
	t, diags := d.openFS(root.FS(), prefix, exclude)
	return t, diags, nil
}

// openFS prepares the scan of the tree fsys, whose files are shown with
// prefix; exclude, when not nil, skips paths inside fsys.
func (d *driver) openFS(fsys fs.FS, prefix string, exclude func(string) bool) (*tree, hcl.Diagnostics) {
	loader := parser.NewLoader(fsys, parser.Options{Prefix: prefix, MaxFileSize: d.opts.MaxFileSize, Exclude: exclude, Context: d.ctx, Jobs: d.opts.Jobs})
	dirs, diags := loader.Discover(".")
	if d.opts.Debug != nil {
		d.opts.Debug("scanning %s: %d module directories", loader.DisplayName("."), len(dirs))
	}
	return &tree{loader: loader, dirs: dirs}, diags
}

// analyze runs analyzeRoot under the scan's context, with a deadline of
// opts.RootTimeout when it is set. A root whose deadline passes has its
// evaluation stopped where it was: its findings are dropped (the values
// it had not evaluated are unknown, so they are incomplete) and one error
// names it instead.
func (d *driver) analyze(loader *parser.Loader, dir string) rootResult {
	ctx := d.ctx
	if d.opts.RootTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d.opts.RootTimeout)
		defer cancel()
	}
	rr, stopped := d.analyzeRoot(ctx, loader, dir)
	if stopped == nil || d.ctx.Err() != nil {
		// Not stopped, or the whole scan was: Run reports that.
		return rr
	}
	var diags hcl.Diagnostics
	for _, dg := range rr.diags {
		if dg.Summary != eval.SummaryStopped {
			diags = append(diags, dg)
		}
	}
	name := loader.DisplayName(dir)
	diags = append(diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  SummaryTimedOut,
		Detail:   fmt.Sprintf("The analysis of the root module %s stopped: it was still running after %s, so the module is not reported. Look for huge count/for_each expansions or nested for expressions, or raise --timeout.", name, d.opts.RootTimeout),
		Subject:  &hcl.Range{Filename: name},
	})
	return rootResult{diags: diags}
}

// analyzeRoot evaluates one root module, builds its graph and runs the
// rules. It returns the evaluation's Err: why ctx stopped it, if it did. A
// panic anywhere in it becomes an error diagnostic naming the module.
func (d *driver) analyzeRoot(ctx context.Context, loader *parser.Loader, dir string) (rr rootResult, stopped error) {
	defer func() {
		if rec := recover(); rec != nil {
			rr = rootResult{diags: append(rr.diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  SummaryInternalError,
				Detail:   fmt.Sprintf("spillway failed while analyzing the root module %s: %v. The other modules were still analyzed; please report this.", loader.DisplayName(dir), rec),
				Subject:  &hcl.Range{Filename: loader.DisplayName(dir)},
			})}
		}
	}()
	mod := loader.Module(dir)
	if mod.Broken {
		return rootResult{}, nil
	}
	eopts := d.opts.Eval
	eopts.Cache, eopts.Context = d.cache, ctx
	root := eval.NewRoot(loader, mod, eopts)
	root.Validate()
	g := graph.Build(root)
	if d.onGraph != nil {
		d.onGraph(loader.DisplayName(dir), g)
	}
	display := loader.DisplayName(dir)
	f, u, diags := lint.RunGraphWith(g, display, d.opts.Rules, d.opts.Settings, lint.RunOptions{
		Owned:   func(file string) bool { return !loader.IsVendoredFile(file) },
		PathKey: d.pathKey,
	})
	diags = compactDiags(append(root.Diagnostics(), diags...))
	var uses []string
	for _, m := range root.ModuleInstances() {
		if m.Module != nil && m.Module.Dir != dir && !slices.Contains(uses, m.Module.Dir) {
			uses = append(uses, m.Module.Dir)
		}
	}
	return rootResult{findings: f, unds: u, diags: diags, uses: uses}, root.Err()
}

// compactDiags returns diagnostics that keep only what reports show: the
// expression and evaluation context an HCL diagnostic may carry would keep
// a root module's syntax and values alive until the end of the scan. Extra
// stays: it holds small values such as the kind of a note.
func compactDiags(diags hcl.Diagnostics) hcl.Diagnostics {
	out := make(hcl.Diagnostics, len(diags))
	for i, dg := range diags {
		if dg.Expression == nil && dg.EvalContext == nil {
			out[i] = dg
			continue
		}
		c := *dg
		c.Expression, c.EvalContext = nil, nil
		out[i] = &c
	}
	return out
}

// SummaryInternalError is the summary of the error that replaces the
// result of a root module whose analysis panicked.
const SummaryInternalError = "Internal error"

// AbsPath resolves p against the directory cwd unless it is absolute: how
// the checker and the CLI read every path a user gives.
func AbsPath(cwd, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(cwd, p)
}

// dedupeDiags drops repeated diagnostics (the same problem reached from
// several root modules).
func dedupeDiags(diags hcl.Diagnostics) hcl.Diagnostics {
	seen := map[string]bool{}
	var out hcl.Diagnostics
	for _, d := range diags {
		key := fmt.Sprintf("%d|%s|%s", d.Severity, d.Summary, subject(d))
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, d)
	}
	return out
}

func subject(d *hcl.Diagnostic) string {
	if d.Subject == nil {
		return ""
	}
	return d.Subject.String()
}
