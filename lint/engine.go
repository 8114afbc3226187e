package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/graph"
)

// Call is a module call on the path from the root module to a finding.
type Call struct {
	Address string
	// Range is the module block's header; Block the whole block.
	Range hcl.Range
	Block hcl.Range
}

// RelatedLocation is a resource involved in a finding.
type RelatedLocation struct {
	Resource string
	Range    hcl.Range
	Role     string
}

// Finding is one reported problem: one rule, one source block, one root
// module, with every affected instance of the block.
type Finding struct {
	RuleID   string
	RuleName string
	Severity Severity
	// Exposure is who can drive the resources of the finding: the highest
	// exposure over its instances (see graph.Graph.ResourceExposure).
	Exposure graph.Exposure
	Message  string
	// Resource is the first affected instance; Instances all of them.
	Resource  string
	Instances []string
	// Range is the tightest range that shows the problem: the offending
	// argument, or the anchored block.
	Range hcl.Range
	// Block is the anchored resource block, which suppressions and fixes
	// apply to.
	Block   hcl.Range
	Calls   []Call
	Related []RelatedLocation
	// Root is the root module's directory as shown to users: for a
	// finding merged over several root modules (MergeRoots), the first
	// one, whose instances Resource and Instances are.
	Root string
	// RootInstances are the affected instances in every root module the
	// finding was found in, sorted by root and address.
	RootInstances []Instance
	Fingerprint   string
	// LegacyFingerprints are the fingerprints of the findings this one
	// stands for under the old scheme (rule ID, resource, root module),
	// which baselines written before issue 13 hold.
	LegacyFingerprints []string
	// Suppressed findings are reported but do not affect the exit code.
	Suppressed bool
	// SuppressionKind is "inSource" or "external" (baseline).
	SuppressionKind string
	Justification   string
	// Fixes are suggested fixes, when the rule has a mechanical one.
	Fixes []Fix
	// FixSpecs say what a mechanical fix adds to the anchored block (see
	// FixSpec); internal/fix computes Fixes from them. Empty when the
	// instances of the block disagree.
	FixSpecs []FixSpec
}

// Instance is one affected instance of a finding: a resource address in a
// root module.
type Instance struct {
	Root    string `json:"root"`
	Address string `json:"address"`
}

// BlockRange returns the anchored resource block: Block, or Range for a
// finding that is not about a block.
func (f *Finding) BlockRange() hcl.Range {
	if f.Block != (hcl.Range{}) {
		return f.Block
	}
	return f.Range
}

// Fix is a suggested mechanical fix of a finding: edits to source files.
type Fix struct {
	Description string
	Edits       []Edit
}

// Edit replaces the bytes of Range (an empty range inserts) with NewText.
type Edit struct {
	Range   hcl.Range
	NewText string
}

// Undetermined is a check a rule could not decide because a value it
// needs is unknown: one per rule, resource block and root module.
type Undetermined struct {
	RuleID string
	// Resource is the first undecided instance of the block.
	Resource string
	Range    hcl.Range
	// Unknown names what is unknown; several unknowns are joined by "; ".
	Unknown string
	// Root is the root module's directory as shown to users.
	Root string
	// Exposure is who can drive the undecided instances: the highest
	// exposure over them, as for a Finding.
	Exposure graph.Exposure
	// Calls are the module calls from the root module to Resource.
	Calls []Call
}

// Fingerprint returns the stable fingerprint of a finding: a hash of the
// rule ID, a key naming the resource and a place. Findings fingerprint
// (rule ID, BlockKey, the anchored block's file as shown): neither the
// root module nor the working directory takes part, so a finding in a
// module shared by several root modules has one fingerprint, and it
// survives line moves and reformatting. Before issue 13 findings were
// fingerprinted (rule ID, resource address, root module); Finding keeps
// those as LegacyFingerprints so that existing baselines still match.
func Fingerprint(ruleID, key, place string) string {
	h := sha256.Sum256([]byte(ruleID + "\x00" + key + "\x00" + place))
	return hex.EncodeToString(h[:16])
}

