package lint

import (
	"fmt"
	"strings"

	"github.com/spillway-iac/spillway/internal/glob"
)

// SelectorKind says what a rule selector names.
type SelectorKind int

// The kinds of selector, from the most specific.
const (
	// SelectID is a rule ID in any case (spw101).
	SelectID SelectorKind = iota + 1
	// SelectName is a rule name (lambda-unreserved-concurrency).
	SelectName
	// SelectFamily is a family (async, concurrency, wiring, front-door,
	// monitoring, suppressions); "front door" and "front_door" are
	// accepted too.
	SelectFamily
	// SelectGlob is a glob over IDs in any case (SPW5*, spw10?).
	SelectGlob
)

// FamilySlug returns the family of r as written in selectors: its
// Family with spaces replaced by hyphens ("front-door").
func (r *Rule) FamilySlug() string {
	return familySlug(r.Family())
}

func familySlug(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "-", "_", "-").Replace(s)
}

// SelectRules returns the rules of catalog that sel names, in catalog
// order, and what kind of selector it is: an ID in any case, a rule name,
// a family name or a glob over IDs. A selector that names no rule is an
// error that lists the kinds accepted.
func SelectRules(catalog []*Rule, sel string) ([]*Rule, SelectorKind, error) {
	s := strings.TrimSpace(sel)
	if s == "" {
		return nil, 0, fmt.Errorf("empty rule selector")
	}
	var out []*Rule
	for _, r := range catalog {
		if strings.EqualFold(r.ID, s) {
			return []*Rule{r}, SelectID, nil
		}
	}
	for _, r := range catalog {
		if r.Name == strings.ToLower(s) {
			return []*Rule{r}, SelectName, nil
		}
	}
	fam := familySlug(s)
	for _, r := range catalog {
		if r.FamilySlug() == fam {
			out = append(out, r)
		}
	}
	if len(out) > 0 {
		return out, SelectFamily, nil
	}
	if strings.ContainsAny(s, "*?[") {
		p, err := glob.Compile(strings.ToUpper(s))
		if err != nil {
			return nil, 0, fmt.Errorf("rule pattern %q: %w", sel, err)
		}
		for _, r := range catalog {
			if p.Match([]string{r.ID}) {
				out = append(out, r)
			}
		}
		if len(out) > 0 {
			return out, SelectGlob, nil
		}
		return nil, 0, fmt.Errorf("the pattern %q matches no rule ID (run spillway rules for the list)", sel)
	}
	return nil, 0, fmt.Errorf("unknown rule %q: not a rule ID, rule name or family (async, concurrency, wiring, front-door, monitoring), and no glob such as SPW5* (run spillway rules for the list)", sel)
}
