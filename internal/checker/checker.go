package cli

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/graph"
	"github.com/spillway-iac/spillway/internal/glob"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/parser"
	"github.com/spillway-iac/spillway/report"
	"github.com/spillway-iac/spillway/rules"
)

// ScanOptions describe one scan.
type ScanOptions struct {
	// Paths are directories or files; a file means its directory.
	Paths []string
	// Root, when set, is the scanned tree: Paths then only select which
	// directories to analyze, and a selected module that other modules
	// call is analyzed through the root modules that call it (pre-commit
	// passes the changed files this way).
	Root string
	// Cwd is the directory paths are relative to and reports are written
	// relative to.
	Cwd string
	// Rules are the rules to run.
	Rules    []*lint.Rule
	Settings lint.Settings
	// Env is the process environment (TF_VAR_* entries are used).
	Env []string
	// VarArgs are --var and --var-file arguments in order.
	VarArgs []eval.VarArg
	// AllDirs analyzes called modules standalone as well.
	AllDirs     bool
	Jobs        int
	MaxFileSize int64
	// Exclude reports whether an absolute path is excluded from the
	// scan.
	Exclude func(abs string) bool
	// Today is the date suppressions expire against; zero means now.
	Today time.Time
	// Baseline, when set, marks the findings it lists as suppressed.
	Baseline *lint.Baseline
	// RootTimeout bounds the analysis of one root module; zero means no
	// limit. Past it the module is reported as an error and the scan goes
	// on.
	RootTimeout time.Duration
	// cache is shared by the roots of the scan.
	cache *eval.Cache
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
}

// treeResult is everything one tree produced.
type treeResult struct {
	roots   []string
	results map[string]rootResult
	facts   map[string]*dirFacts
}

// Scan runs a whole scan and returns the result (findings sorted).
// Problems with the input are diagnostics in the result; the error is for
// paths that cannot be scanned at all.
func Scan(ctx context.Context, opts ScanOptions) (*report.Result, error) {
	if opts.Jobs < 1 {
		opts.Jobs = 1
	}
	opts.cache = eval.NewCache()
	res := &report.Result{}
	var trees []*tree
	if opts.Root != "" {
		t, diags, err := openSelection(opts)
		if err != nil {
			return nil, err
		}
		t.eager = true
		res.Diagnostics = append(res.Diagnostics, diags...)
		trees = append(trees, t)
	} else {
		for _, p := range opts.Paths {
			t, diags, err := openTree(p, opts)
			if err != nil {
				return nil, err
			}
			res.Diagnostics = append(res.Diagnostics, diags...)
			trees = append(trees, t)
		}
	}
	var outs []treeResult
	for _, t := range trees {
		out := scanTree(ctx, t, opts)
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("scan canceled: %w", err)
		}
		outs = append(outs, out)
	}
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
	res.Findings = applySuppressions(directives, res.Findings, opts)
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
		if f.RuleID == lint.SPW000.ID {
			res.Rules = append(append([]*lint.Rule(nil), opts.Rules...), lint.SPW000)
			break
		}
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
func scanTree(ctx context.Context, t *tree, opts ScanOptions) treeResult {
	out := treeResult{results: map[string]rootResult{}, facts: map[string]*dirFacts{}}
	var mu sync.Mutex
	analyze := func(d string) {
		start := time.Now()
		f, u, diags := analyzeWithTimeout(t.loader, d, opts)
		mu.Lock()
		out.results[d] = rootResult{f, u, diags}
		mu.Unlock()
		if opts.Debug != nil {
			opts.Debug("analyzed root module %s in %s: %d findings, %d undetermined", t.loader.DisplayName(d), time.Since(start).Round(time.Microsecond), len(f), len(u))
		}
	}
	run := func(dirs []string, work func(d string)) {
		ch := make(chan string)
		var wg sync.WaitGroup
		for range opts.Jobs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for d := range ch {
					work(d)
				}
			}()
		}
		for _, d := range dirs {
			if ctx.Err() != nil {
				break
			}
			ch <- d
		}
		close(ch)
		wg.Wait()
	}
	if t.eager {
		run(t.dirs, func(d string) {
			f := factsOf(t.loader.Module(d))
			mu.Lock()
			out.facts[d] = f
			mu.Unlock()
		})
		run(t.roots, analyze)
		out.roots = t.roots
		return out
	}

	called := map[string]bool{}
	skipped := map[string]bool{}
	callees := map[string][]string{}
	isDir := map[string]bool{}
	for _, d := range t.dirs {
		isDir[d] = true
	}
	run(streamOrder(t.dirs), func(d string) {
		m := t.loader.Module(d)
		facts := factsOf(m)
		var cs []string
		for _, c := range t.loader.CallsOf(d) {
			if isDir[c] {
				cs = append(cs, c)
			}
		}
		mu.Lock()
		out.facts[d] = facts
		callees[d] = cs
		for _, c := range cs {
			called[c] = true
		}
		skip := called[d] && !opts.AllDirs
		skipped[d] = skip
		mu.Unlock()
		if !skip && !m.Broken {
			analyze(d)
		}
		mu.Lock()
		keep := called[d]
		mu.Unlock()
		if !keep {
			t.loader.Release(d)
		}
	})
	// A directory skipped because a caller came first is a root after all
	// when it is only reachable through a call cycle: analyze it now.
	out.roots = parser.Roots(t.dirs, callees, opts.AllDirs)
	var late []string
	for _, d := range out.roots {
		if skipped[d] {
			late = append(late, d)
		}
	}
	run(late, analyze)
	if opts.Debug != nil {
		mods, files := t.loader.CacheStats()
		opts.Debug("scanned %s: %d module directories, %d root modules; %d modules and %d files still cached", t.loader.DisplayName("."), len(t.dirs), len(out.roots), mods, files)
	}
	return out
}