// BlockKey returns the address, without instance keys, of the block a
// finding on the resource at addr is anchored at, relative to the module
// that declares it: "aws_lambda_function.this" for
// `module.api["eu"].aws_lambda_function.this[0]`, and
// "module.lambda.aws_lambda_function.this" for a finding anchored at the
// call module.lambda when modulePrefix is the calling module's address
// (`module.api["eu"]`, or "" for the root module).
func BlockKey(addr, modulePrefix string) string {
	if modulePrefix != "" {
		addr = strings.TrimPrefix(addr, modulePrefix+".")
	}
	return graph.BlockAddr(addr)
}

// RunGraph runs the rules over one root module's graph. Findings that a
// rule's Folds absorb are dropped into the absorbing finding's related
// resources; findings of instances of the same block are merged; findings on instances that may
// not exist (unknown count or for_each) become undetermined. A rule that
// fails or panics is reported as an error diagnostic and the others still
// run.
func RunGraph(g *graph.Graph, root string, rules []*Rule, settings Settings) ([]Finding, []Undetermined, hcl.Diagnostics) {
	return RunGraphWith(g, root, rules, settings, RunOptions{})
}

// RunGraphWith is RunGraph with options: with opts.Owned, findings on
// resources in modules the user does not own are anchored at the module
// call that leads into them (see RunOptions).
func RunGraphWith(g *graph.Graph, root string, rules []*Rule, settings Settings, opts RunOptions) ([]Finding, []Undetermined, hcl.Diagnostics) {
	var raws []rawFinding
	var unds []rawUndetermined
	var diags hcl.Diagnostics
	for _, r := range rules {
		p := &Pass{
			Graph:        g,
			Rule:         r,
			Settings:     settings,
			report:       func(f rawFinding) { raws = append(raws, f) },
			undetermined: func(u rawUndetermined) { unds = append(unds, u) },
		}
		if err := runCheck(r, p); err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Internal error in rule " + r.ID,
				Detail:   fmt.Sprintf("Rule %s failed on the root module %s: %s. The other rules still ran; please report this.", r.ID, g.Root, err),
				Subject:  &hcl.Range{Filename: g.Root},
			})
		}
	}
	raws = fold(raws)
	findings, moreUnds := group(g, raws, root, opts)
	unds = append(unds, moreUnds...)
	return findings, groupUndetermined(g, unds, root), diags
}

// fold applies Rule.Folds: a finding of a rule that folds rule X, on a
// resource that certainly exists, absorbs the findings of X on the
// resources it names as related. The absorbed finding's related resources
// are added to the absorbing one's (group drops duplicates), so no
// location is lost.
func fold(raws []rawFinding) []rawFinding {
	type target struct {
		rule     string
		resource *graph.Resource
	}
	absorber := map[target]int{} // index in raws of the absorbing finding
	for i, f := range raws {
		if len(f.rule.Folds) == 0 || !f.resource.Exists().True() {
			continue
		}
		for _, id := range f.rule.Folds {
			for _, rel := range f.related {
				t := target{id, rel.Resource}
				if _, ok := absorber[t]; !ok && rel.Resource != nil {
					absorber[t] = i
				}
			}
		}
	}
	if len(absorber) == 0 {
		return raws
	}
	extra := map[int][]Related{}
	absorbed := make([]bool, len(raws))
	for j, f := range raws {
		if i, ok := absorber[target{f.rule.ID, f.resource}]; ok {
			absorbed[j] = true
			extra[i] = append(extra[i], f.related...)
		}
	}
	out := make([]rawFinding, 0, len(raws))
	for i, f := range raws {
		if absorbed[i] {
			continue
		}
		if more := extra[i]; len(more) > 0 {
			f.related = append([]Related(nil), f.related...)
			for _, rel := range more {
				// The absorbing finding's own resource is not related to it.
				if rel.Resource != f.resource {
					f.related = append(f.related, rel)
				}
			}
		}
		out = append(out, f)
	}
	return out
}

func runCheck(r *Rule, p *Pass) (err error) {
	defer func() {
		if rec := recover(); rec != nil {
			err = fmt.Errorf("panic: %v", rec)
		}
	}()
	return r.Check(p)
}

