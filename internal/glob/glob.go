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
// whole.
func (p Pattern) Match(segs []string) bool {
	for len(p) > 0 {
		if p[0] == "**" {
			// Collapse repeated ** and try every split.
			for len(p) > 1 && p[1] == "**" {
				p = p[1:]
			}
			for i := 0; i <= len(segs); i++ {
				if p[1:].Match(segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, err := path.Match(p[0], segs[0]); err != nil || !ok {
			return false
		}
		p, segs = p[1:], segs[1:]
	}
	return len(segs) == 0
}