// streamOrder puts directories that look like shared modules (a path
// segment named modules) last, so that their callers usually come first
// and they are not analyzed as root modules for nothing.
func streamOrder(dirs []string) []string {
	out := append([]string(nil), dirs...)
	isModule := func(d string) bool {
		return strings.HasPrefix(d, "modules/") || strings.Contains(d, "/modules/") || d == "modules"
	}
	sort.SliceStable(out, func(i, j int) bool {
		mi, mj := isModule(out[i]), isModule(out[j])
		if mi != mj {
			return !mi
		}
		return out[i] < out[j]
	})
	return out
}

// applySuppressions applies the spillway:ignore (and checkov:skip)
// comments of every scanned file to the findings, and adds an SPW000
// finding for each directive that is malformed, lacks a reason, names an
// unknown rule, has expired or matches nothing.
func applySuppressions(parsed map[string][]lint.Directive, findings []lint.Finding, opts ScanOptions) []lint.Finding {
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
	out, problems := lint.ApplySuppressions(findings, dirs, today, func(id string) bool { return rules.ByID(id) != nil })
	out = append(out, problems...)
	lint.SortFindings(out)
	return out
}

// openSelection opens opts.Root as the scanned tree and keeps the root
// modules that are, or call, a directory selected by opts.Paths.
func openSelection(opts ScanOptions) (*tree, hcl.Diagnostics, error) {
	t, diags, err := openTree(opts.Root, opts)
	if err != nil {
		return nil, nil, err
	}
	calls := t.loader.Calls(t.dirs)
	t.roots = parser.Roots(t.dirs, calls, opts.AllDirs)
	rootAbs := absPath(opts.Cwd, opts.Root)
	selected := map[string]bool{}
	for _, p := range opts.Paths {
		abs := absPath(opts.Cwd, p)
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
		for d := range selected {
			if reach[d] {
				hit = true
			}
		}
		if hit {
			roots = append(roots, r)
			for d := range reach {
				keep[d] = true
			}
		}
	}
	t.roots = roots
	var dirs []string
	for _, d := range t.dirs {
		if keep[d] {
			dirs = append(dirs, d)
		}
	}
	t.dirs = dirs
	return t, diags, nil
}

