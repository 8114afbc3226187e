// Package lint defines what a spillway rule is (a value with an ID, a name,
// a default severity, settings, structured documentation and a check over
// a graph.Graph), the Pass a check reports through, the Finding and
// Undetermined records a scan produces, and the engine that runs rules
// over the graphs of many root modules and merges the instances of one
// block into one finding.
//
// A check judges what the graph says. It reports with one call,
// Pass.Report(Diagnostic{...}): the resource the problem is about (the
// unit of grouping, suppression and fingerprints), the tightest range that
// shows it (the offending argument, or the block where a missing one
// belongs), an optional severity override, the message, related resources
// and a declarative fix (FixSpec). Most checks compute a graph.Fact and
// call Pass.ReportIf, which reports a true fact, records an undecided one
// as Undetermined (naming the unknown), and ignores a false one. What a
// rule produces carries no suppression or fix state: ApplySuppressions,
// Baseline.Apply and package internal/fix add those to the findings later.
//
// Rules run independently. One cause gets one finding through Rule.Folds,
// the only relation between rules: after every rule of a root module has
// run, a finding of a folding rule absorbs the folded rule's findings on
// the resources it names as related (SPW407 on a public function URL
// absorbs SPW201 on its function), keeping their related resources.
package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/graph"
)

// Severity is how much a finding matters.
type Severity int

// The severities, in increasing order.
const (
	Low Severity = iota + 1
	Medium
	High
)

func (s Severity) String() string {
	switch s {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return "unknown"
}

// ParseSeverity parses "low", "medium" or "high".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "low":
		return Low, nil
	case "medium":
		return Medium, nil
	case "high":
		return High, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want low, medium or high)", s)
}

// Rule is one check. Rules are values: the registry is an explicit,
// sorted slice in package rules. Rules run independently; the only
// relation between them is Folds, which the engine applies after every
// rule has run.
type Rule struct {
	// ID is the stable identifier, SPWnnn. Its hundreds digit is the
	// rule's family (see Family).
	ID string
	// Name is the kebab-case name.
	Name string
	// Severity is the default severity.
	Severity Severity
	// Off reports a rule that is disabled unless enabled explicitly.
	Off bool
	// Summary is a one-line description.
	Summary string
	// Doc is the rule's documentation in Markdown, in the sections of
	// DocSections (see CheckDoc): what it detects, why it matters, a
	// failing and a fixed example, how to suppress it, links.
	Doc string
	// Settings are the values the rule's verdicts depend on that users
	// can change in the settings block of .spillway.hcl. The check reads
	// them with Pass.Int; Page documents them.
	Settings []*Setting
	// Folds lists the rules whose findings this rule's findings absorb:
	// when a finding of this rule names a resource as related, and a rule
	// listed here reports that same resource (instance) in the same root
	// module, the engine drops that finding and adds its related
	// resources to this one's (one cause, one finding; see RunGraph).
	// Each rule still checks independently: with this rule disabled, or
	// its finding undetermined, the other's finding stays.
	Folds []string
	// Check runs the rule over one root module's graph. Its error is for
	// internal failures only; findings go through the Pass. It is nil only
	// for a rule of the suppressions family (SPW0xx), whose findings the
	// scan produces itself rather than a check over the graph.
	Check func(p *Pass) error
}

// The families, by the hundreds digit of a rule's ID.
var families = map[byte]string{
	'0': "suppressions",
	'1': "async",
	'2': "concurrency",
	'3': "wiring",
	'4': "front door",
	'5': "monitoring",
}

// Family returns the group a rule belongs to, derived from the hundreds
// digit of its ID: SPW0xx suppressions (problems with spillway's own
// directives), SPW1xx async, SPW2xx concurrency, SPW3xx wiring, SPW4xx
// front door, SPW5xx monitoring. It is "" for an ID outside these ranges,
// which Validate rejects.
func (r *Rule) Family() string {
	if !idPattern.MatchString(r.ID) {
		return ""
	}
	return families[r.ID[3]]
}

// DocURL returns the rule's documentation URL.
func (r *Rule) DocURL() string {
	return "https://github.com/spillway-iac/spillway/blob/main/docs/rules/" + r.ID + ".md"
}

// Page renders the rule's documentation page: a header generated from the
// metadata (ID, name, severity, family, summary) followed by Doc, with a
// Settings section generated from Settings before the References. The
// files in docs/rules are generated from it.
func (r *Rule) Page() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", r.ID, r.Name)
	sev := r.Severity.String()
	if r.Off {
		sev += " (off by default)"
	}
	fmt.Fprintf(&b, "- **Severity:** %s\n", sev)
	fmt.Fprintf(&b, "- **Family:** %s\n\n", r.Family())
	fmt.Fprintf(&b, "%s\n\n", r.Summary)
	doc := strings.TrimSpace(r.Doc)
	if len(r.Settings) > 0 {
		doc = insertSection(doc, "References", settingsSection(r.Settings))
	}
	b.WriteString(doc)
	b.WriteString("\n")
	return b.String()
}

var (
	idPattern      = regexp.MustCompile(`^SPW\d{3}$`)
	namePattern    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	settingPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
)

