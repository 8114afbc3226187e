package checker

import (
	"path"
	"time"

	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

// pathKey turns a name shown to users (relative to opts.Cwd) into the
// name fingerprints hash (relative to opts.SourceRoot).
func (d *driver) pathKey(display string) string {
	return keyOf(d.opts, display)
}

func keyOf(opts Options, display string) string {
	if opts.SourceRoot == "" || opts.Cwd == "" {
		return display
	}
	return Rebase(opts.Cwd, opts.SourceRoot, display)
}

// applyKeyed runs lint.ApplySuppressions on names relative to
// opts.SourceRoot, so that the fingerprints of the SPW000 findings it
// returns do not depend on the working directory, and gives the findings
// their names as shown back. When the names differ, the SPW000 findings
// keep the fingerprints earlier versions gave them.
func applyKeyed(findings []lint.Finding, dirs map[string][]lint.Directive, today time.Time, opts Options) (out, problems []lint.Finding) {
	known := func(id string) bool { return rules.ByID(id) != nil }
	toKey := map[string]string{}
	toShow := map[string]string{}
	key := func(name string) string {
		if k, ok := toKey[name]; ok {
			return k
		}
		k := keyOf(opts, name)
		toKey[name], toShow[k] = k, name
		return k
	}
	same := true
	keyed := make(map[string][]lint.Directive, len(dirs))
	for name, ds := range dirs {
		kds := make([]lint.Directive, len(ds))
		for i, d := range ds {
			d.Range.Filename = key(d.Range.Filename)
			if d.Target.Filename != "" {
				d.Target.Filename = key(d.Target.Filename)
			}
			kds[i] = d
		}
		keyed[key(name)] = kds
		same = same && key(name) == name
	}
	if same {
		return lint.ApplySuppressions(findings, dirs, today, known, rules.SPW000)
	}
	in := make([]lint.Finding, len(findings))
	for i, f := range findings {
		f.Range.Filename = key(f.Range.Filename)
		if f.Block.Filename != "" {
			f.Block.Filename = key(f.Block.Filename)
		}
		in[i] = f
	}
	show := func(fs []lint.Finding) {
		for i := range fs {
			f := &fs[i]
			if n, ok := toShow[f.Range.Filename]; ok {
				f.Range.Filename = n
			}
			if n, ok := toShow[f.Block.Filename]; ok {
				f.Block.Filename = n
			}
		}
	}
	out, problems = lint.ApplySuppressions(in, keyed, today, known, rules.SPW000)
	show(out)
	show(problems)
	// The same directives under the names as shown give the fingerprints
	// of earlier versions.
	type at struct {
		file, msg string
		line, col int
	}
	_, old := lint.ApplySuppressions(findings, dirs, today, known, rules.SPW000)
	before := map[at]string{}
	for _, p := range old {
		before[at{p.Range.Filename, p.Message, p.Range.Start.Line, p.Range.Start.Column}] = p.Fingerprint
	}
	for i := range problems {
		p := &problems[i]
		p.Root = path.Dir(p.Range.Filename)
		if fp, ok := before[at{p.Range.Filename, p.Message, p.Range.Start.Line, p.Range.Start.Column}]; ok && fp != p.Fingerprint {
			p.LegacyFingerprints = append(p.LegacyFingerprints, fp)
		}
	}
	return out, problems
}
