package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/fix"
	"github.com/spillway-iac/spillway/internal/safewrite"
	"github.com/spillway-iac/spillway/internal/textsafe"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/report"
)

// fixFile is one file the fixes change, under every name the scan read it
// by (a file reachable through an in-tree link or a hard link, or a path
// given twice, is one file: it is edited once).
type fixFile struct {
	names []string
	abs   string
	old   []byte
	edits []lint.Edit
}

// errFixesNotApplied reports that --fix wrote nothing; the reports are
// still written and the scan exits 2.
var errFixesNotApplied = errors.New("fixes not applied")

// applyFixes prints (diff) or writes (fix) the suggested fixes of the
// unsuppressed findings and returns the fingerprints of the findings it
// fixed. --fix edits the exact bytes the scan analyzed: every file is
// checked to be unchanged and writable before the first one is replaced,
// and either every file is changed or none (see package safewrite). What
// was applied and what was not is said on stderr.
func applyFixes(res *report.Result, env Env, sf *scanFlags, stdout, stderr io.Writer) (map[string]bool, error) {
	fixable, skipped := selectFixes(res, sf.belowMin)
	// notApplied says why --fix writes nothing; --diff fails outright.
	notApplied := func(err error) (map[string]bool, error) {
		if !sf.fix {
			return nil, err
		}
		fmt.Fprintf(stderr, "spillway: no fix was applied: %s\n", textsafe.Sanitize(err.Error()))
		return nil, errFixesNotApplied
	}
	files, err := groupFixFiles(res, env, fix.EditsByFile(fixable))
	if err != nil {
		return notApplied(err)
	}
	type change struct {
		file    *fixFile
		updated []byte
	}
	var changes []change
	for _, ff := range files {
		updated, err := fix.ApplyFormatted(ff.old, ff.edits)
		if err != nil {
			return notApplied(fmt.Errorf("cannot fix %s: %w", ff.names[0], err))
		}
		changes = append(changes, change{ff, updated})
	}
	changed := make([]string, 0, len(changes))
	for _, c := range changes {
		changed = append(changed, c.file.names[0])
	}
	if !sf.fix {
		for _, c := range changes {
			if _, err := io.WriteString(stdout, fix.UnifiedDiff(c.file.names[0], c.file.old, c.updated)); err != nil {
				return nil, fmt.Errorf("write the diff: %w", err)
			}
		}
		reportFixes(stderr, false, fixable, changed, skipped, len(res.Rules))
		return map[string]bool{}, nil
	}
	trees := fixTrees(env, sf)
	defer func() {
		for _, t := range trees {
			_ = t.root.Close()
		}
	}()
	var batch []safewrite.Change
	for _, c := range changes {
		t, rel, ok := treeOf(trees, c.file.abs)
		if !ok {
			return notApplied(fmt.Errorf("cannot fix %s: it is outside the scanned tree", c.file.names[0]))
		}
		batch = append(batch, safewrite.Change{Ops: safewrite.RootOps(t.root), Name: rel, Old: c.file.old, New: c.updated})
	}
	if _, err := safewrite.Batch(nil, batch); err != nil {
		fmt.Fprintf(stderr, "spillway: no fix was applied: %s\n", textsafe.Sanitize(err.Error()))
		for _, c := range changes {
			fmt.Fprintf(stderr, "  not applied: %s\n", textsafe.Sanitize(c.file.names[0]))
		}
		return nil, errFixesNotApplied
	}
	fixed := map[string]bool{}
	for _, f := range fixable {
		fixed[f.Fingerprint] = true
	}
	reportFixes(stderr, true, fixable, changed, skipped, len(res.Rules))
	return fixed, nil
}

// groupFixFiles gathers the edits by file identity (device and inode), so
// that a file known under several names is edited once, from the bytes
// the scan read. Names of one file whose analyzed bytes differ (the file
// changed between two reads) make the fix refuse.
func groupFixFiles(res *report.Result, env Env, byName map[string][]lint.Edit) ([]*fixFile, error) {
	names := make([]string, 0, len(byName))
	for name := range byName {
		names = append(names, name)
	}
	sort.Strings(names)
	byID := map[safewrite.FileID]*fixFile{}
	var out []*fixFile
	for _, name := range names {
		old := res.Source(name)
		if old == nil {
			return nil, fmt.Errorf("cannot fix %s: the file was not read by the scan", name)
		}
		abs := checker.AbsPath(env.Cwd, name)
		info, err := os.Stat(abs)
		if err != nil {
			return nil, fmt.Errorf("cannot fix %s: %w", name, err)
		}
		var ff *fixFile
		if k, ok := safewrite.IDOf(info); ok {
			ff = byID[k]
			if ff == nil {
				ff = &fixFile{abs: abs, old: old}
				byID[k] = ff
				out = append(out, ff)
			}
		} else {
			ff = &fixFile{abs: abs, old: old}
			out = append(out, ff)
		}
		if !slices.Equal(ff.old, old) {
			return nil, fmt.Errorf("cannot fix %s: it was read twice, under %s too, with different content (was it edited during the scan?)", name, ff.names[0])
		}
		ff.names = append(ff.names, name)
		for _, e := range byName[name] {
			e.Range.Filename = ff.names[0]
			ff.edits = append(ff.edits, e)
		}
	}
	return out, nil
}

// fixTree is a scanned directory, opened as an os.Root so that fixes
// resolve every path and link inside it.
type fixTree struct {
	dir  string
	root *os.Root
}

// fixTrees opens the scanned trees: --root, or each PATH (a file's
// directory).
func fixTrees(env Env, sf *scanFlags) []fixTree {
	dirs := sf.paths
	if sf.root != "" {
		dirs = []string{sf.root}
	}
	var out []fixTree
	for _, p := range dirs {
		abs := checker.AbsPath(env.Cwd, p)
		if st, err := os.Stat(abs); err == nil && !st.IsDir() {
			abs = filepath.Dir(abs)
		}
		r, err := os.OpenRoot(abs)
		if err != nil {
			continue // reported by the scan already
		}
		out = append(out, fixTree{dir: filepath.Clean(abs), root: r})
	}
	return out
}

// treeOf returns the deepest scanned tree holding abs and abs relative to
// it.
func treeOf(trees []fixTree, abs string) (fixTree, string, bool) {
	best, bestRel, ok := fixTree{}, "", false
	for _, t := range trees {
		rel, err := filepath.Rel(t.dir, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		if !ok || len(t.dir) > len(best.dir) {
			best, bestRel, ok = t, filepath.ToSlash(rel), true
		}
	}
	return best, bestRel, ok
}