// Validate checks a rule set: IDs of the form SPWnnn in a family, unique
// and sorted; kebab-case unique names; a summary; documentation with the
// structure CheckDoc wants; a check (except in the suppressions family);
// and well-formed settings, each name declared by one rule only.
func Validate(rules []*Rule) error {
	ids := map[string]bool{}
	names := map[string]bool{}
	settings := map[string]string{}
	prev := ""
	for _, r := range rules {
		switch {
		case !idPattern.MatchString(r.ID):
			return fmt.Errorf("rule %q: ID must look like SPW123", r.ID)
		case r.Family() == "":
			return fmt.Errorf("rule %s: the ID is in no family (SPW0xx to SPW5xx)", r.ID)
		case ids[r.ID]:
			return fmt.Errorf("rule %s: duplicate ID", r.ID)
		case r.ID <= prev:
			return fmt.Errorf("rule %s: rules must be sorted by ID", r.ID)
		case !namePattern.MatchString(r.Name):
			return fmt.Errorf("rule %s: name %q is not kebab-case", r.ID, r.Name)
		case names[r.Name]:
			return fmt.Errorf("rule %s: duplicate name %q", r.ID, r.Name)
		case r.Severity < Low || r.Severity > High:
			return fmt.Errorf("rule %s: invalid severity", r.ID)
		case strings.TrimSpace(r.Summary) == "":
			return fmt.Errorf("rule %s: empty summary", r.ID)
		case strings.TrimSpace(r.Doc) == "":
			return fmt.Errorf("rule %s: empty doc", r.ID)
		case r.Check == nil && r.ID[3] != '0':
			return fmt.Errorf("rule %s: nil check", r.ID)
		}
		if err := CheckDoc(r); err != nil {
			return err
		}
		for _, s := range r.Settings {
			if err := s.validate(); err != nil {
				return fmt.Errorf("rule %s: %w", r.ID, err)
			}
			if owner, ok := settings[s.Name]; ok {
				return fmt.Errorf("rule %s: setting %s is already declared by %s; a setting has one owner", r.ID, s.Name, owner)
			}
			settings[s.Name] = r.ID
		}
		ids[r.ID], names[r.Name], prev = true, true, r.ID
	}
	return nil
}

// Related is a resource that takes part in a finding.
type Related struct {
	Resource *graph.Resource
	// Role says what it does ("asynchronous trigger").
	Role string
}

// Pass is what a rule's check receives for one root module.
type Pass struct {
	Graph    *graph.Graph
	Rule     *Rule
	Settings Settings

	report       func(rawFinding)
	undetermined func(rawUndetermined)
}

type rawFinding struct {
	rule     *Rule
	severity Severity
	resource *graph.Resource
	rng      hcl.Range
	message  string
	related  []Related
	fix      []FixSpec
	// instances are more resources the finding stands for (see
	// Diagnostic.Instances).
	instances []*graph.Resource
}

type rawUndetermined struct {
	rule     *Rule
	resource *graph.Resource
	unknown  string
}

// Diagnostic is what a rule reports: a problem with one resource.
type Diagnostic struct {
	// Resource is the resource the problem is about. Findings are grouped
	// by its block (the instances of one block are one finding), and
	// suppressions and fingerprints follow it.
	Resource *graph.Resource
	// Range is the tightest range that shows the problem: the offending
	// argument, or the block where a missing argument belongs. Zero means
	// the resource's block.
	Range hcl.Range
	// Severity overrides the rule's severity (for rules whose severity
	// escalates); zero means the rule's.
	Severity Severity
	// Message says what is wrong, why it matters and what to do.
	Message string
	// Related are the other resources that take part.
	Related []Related
	// Fix is a mechanical fix, when the rule has one (see FixSpec).
	Fix []FixSpec
	// Instances are more resources of other blocks that the one finding
	// stands for, listed after Resource's instances in
	// Finding.Instances: one root-module-wide finding (SPW501) lists
	// every function it is about.
	Instances []*graph.Resource
}

// Report records a finding.
func (p *Pass) Report(d Diagnostic) {
	sev := d.Severity
	if sev == 0 {
		sev = p.Rule.Severity
	}
	p.report(rawFinding{rule: p.Rule, severity: sev, resource: d.Resource, rng: d.Range, message: d.Message, related: d.Related, fix: d.Fix, instances: d.Instances})
}

// ReportIf acts on a fact the way every rule does: it reports d when the
// fact is true, records the check as undetermined on d.Resource, naming
// the unknown, when the fact is undecided, and does nothing when it is
// false.
func (p *Pass) ReportIf(f graph.Fact, d Diagnostic) {
	switch {
	case f.True():
		p.Report(d)
	case f.Undecided():
		p.undetermined(rawUndetermined{rule: p.Rule, resource: d.Resource, unknown: f.Why})
	}
}

// Undecided records the check of resource as undetermined when f is
// undecided, and reports whether it was: a rule that needs several facts
// decided before it can word its message uses it to stop early.
func (p *Pass) Undecided(resource *graph.Resource, f graph.Fact) bool {
	if f.Undecided() {
		p.undetermined(rawUndetermined{rule: p.Rule, resource: resource, unknown: f.Why})
		return true
	}
	return false
}
