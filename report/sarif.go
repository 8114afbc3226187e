package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/lint"
)

// SARIF writes SARIF 2.1.0 for GitHub code scanning and other SARIF
// consumers: one run, the rules that ran with their help, one result per
// finding with a relative location, the resource address as a logical
// location, a stable partial fingerprint, and suppressions. Input errors
// are error-level tool execution notifications, notes (what was not
// analyzed) note-level ones with their kind in properties.kind, and
// undetermined checks note-level ones associated with their rule.
type SARIF struct{}

// InformationURI is spillway's home page.
const InformationURI = "https://github.com/spillway-iac/spillway"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                `json:"tool"`
	Invocations        []sarifInvocation        `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult            `json:"results"`
	ColumnKind         string                   `json:"columnKind"`
	Properties         map[string]any           `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version"`
	SemanticVersion string      `json:"semanticVersion"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifHelp       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifRuleConfig struct {
	Enabled bool   `json:"enabled"`
	Level   string `json:"level"`
}

type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity"`
	Precision        string   `json:"precision"`
	ProblemSeverity  string   `json:"problem.severity"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level          string          `json:"level"`
	Message        sarifText       `json:"message"`
	Locations      []sarifLocation `json:"locations,omitempty"`
	AssociatedRule *sarifRuleRef   `json:"associatedRule,omitempty"`
	Properties     map[string]any  `json:"properties,omitempty"`
}

type sarifRuleRef struct {
	ID    string `json:"id"`
	Index int    `json:"index"`
}

type sarifArtifact struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifLocation struct {
	ID               *int           `json:"id,omitempty"`
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Fixes               []sarifFix         `json:"fixes,omitempty"`
	Properties          map[string]any     `json:"properties,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// SARIFLevel maps a severity to a SARIF level: high is error, medium
// warning, low note.
func SARIFLevel(s lint.Severity) string {
	switch s {
	case lint.High:
		return "error"
	case lint.Medium:
		return "warning"
	default:
		return "note"
	}
}

// SecuritySeverity is the GitHub security-severity score of a severity.
func SecuritySeverity(s lint.Severity) string {
	switch s {
	case lint.High:
		return "8.0"
	case lint.Medium:
		return "5.5"
	default:
		return "3.0"
	}
}

// artifactURI makes a report file name a relative URI reference.
func artifactURI(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == '%':
			b.WriteString("%25")
		case r == ' ':
			b.WriteString("%20")
		case r == '#':
			b.WriteString("%23")
		case r == '?':
			b.WriteString("%3F")
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// firstParagraph returns the first paragraph of a rule's doc after its
// first heading, as plain text.
func firstParagraph(doc string) string {
	var lines []string
	for _, l := range strings.Split(doc, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "#") {
			if len(lines) > 0 {
				break
			}
			continue
		}
		if t == "" {
			if len(lines) > 0 {
				break
			}
			continue
		}
		lines = append(lines, t)
	}
	return strings.Join(lines, " ")
}

func region(f lint.Finding) *sarifRegion {
	r := f.Range
	if r.Start.Line < 1 {
		return nil
	}
	reg := &sarifRegion{StartLine: r.Start.Line, StartColumn: r.Start.Column, EndLine: r.End.Line, EndColumn: r.End.Column}
	if reg.StartColumn < 1 {
		reg.StartColumn = 1
	}
	if reg.EndLine < reg.StartLine {
		reg.EndLine = reg.StartLine
	}
	if reg.EndColumn < 1 || (reg.EndLine == reg.StartLine && reg.EndColumn <= reg.StartColumn) {
		reg.EndColumn = 0
	}
	return reg
}

