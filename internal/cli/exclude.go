package cli

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/spillway-iac/spillway/internal/glob"
)

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
