package lint

import (
	"fmt"
	"slices"
	"sort"

	"github.com/spillway-iac/spillway/graph"
)

// MergeRoots merges the findings of several root modules that are one
// problem: the same rule at the same place (anchored block and range),
// such as a module shared by many examples. The merged finding keeps the
// member with the highest severity (then the first root module, then the
// first resource) as its base; RootInstances lists every (root module,
// address), the message counts them when there is more than one root
// module, every caller chain becomes a related location, and the related
// locations, legacy fingerprints and (when all members agree) fix specs
// are merged. Callers that avoid the problem produce no finding, so they
// are not instances. The fingerprint does not depend on the root modules
// (see Fingerprint), so the result is the same whatever order the roots
// were analyzed in. Findings are returned sorted (SortFindings).
func MergeRoots(findings []Finding) []Finding {
	type key struct {
		rule                 string
		blockFile, rangeFile string
		blockStart, start    int
	}
	// Groups hold indices: a large tree has tens of thousands of
	// findings, and copying each into its group held them all twice.
	byKey := map[key][]int{}
	var keys []key
	for i := range findings {
		f := &findings[i]
		b := f.BlockRange()
		k := key{rule: f.RuleID, blockFile: b.Filename, blockStart: b.Start.Byte, rangeFile: f.Range.Filename, start: f.Range.Start.Byte}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], i)
	}
	out := make([]Finding, 0, len(keys))
	for _, k := range keys {
		idx := byKey[k]
		if oneRoot(findings, idx) {
			// One root module's findings of several severities at one
			// place (instances on paths of different exposure) stay
			// apart, as RunGraph made them.
			for _, i := range idx {
				out = append(out, findings[i])
			}
			continue
		}
		ms := make([]Finding, len(idx))
		for j, i := range idx {
			ms[j] = findings[i]
		}
		out = append(out, merge(ms))
	}
	SortFindings(out)
	return out
}

// oneRoot reports whether the findings at indices idx all come from one
// root module.
func oneRoot(findings []Finding, idx []int) bool {
	for _, i := range idx[1:] {
		if findings[i].Root != findings[idx[0]].Root {
			return false
		}
	}
	return true
}

func merge(ms []Finding) Finding {
	if len(ms) == 1 {
		return ms[0]
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Root != b.Root {
			return a.Root < b.Root
		}
		return graph.CompareAddr(a.Resource, b.Resource) < 0
	})
	fd := ms[0]
	fd.RootInstances = nil
	fd.Related = nil
	fd.LegacyFingerprints = nil
	roots := map[string]bool{}
	relSeen := map[string]bool{}
	addRel := func(r RelatedLocation) {
		k := fmt.Sprintf("%s\x00%s\x00%d\x00%s", r.Resource, r.Range.Filename, r.Range.Start.Byte, r.Role)
		if !relSeen[k] {
			relSeen[k] = true
			fd.Related = append(fd.Related, r)
		}
	}
	for _, m := range ms {
		roots[m.Root] = true
		fd.RootInstances = append(fd.RootInstances, m.RootInstances...)
		if len(m.RootInstances) == 0 {
			for _, a := range m.Instances {
				fd.RootInstances = append(fd.RootInstances, Instance{Root: m.Root, Address: a})
			}
		}
		fd.LegacyFingerprints = append(fd.LegacyFingerprints, m.LegacyFingerprints...)
		for _, r := range m.Related {
			addRel(r)
		}
		if !slices.EqualFunc(m.FixSpecs, fd.FixSpecs, FixSpec.Equal) {
			fd.FixSpecs = nil
		}
	}
	// Every caller chain is a related location: the call in its root
	// module that leads to the shared place.
	for _, m := range ms {
		if len(m.Calls) == 0 {
			continue
		}
		c := m.Calls[0]
		if c.Range.Filename == fd.BlockRange().Filename && c.Range.Start.Byte == fd.BlockRange().Start.Byte {
			continue
		}
		addRel(RelatedLocation{Resource: m.Calls[len(m.Calls)-1].Address, Range: c.Range, Role: "module call from root module " + m.Root})
	}
	sort.SliceStable(fd.RootInstances, func(i, j int) bool {
		a, b := fd.RootInstances[i], fd.RootInstances[j]
		if a.Root != b.Root {
			return a.Root < b.Root
		}
		return graph.CompareAddr(a.Address, b.Address) < 0
	})
	fd.RootInstances = slices.Compact(fd.RootInstances)
	slices.Sort(fd.LegacyFingerprints)
	fd.LegacyFingerprints = slices.Compact(fd.LegacyFingerprints)
	if len(roots) > 1 {
		fd.Message = fmt.Sprintf("%s (in %d instances across %d root modules)", fd.Message, len(fd.RootInstances), len(roots))
	}
	return fd
}
