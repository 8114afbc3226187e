package report

import (
	"slices"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/lint"
)

// ForCodeHosts reports whether a format is read by code hosts and CI
// (SARIF, GitHub annotations, JSON, checkstyle, JUnit, Markdown), whose
// paths are relative to the source root (Result.SourceRoot), rather than
// by people in a terminal (text, compact), whose paths are relative to the
// working directory so that a terminal or an editor opens them.
func ForCodeHosts(format string) bool {
	return format != "text" && format != "compact"
}

// Renamed returns a copy of r in which every file name and root module
// path is passed through rename, with SourceRoot set to root (the
// absolute directory the new names are relative to). back turns a new
// name into the old one, for Source. r is not changed.
func (r *Result) Renamed(root string, rename, back func(string) string) *Result {
	out := *r
	out.SourceRoot = root
	rng := func(x hcl.Range) hcl.Range {
		x.Filename = rename(x.Filename)
		return x
	}
	calls := func(cs []lint.Call) []lint.Call {
		if cs == nil {
			return nil
		}
		out := make([]lint.Call, len(cs))
		for i, c := range cs {
			c.Range = rng(c.Range)
			out[i] = c
		}
		return out
	}
	out.Findings = make([]lint.Finding, len(r.Findings))
	for i, f := range r.Findings {
		f.Range, f.Block, f.Root = rng(f.Range), rng(f.Block), rename(f.Root)
		f.Calls = calls(f.Calls)
		if f.Related != nil {
			rel := make([]lint.RelatedLocation, len(f.Related))
			for k, x := range f.Related {
				x.Range = rng(x.Range)
				rel[k] = x
			}
			f.Related = rel
		}
		if f.Fixes != nil {
			fixes := make([]lint.Fix, len(f.Fixes))
			for k, fx := range f.Fixes {
				edits := make([]lint.Edit, len(fx.Edits))
				for j, e := range fx.Edits {
					e.Range = rng(e.Range)
					edits[j] = e
				}
				fx.Edits = edits
				fixes[k] = fx
			}
			f.Fixes = fixes
		}
		out.Findings[i] = f
	}
	if r.Undetermined != nil {
		out.Undetermined = make([]lint.Undetermined, len(r.Undetermined))
		for i, u := range r.Undetermined {
			u.Range, u.Root, u.Calls = rng(u.Range), rename(u.Root), calls(u.Calls)
			out.Undetermined[i] = u
		}
	}
	if r.Diagnostics != nil {
		out.Diagnostics = make(hcl.Diagnostics, len(r.Diagnostics))
		for i, d := range r.Diagnostics {
			c := *d
			if c.Subject != nil {
				s := rng(*c.Subject)
				c.Subject = &s
			}
			if c.Context != nil {
				s := rng(*c.Context)
				c.Context = &s
			}
			out.Diagnostics[i] = &c
		}
	}
	if r.Roots != nil {
		out.Roots = make([]string, len(r.Roots))
		for i, x := range r.Roots {
			out.Roots[i] = rename(x)
		}
		slices.Sort(out.Roots)
	}
	if r.Source != nil {
		src := r.Source
		out.Source = func(name string) []byte { return src(back(name)) }
	}
	return &out
}