type groupKey struct {
	rule     string
	severity Severity
	file     string
	start    int
	// anchorFile and anchorStart are the module call a finding in a
	// module the user does not own is anchored at: the instances of one
	// block reached through distinct calls are distinct findings (each
	// call is its own place to fix).
	anchorFile  string
	anchorStart int
}

func group(g *graph.Graph, raws []rawFinding, root string, opts RunOptions) ([]Finding, []rawUndetermined) {
	byKey := map[groupKey][]rawFinding{}
	var keys []groupKey
	var unds []rawUndetermined
	for _, f := range raws {
		if f.resource.Exists().Undecided() {
			unds = append(unds, rawUndetermined{rule: f.rule, resource: f.resource, unknown: f.resource.Exists().Why})
			continue
		}
		k := groupKey{rule: f.rule.ID, severity: f.severity, file: f.resource.Range.Filename, start: f.resource.Range.Start.Byte, anchorStart: -1}
		if i := anchorCall(f.resource, opts); i >= 0 {
			k.anchorFile, k.anchorStart = f.resource.Calls[i].Range.Filename, f.resource.Calls[i].Range.Start.Byte
		}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], f)
	}
	// One finding per key, allocated once: the findings of every root
	// module stay in memory until the end of the scan, and appending
	// left up to half of the slice unused.
	out := make([]Finding, 0, len(keys))
	for _, k := range keys {
		fs := byKey[k]
		sort.SliceStable(fs, func(i, j int) bool { return graph.CompareAddr(fs[i].resource.Addr, fs[j].resource.Addr) < 0 })
		first := fs[0]
		fd := Finding{
			RuleID:   first.rule.ID,
			RuleName: first.rule.Name,
			Severity: first.severity,
			Message:  first.message,
			Resource: first.resource.Addr,
			Range:    first.resource.Range,
			Block:    first.resource.Range,
			Root:     root,
		}
		if first.rng != (hcl.Range{}) {
			fd.Range = first.rng
		}
		seen := map[string]bool{}
		fd.Exposure = graph.ExposureUndetermined
		addInstance := func(r *graph.Resource) {
			if seen[r.Addr] {
				return
			}
			seen[r.Addr] = true
			fd.Instances = append(fd.Instances, r.Addr)
			if e := g.ResourceExposure(r); e > fd.Exposure {
				fd.Exposure = e
			}
		}
		for _, f := range fs {
			addInstance(f.resource)
		}
		for _, f := range fs {
			for _, r := range f.instances {
				addInstance(r)
			}
		}
		for _, c := range first.resource.Calls {
			fd.Calls = append(fd.Calls, Call(c))
		}
		relSeen := map[string]bool{}
		for _, rel := range first.related {
			if rel.Resource == nil {
				continue
			}
			key := rel.Resource.Addr + "\x00" + rel.Role
			if relSeen[key] {
				continue
			}
			relSeen[key] = true
			fd.Related = append(fd.Related, RelatedLocation{Resource: rel.Resource.Addr, Range: rel.Resource.Range, Role: rel.Role})
		}
		fd.Related = append(fd.Related, callChains(fs)...)
		if sameFixSpecs(fs) {
			fd.FixSpecs = first.fix
		}
		prefix := first.resource.Module
		if i := anchorCall(first.resource, opts); i >= 0 {
			anchor(&fd, first, i)
			prefix = ""
			if i > 0 {
				prefix = first.resource.Calls[i-1].Address
			}
		} else if !opts.owned(fd.BlockRange().Filename) {
			// Never propose an edit of a file outside the user's tree.
			fd.FixSpecs = nil
		} else {
			// In the resource's own block a fix only adds a missing
			// argument: a value the author wrote is theirs to change.
			fd.FixSpecs = missingOnly(first.resource, fd.FixSpecs)
		}
		fd.Fingerprint = Fingerprint(fd.RuleID, BlockKey(fd.Resource, prefix), opts.pathKey(fd.BlockRange().Filename))
		fd.LegacyFingerprints = []string{Fingerprint(fd.RuleID, fd.Resource, root)}
		for _, a := range fd.Instances {
			fd.RootInstances = append(fd.RootInstances, Instance{Root: root, Address: a})
		}
		out = append(out, fd)
	}
	return out, unds
}

