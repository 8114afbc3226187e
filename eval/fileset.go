package eval

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/spillway-iac/spillway/internal/glob"
)

// maxGlobAlternatives bounds the patterns that {a,b} alternatives in a
// fileset pattern expand to.
const maxGlobAlternatives = 64

// filesetFunc is Terraform's fileset(path, pattern): the files under path
// (relative to the root module) whose paths relative to it match pattern,
// sorted. The pattern knows *, ? and [class] within a path segment, **
// for any number of segments, and {a,b} alternatives. Only the scanned
// tree is searched: a path or pattern leading out of it gives an unknown
// value and a note.
func (r *Root) filesetFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "pattern", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Set(cty.String)),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p, pat := args[0].AsString(), args[1].AsString()
			unknown := cty.UnknownVal(cty.Set(cty.String)).Mark(Origin{Expr: fmt.Sprintf("fileset(%q, %q)", p, pat)})
			dir, ok := r.resolvePath(p)
			if !ok || path.IsAbs(pat) || strings.HasPrefix(pat, "~") {
				r.outsideTree("fileset", path.Join(p, pat))
				return unknown, nil
			}
			pats, err := expandBraces(pat)
			if err != nil {
				return cty.UnknownVal(cty.Set(cty.String)), err
			}
			var split []glob.Pattern
			for _, q := range pats {
				segs := strings.Split(path.Clean(q), "/")
				for _, s := range segs {
					if s == ".." {
						r.outsideTree("fileset", path.Join(p, pat))
						return unknown, nil
					}
					if _, err := path.Match(s, ""); err != nil {
						return cty.UnknownVal(cty.Set(cty.String)), fmt.Errorf("invalid pattern %q: %w", pat, err)
					}
				}
				split = append(split, glob.Pattern(segs))
			}
			key := dir + "\x00" + pat
			if v, ok := r.filesets[key]; ok {
				return v, nil
			}
			var found []string
			exhausted := false
			walkErr := fs.WalkDir(r.loader.FS(), dir, func(fp string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil //nolint:nilerr // unreadable entries are not matched
				}
				if !r.step(1, r.cur) {
					exhausted = true
					return fs.SkipAll
				}
				if d.IsDir() {
					return nil
				}
				rel := fp
				if dir != "." {
					rel = strings.TrimPrefix(fp, dir+"/")
				}
				if !d.Type().IsRegular() {
					// A symbolic link counts when it leads to a file
					// inside the tree.
					st, err := fs.Stat(r.loader.FS(), fp)
					if err != nil || !st.Mode().IsRegular() {
						return nil
					}
				}
				name := strings.Split(rel, "/")
				for _, g := range split {
					if g.Match(name) {
						found = append(found, rel)
						break
					}
				}
				if len(found) > MaxCollectionLength {
					return errTooMany(len(found))
				}
				return nil
			})
			if exhausted {
				return cty.UnknownVal(cty.Set(cty.String)), nil
			}
			if walkErr != nil {
				return cty.UnknownVal(cty.Set(cty.String)), walkErr
			}
			sort.Strings(found)
			v := cty.SetValEmpty(cty.String)
			if len(found) > 0 {
				vals := make([]cty.Value, len(found))
				for i, f := range found {
					vals[i] = cty.StringVal(f)
				}
				v = cty.SetVal(vals)
			}
			r.filesets[key] = v
			return v, nil
		},
	})
}

// expandBraces expands {a,b} alternatives, innermost first.
func expandBraces(pat string) ([]string, error) {
	out := []string{pat}
	for {
		var next []string
		changed := false
		for _, p := range out {
			open := strings.LastIndex(p, "{")
			if open < 0 {
				next = append(next, p)
				continue
			}
			closing := strings.Index(p[open:], "}")
			if closing < 0 {
				return nil, fmt.Errorf("invalid pattern %q: unclosed {", pat)
			}
			changed = true
			for _, alt := range strings.Split(p[open+1:open+closing], ",") {
				next = append(next, p[:open]+alt+p[open+closing+1:])
			}
		}
		if len(next) > maxGlobAlternatives {
			return nil, fmt.Errorf("invalid pattern %q: more than %d alternatives", pat, maxGlobAlternatives)
		}
		out = next
		if !changed {
			return out, nil
		}
	}
}
