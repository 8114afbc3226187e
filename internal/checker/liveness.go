package checker

import (
	"path"
	"sort"
	"strings"
)

// liveness decides when a module directory cached by the loader can be
// released during a streaming scan, so that memory follows the modules in
// use rather than the size of the tree.
//
// The call graph of the whole tree is only known once every directory has
// been parsed, which a streaming scan avoids, so liveness works from where
// modules are used instead: local module sources are relative paths, and
// a module and the root modules that call it live in one subtree (a
// repository's examples and its top directory, an environment tree and
// its modules/ directory). The stream visits directories in an order in
// which every subtree is contiguous (see streamOrder), so once every
// directory of the smallest subtree holding a module and all its known
// users is done, no root module left to analyze is expected to need it.
// A later user outside that subtree, if there is one, loads the module
// again: the release costs a parse, never a result.
type liveness struct {
	// n is the number of directories in the stream; done marks those
	// finished and next is the first one that is not.
	n    int
	done []bool
	next int
	// last is, for every directory of the stream and each of their
	// ancestors, the stream index of the last directory inside it.
	last map[string]int
	// scope is, for every tracked module directory, the smallest subtree
	// holding it and the directories known to use it.
	scope map[string]string
}

func newLiveness(order []string) *liveness {
	lv := &liveness{n: len(order), done: make([]bool, len(order)), last: map[string]int{}, scope: map[string]string{}}
	for i, dir := range order {
		for d := dir; ; d = path.Dir(d) {
			lv.last[d] = i
			if d == "." || d == "/" {
				break
			}
		}
	}
	return lv
}

// use records that the directory user (a directory of the stream) needs
// the module directory dir.
func (lv *liveness) use(dir, user string) {
	s, ok := lv.scope[dir]
	if !ok {
		s = dir
	}
	lv.scope[dir] = commonDir(s, user)
}

// tracked reports whether dir is waiting for its subtree to be done.
func (lv *liveness) tracked(dir string) bool {
	_, ok := lv.scope[dir]
	return ok
}

// finish marks the directory at stream index i done and returns the
// module directories that can be released now, sorted.
func (lv *liveness) finish(i int) []string {
	lv.done[i] = true
	for lv.next < lv.n && lv.done[lv.next] {
		lv.next++
	}
	var out []string
	for dir, s := range lv.scope {
		last, ok := lv.last[s]
		if !ok {
			// A subtree with no directory of the stream in it (the
			// scan's root outside the tree); wait for the end.
			last = lv.n - 1
		}
		if last < lv.next {
			out = append(out, dir)
			delete(lv.scope, dir)
		}
	}
	sort.Strings(out)
	return out
}

// commonDir returns the deepest directory holding both slash-separated
// directories a and b ("." for the top of the tree).
func commonDir(a, b string) string {
	if a == b {
		return a
	}
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	var common []string
	for i := 0; i < len(as) && i < len(bs) && as[i] == bs[i]; i++ {
		common = append(common, as[i])
	}
	if len(common) == 0 {
		return "."
	}
	return strings.Join(common, "/")
}