// callChains returns a related location for each distinct module call
// block through which the instances of a group are reached (the call of
// the module that declares the block), when there is more than one: one
// root module calling a module twice has two caller chains, and both are
// shown, not only the first instance's.
func callChains(fs []rawFinding) []RelatedLocation {
	var out []RelatedLocation
	seen := map[hcl.Range]bool{}
	for _, f := range fs {
		calls := f.resource.Calls
		if len(calls) == 0 {
			continue
		}
		c := calls[len(calls)-1]
		if seen[c.Range] {
			continue
		}
		seen[c.Range] = true
		out = append(out, RelatedLocation{Resource: graph.BlockAddr(c.Address), Range: c.Range, Role: "module call"})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// groupUndetermined merges the undetermined checks of one root module
// into one entry per rule and resource block: the first instance (by
// address) stands for the block, and the distinct unknowns of all its
// instances are named, sorted.
func groupUndetermined(g *graph.Graph, raws []rawUndetermined, root string) []Undetermined {
	type key struct {
		rule, file string
		start      int
	}
	type entry struct {
		first    rawUndetermined
		unknowns map[string]bool
		exposure graph.Exposure
	}
	byKey := map[key]*entry{}
	var keys []key
	for _, u := range raws {
		k := key{rule: u.rule.ID, file: u.resource.Range.Filename, start: u.resource.Range.Start.Byte}
		e, ok := byKey[k]
		if !ok {
			keys = append(keys, k)
			e = &entry{first: u, unknowns: map[string]bool{}}
			byKey[k] = e
		}
		e.unknowns[u.unknown] = true
		if x := g.ResourceExposure(u.resource); x > e.exposure {
			e.exposure = x
		}
		if graph.CompareAddr(u.resource.Addr, e.first.resource.Addr) < 0 {
			e.first = u
		}
	}
	out := make([]Undetermined, 0, len(keys))
	for _, k := range keys {
		e := byKey[k]
		unknowns := make([]string, 0, len(e.unknowns))
		for s := range e.unknowns {
			unknowns = append(unknowns, s)
		}
		sort.Strings(unknowns)
		u := e.first
		ud := Undetermined{RuleID: u.rule.ID, Resource: u.resource.Addr, Range: u.resource.Range, Unknown: strings.Join(unknowns, "; "), Root: root, Exposure: e.exposure}
		for _, c := range u.resource.Calls {
			ud.Calls = append(ud.Calls, Call(c))
		}
		out = append(out, ud)
	}
	return out
}

// SortFindings orders findings by file, line, column, rule ID, then
// severity (highest first) and resource.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Range.Filename != b.Range.Filename {
			return a.Range.Filename < b.Range.Filename
		}
		if a.Range.Start.Line != b.Range.Start.Line {
			return a.Range.Start.Line < b.Range.Start.Line
		}
		if a.Range.Start.Column != b.Range.Start.Column {
			return a.Range.Start.Column < b.Range.Start.Column
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		return a.Root < b.Root
	})
}

// SortUndetermined orders undetermined checks by file, line, rule ID,
// resource and unknown expression.
func SortUndetermined(us []Undetermined) {
	sort.SliceStable(us, func(i, j int) bool {
		a, b := us[i], us[j]
		if a.Range.Filename != b.Range.Filename {
			return a.Range.Filename < b.Range.Filename
		}
		if a.Range.Start.Line != b.Range.Start.Line {
			return a.Range.Start.Line < b.Range.Start.Line
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		if a.Unknown != b.Unknown {
			return a.Unknown < b.Unknown
		}
		return a.Root < b.Root
	})
}

// missingOnly returns the fix specs whose argument is absent from res:
// internal/fix only adds arguments, so a spec for one that is written
// (null, -1, a variable) would promise a fix that never comes.
func missingOnly(res *graph.Resource, specs []FixSpec) []FixSpec {
	var out []FixSpec
	for _, s := range specs {
		if res.Path(append(append([]string(nil), s.Block...), s.Attribute)...).State() == graph.Absent {
			out = append(out, s)
		}
	}
	return out
}