// openTree prepares the scan of one path: it discovers module
// directories, loads them and decides which are root modules.
func openTree(p string, opts ScanOptions) (*tree, hcl.Diagnostics, error) {
	abs := absPath(opts.Cwd, p)
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
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot scan %s: %w", p, err)
	}
	var exclude func(string) bool
	if opts.Exclude != nil {
		exclude = func(p string) bool { return opts.Exclude(filepath.Join(abs, filepath.FromSlash(p))) }
	}
	loader := parser.NewLoader(root.FS(), parser.Options{Prefix: prefix, MaxFileSize: opts.MaxFileSize, Exclude: exclude})
	dirs, diags := loader.Discover(".")
	t := &tree{loader: loader, dirs: dirs}
	if opts.Debug != nil {
		opts.Debug("scanning %s: %d module directories", prefix, len(dirs))
	}
	return t, diags, nil
}

// analyzeWithTimeout runs analyzeRoot with opts.RootTimeout. An analysis
// that runs past it is abandoned (its goroutine writes only its own
// results) and reported as an error naming the root module.
func analyzeWithTimeout(loader *parser.Loader, dir string, opts ScanOptions) ([]lint.Finding, []lint.Undetermined, hcl.Diagnostics) {
	if opts.RootTimeout <= 0 {
		return analyzeRoot(loader, dir, opts)
	}
	type result struct {
		f []lint.Finding
		u []lint.Undetermined
		d hcl.Diagnostics
	}
	done := make(chan result, 1)
	go func() {
		f, u, d := analyzeRoot(loader, dir, opts)
		done <- result{f, u, d}
	}()
	timer := time.NewTimer(opts.RootTimeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.f, r.u, r.d
	case <-timer.C:
		name := loader.DisplayName(dir)
		return nil, nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Analysis timed out",
			Detail:   fmt.Sprintf("The root module %s was still being analyzed after %s, so it is not reported. Look for huge count/for_each expansions or nested for expressions, or raise --timeout.", name, opts.RootTimeout),
			Subject:  &hcl.Range{Filename: name},
		}}
	}
}

// analyzeRoot evaluates one root module, builds its graph and runs the
// rules. A panic anywhere in it becomes an error diagnostic naming the
// module.
func analyzeRoot(loader *parser.Loader, dir string, opts ScanOptions) (findings []lint.Finding, unds []lint.Undetermined, diags hcl.Diagnostics) {
	defer func() {
		if rec := recover(); rec != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Internal error",
				Detail:   fmt.Sprintf("spillway failed while analyzing the root module %s: %v. The other modules were still analyzed; please report this.", loader.DisplayName(dir), rec),
				Subject:  &hcl.Range{Filename: loader.DisplayName(dir)},
			})
			findings, unds = nil, nil
		}
	}()
	mod := loader.Module(dir)
	if mod.Broken {
		return nil, nil, nil
	}
	root := eval.NewRoot(loader, mod, eval.Options{Env: opts.Env, Args: opts.VarArgs, Cache: opts.cache})
	root.Validate()
	g := graph.Build(root)
	f, u, d := lint.RunGraph(g, loader.DisplayName(dir), opts.Rules, opts.Settings)
	d = append(root.Diagnostics(), d...)
	return f, u, d
}

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

// excludeSet holds glob patterns and the directory they are relative to:
// "**" matches any number of path segments, "*" and "?" stay within one
// segment, and a pattern matches a path or any directory above it.
type excludeSet struct {
	base string
	pats []glob.Pattern
}

func newExcludeSet(base string, patterns []string, what string) (excludeSet, error) {
	set := excludeSet{base: base}
	for _, p := range patterns {
		p = path.Clean(filepath.ToSlash(p))
		pat, err := glob.Compile(p)
		if err != nil {
			return set, fmt.Errorf("invalid %s pattern %q: %w", what, p, err)
		}
		set.pats = append(set.pats, pat)
	}
	return set, nil
}

func (s excludeSet) match(abs string) bool {
	rel, err := filepath.Rel(s.base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	segs := strings.Split(filepath.ToSlash(rel), "/")
	for _, p := range s.pats {
		for n := 1; n <= len(segs); n++ {
			if p.Match(segs[:n]) {
				return true
			}
		}
	}
	return false
}

// excluder combines exclude sets into one predicate over absolute paths.
func excluder(sets ...excludeSet) func(string) bool {
	var used []excludeSet
	for _, s := range sets {
		if len(s.pats) > 0 {
			used = append(used, s)
		}
	}
	if len(used) == 0 {
		return nil
	}
	return func(abs string) bool {
		for _, s := range used {
			if s.match(abs) {
				return true
			}
		}
		return false
	}
}