// Write implements Reporter.
func (SARIF) Write(w io.Writer, r *Result) error {
	driver := sarifDriver{
		Name:            r.ToolName,
		Version:         r.ToolVersion,
		SemanticVersion: r.ToolVersion,
		InformationURI:  InformationURI,
		Rules:           []sarifRule{},
	}
	index := map[string]int{}
	for _, rule := range r.Rules {
		index[rule.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{
			ID:               rule.ID,
			Name:             rule.Name,
			ShortDescription: sarifText{Text: rule.Summary},
			FullDescription:  sarifText{Text: firstParagraph(rule.Doc)},
			Help:             sarifHelp{Text: rule.Summary + " " + rule.DocURL(), Markdown: rule.Page()},
			HelpURI:          rule.DocURL(),
			DefaultConfiguration: sarifRuleConfig{
				Enabled: !rule.Off,
				Level:   SARIFLevel(rule.Severity),
			},
			Properties: sarifRuleProps{
				Tags:             []string{"security", "availability", "terraform", rule.Family()},
				SecuritySeverity: SecuritySeverity(rule.Severity),
				Precision:        "high",
				ProblemSeverity:  SARIFLevel(rule.Severity),
			},
		})
	}
	run := sarifRun{
		Tool:               sarifTool{Driver: driver},
		Results:            []sarifResult{},
		ColumnKind:         "unicodeCodePoints",
		OriginalURIBaseIDs: map[string]sarifArtifact{"%SRCROOT%": srcRoot(r.SourceRoot)},
	}
	errs := r.Errors()
	inv := sarifInvocation{ExecutionSuccessful: len(errs) == 0, ToolExecutionNotifications: []sarifNotification{}}
	for _, d := range errs {
		n := sarifNotification{Level: "error", Message: sarifText{Text: strings.TrimSpace(d.Summary + ". " + d.Detail)}}
		if loc := diagLocation(d); loc != nil {
			n.Locations = []sarifLocation{*loc}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, d := range r.Notes() {
		n := sarifNotification{Level: "note", Message: sarifText{Text: noteMessage(d)}, Properties: map[string]any{"kind": NoteKind(d)}}
		if loc := diagLocation(d); loc != nil {
			n.Locations = []sarifLocation{*loc}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	for _, u := range r.Undetermined {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifUndetermined(u, index))
	}
	run.Invocations = []sarifInvocation{inv}
	for _, f := range r.Findings {
		idx, ok := index[f.RuleID]
		if !ok {
			idx = -1
		}
		res := sarifResult{
			RuleID:    f.RuleID,
			RuleIndex: idx,
			Level:     SARIFLevel(f.Severity),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{
				PhysicalLocation: &sarifPhysical{
					ArtifactLocation: sarifArtifact{URI: artifactURI(f.Range.Filename), URIBaseID: "%SRCROOT%"},
					Region:           region(f),
				},
				LogicalLocations: []sarifLogical{{FullyQualifiedName: f.Resource, Kind: "resource"}},
			}},
			// v2: the fingerprint no longer depends on the root module (issue 13).
			PartialFingerprints: map[string]string{"spillwayFingerprint/v2": f.Fingerprint},
		}
		res.Properties = map[string]any{"exposure": f.Exposure.String()}
		if len(f.Instances) > 1 {
			res.Properties["instances"] = f.Instances
		}
		if roots := rootsOf(f); len(roots) > 1 {
			if res.Properties == nil {
				res.Properties = map[string]any{}
			}
			res.Properties["rootInstances"] = f.RootInstances
		}
		if ok && f.Severity != r.Rules[idx].Severity {
			res.Properties = withSecuritySeverity(res.Properties, f.Severity)
		}
		for i, rel := range f.Related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID: &id,
				PhysicalLocation: &sarifPhysical{
					ArtifactLocation: sarifArtifact{URI: artifactURI(rel.Range.Filename), URIBaseID: "%SRCROOT%"},
					Region:           &sarifRegion{StartLine: max(rel.Range.Start.Line, 1), StartColumn: max(rel.Range.Start.Column, 1)},
				},
				LogicalLocations: []sarifLogical{{FullyQualifiedName: rel.Resource, Kind: "resource"}},
				Message:          &sarifText{Text: rel.Resource + ": " + rel.Role},
			})
		}
		if f.Suppressed {
			kind := f.SuppressionKind
			if kind == "" {
				kind = "inSource"
			}
			res.Suppressions = []sarifSuppression{{Kind: kind, Justification: f.Justification}}
		}
		res.Fixes = sarifFixes(f)
		run.Results = append(run.Results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// diagLocation is the location of a diagnostic's subject, nil when it has
// none in a file (command-line values, the environment).
func diagLocation(d *hcl.Diagnostic) *sarifLocation {
	s := subject(d)
	if s.Filename == "" || strings.HasPrefix(s.Filename, "<") {
		return nil
	}
	loc := &sarifLocation{PhysicalLocation: &sarifPhysical{ArtifactLocation: sarifArtifact{URI: artifactURI(s.Filename), URIBaseID: "%SRCROOT%"}}}
	if s.Start.Line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: s.Start.Line, StartColumn: max(s.Start.Column, 1)}
	}
	return loc
}

// sarifUndetermined reports an undetermined check as a note-level tool
// notification (it is not a result: nothing was found), associated with
// its rule, located at the resource block, with the root module and the
// module calls from it to the resource as properties.
func sarifUndetermined(u lint.Undetermined, index map[string]int) sarifNotification {
	idx, ok := index[u.RuleID]
	if !ok {
		idx = -1
	}
	calls := []map[string]any{}
	for _, c := range u.Calls {
		calls = append(calls, map[string]any{"address": c.Address, "file": artifactURI(c.Range.Filename), "line": c.Range.Start.Line})
	}
	return sarifNotification{
		Level:   "note",
		Message: sarifText{Text: fmt.Sprintf("%s could not be decided for %s because %s is unknown.", u.RuleID, u.Resource, u.Unknown)},
		Locations: []sarifLocation{{
			PhysicalLocation: &sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: artifactURI(u.Range.Filename), URIBaseID: "%SRCROOT%"},
				Region:           &sarifRegion{StartLine: max(u.Range.Start.Line, 1), StartColumn: max(u.Range.Start.Column, 1)},
			},
			LogicalLocations: []sarifLogical{{FullyQualifiedName: u.Resource, Kind: "resource"}},
		}},
		AssociatedRule: &sarifRuleRef{ID: u.RuleID, Index: idx},
		Properties:     map[string]any{"undetermined": true, "unknown": u.Unknown, "root": u.Root, "moduleCalls": calls},
	}
}

// sarifFixes converts a finding's suggested fixes, if any.
func sarifFixes(f lint.Finding) []sarifFix {
	var out []sarifFix
	for _, fx := range f.Fixes {
		fix := sarifFix{Description: sarifText{Text: fx.Description}}
		for _, e := range fx.Edits {
			change := sarifArtifactChange{
				ArtifactLocation: sarifArtifact{URI: artifactURI(e.Range.Filename), URIBaseID: "%SRCROOT%"},
				Replacements: []sarifReplacement{{
					DeletedRegion: sarifRegion{
						StartLine: e.Range.Start.Line, StartColumn: e.Range.Start.Column,
						EndLine: e.Range.End.Line, EndColumn: e.Range.End.Column,
					},
					InsertedContent: &sarifText{Text: e.NewText},
				}},
			}
			fix.ArtifactChanges = append(fix.ArtifactChanges, change)
		}
		out = append(out, fix)
	}
	return out
}

// rootsOf returns the distinct root modules of a finding's instances.
func rootsOf(f lint.Finding) []string {
	var out []string
	for _, in := range f.RootInstances {
		if !slices.Contains(out, in.Root) {
			out = append(out, in.Root)
		}
	}
	return out
}
