package parser

import "sort"

// CallsOf returns the directories a module calls as local modules inside
// the scanned tree (by a literal source, or an OpenTofu source known from
// variable defaults), in call name order. It loads the module.
func (l *Loader) CallsOf(dir string) []string {
	m := l.Module(dir)
	var out []string
	for _, c := range m.SortedCalls() {
		source := c.Source
		if source == "" && c.SourceExpr != nil {
			source = m.StaticSource(c.SourceExpr)
		}
		if !IsLocalSource(source) {
			continue
		}
		target, ok := ResolveLocalSource(dir, source)
		if !ok || target == dir {
			continue
		}
		out = append(out, target)
	}
	return out
}

// Calls returns, for each of the given module directories, the
// directories among them that it calls as local modules (by a literal
// source, or an OpenTofu source known from variable defaults), in call
// name order.
func (l *Loader) Calls(dirs []string) map[string][]string {
	isDir := map[string]bool{}
	for _, d := range dirs {
		isDir[d] = true
	}
	calls := map[string][]string{}
	for _, d := range dirs {
		for _, target := range l.CallsOf(d) {
			if isDir[target] {
				calls[d] = append(calls[d], target)
			}
		}
	}
	return calls
}

// Reach returns dir and every directory it calls, directly or not.
func Reach(calls map[string][]string, dir string) map[string]bool {
	seen := map[string]bool{}
	var visit func(string)
	visit = func(d string) {
		if seen[d] {
			return
		}
		seen[d] = true
		for _, c := range calls[d] {
			visit(c)
		}
	}
	visit(dir)
	return seen
}

// Roots returns, sorted, the root modules among dirs given the calls
// between them (as Calls returns them): the directories nothing calls, and
// the directories only reachable through a call cycle, so that the cycle
// gets reported. With allDirs every directory is a root.
func Roots(dirs []string, calls map[string][]string, allDirs bool) []string {
	called := map[string]bool{}
	for _, targets := range calls {
		for _, t := range targets {
			called[t] = true
		}
	}
	var roots []string
	reached := map[string]bool{}
	var visit func(d string)
	visit = func(d string) {
		if reached[d] {
			return
		}
		reached[d] = true
		for _, c := range calls[d] {
			visit(c)
		}
	}
	for _, d := range dirs {
		if allDirs || !called[d] {
			roots = append(roots, d)
			visit(d)
		}
	}
	for _, d := range dirs {
		if !reached[d] {
			roots = append(roots, d)
			visit(d)
		}
	}
	sort.Strings(roots)
	return roots
}
