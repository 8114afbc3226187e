// Package glob matches slash-separated paths against the patterns of
// --exclude, the config file's exclude list and fileset(): "*", "?" and
// "[class]" match within one path segment (as path.Match does) and a "**"
// segment matches any number of segments.
package glob

import (
	"path"
	"strings"
)

// Pattern is a pattern split into its path segments.
type Pattern []string

// Compile checks the syntax of a slash-separated pattern and returns it
// cleaned (path.Clean) and split into segments.
func Compile(pattern string) (Pattern, error) {
	if _, err := path.Match(strings.ReplaceAll(pattern, "**", "*"), ""); err != nil {
		return nil, err
	}
	return Pattern(strings.Split(path.Clean(pattern), "/")), nil
}

// Match reports whether the path segments segs match the pattern as a
// whole. It runs in time proportional to len(p) x len(segs): the pattern
// is simulated as an automaton over segments (a set of positions in the
// pattern), never by backtracking, so repeated "**" segments cannot make
// it exponential.
func (p Pattern) Match(segs []string) bool {
	ok, _ := p.match(segs)
	return ok
}

// match is Match, also returning the number of segment comparisons made
// (for the test that proves the bound).
func (p Pattern) match(segs []string) (ok bool, steps int) {
	cur := make([]bool, len(p)+1)
	next := make([]bool, len(p)+1)
	cur[0] = true
	closure(p, cur)
	for _, seg := range segs {
		clear(next)
		alive := false
		for i, on := range cur[:len(p)] {
			if !on {
				continue
			}
			if p[i] == "**" {
				next[i] = true
				alive = true
				continue
			}
			steps++
			if m, err := path.Match(p[i], seg); err == nil && m {
				next[i+1] = true
				alive = true
			}
		}
		if !alive {
			return false, steps
		}
		closure(p, next)
		cur, next = next, cur
	}
	return cur[len(p)], steps
}

// closure adds the positions reachable without consuming a segment: a
// "**" may match no segment at all.
func closure(p Pattern, set []bool) {
	for i := range p {
		if set[i] && p[i] == "**" {
			set[i+1] = true
		}
	}
}
