package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"sync"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/lint"
)

// JSON writes the report of cli.md: findings, undetermined, errors, notes
// and stats, with a fixed field order and empty lists as [].
type JSON struct{}

type jsonReport struct {
	Version      int                `json:"version"`
	Tool         jsonTool           `json:"tool"`
	Findings     []jsonFinding      `json:"findings"`
	Undetermined []jsonUndetermined `json:"undetermined"`
	Errors       []jsonError        `json:"errors"`
	Notes        []jsonNote         `json:"notes"`
	Stats        jsonStats          `json:"stats"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonFinding struct {
	RuleID   string `json:"rule_id"`
	RuleName string `json:"rule_name"`
	Severity string `json:"severity"`
	Exposure string `json:"exposure"`
	// Root is the root module (the first one, for a finding merged over
	// several; RootInstances lists them all).
	Root      string   `json:"root"`
	Message   string   `json:"message"`
	Resource  string   `json:"resource"`
	Instances []string `json:"instances"`
	// RootInstances are the instances in every root module the finding
	// was found in (a module shared by several roots is one finding).
	RootInstances []jsonInstance  `json:"root_instances"`
	File          string          `json:"file"`
	StartLine     int             `json:"start_line"`
	StartColumn   int             `json:"start_column"`
	EndLine       int             `json:"end_line"`
	EndColumn     int             `json:"end_column"`
	ModuleCalls   []jsonCall      `json:"module_calls"`
	Related       []jsonRelated   `json:"related"`
	Fingerprint   string          `json:"fingerprint"`
	Suppressed    bool            `json:"suppressed"`
	Suppression   *jsonSuppressed `json:"suppression,omitempty"`
}

type jsonInstance struct {
	Root    string `json:"root"`
	Address string `json:"address"`
}

type jsonSuppressed struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

type jsonCall struct {
	Address string `json:"address"`
	File    string `json:"file"`
	Line    int    `json:"line"`
}

type jsonRelated struct {
	Resource string `json:"resource"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Role     string `json:"role"`
}

type jsonUndetermined struct {
	RuleID      string     `json:"rule_id"`
	Resource    string     `json:"resource"`
	File        string     `json:"file"`
	Line        int        `json:"line"`
	Unknown     string     `json:"unknown"`
	Root        string     `json:"root"`
	Exposure    string     `json:"exposure"`
	ModuleCalls []jsonCall `json:"module_calls"`
}

type jsonError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Summary string `json:"summary"`
	Detail  string `json:"detail"`
}

// jsonNote is one thing the scan did not analyze; Kind is a NoteKind.
type jsonNote struct {
	Kind    string `json:"kind"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonStats struct {
	RootModules int            `json:"root_modules"`
	Files       int            `json:"files"`
	Resources   int            `json:"resources"`
	Findings    jsonSeverities `json:"findings"`
}

type jsonSeverities struct {
	High   int `json:"high"`
	Medium int `json:"medium"`
	Low    int `json:"low"`
}

// Write implements Reporter.
func (JSON) Write(w io.Writer, r *Result) error {
	out := jsonReport{
		Version:      1,
		Tool:         jsonTool{Name: r.ToolName, Version: r.ToolVersion},
		Undetermined: []jsonUndetermined{},
		Errors:       []jsonError{},
		Notes:        []jsonNote{},
	}
	for _, u := range r.Undetermined {
		ju := jsonUndetermined{
			RuleID: u.RuleID, Resource: u.Resource, File: u.Range.Filename, Line: u.Range.Start.Line, Unknown: u.Unknown,
			Root: u.Root, Exposure: u.Exposure.String(), ModuleCalls: toJSONCalls(u.Calls),
		}
		out.Undetermined = append(out.Undetermined, ju)
	}
	for _, d := range r.Errors() {
		out.Errors = append(out.Errors, toJSONError(d))
	}
	for _, d := range r.Notes() {
		sub := subject(d)
		out.Notes = append(out.Notes, jsonNote{Kind: NoteKind(d), File: sub.Filename, Line: sub.Start.Line, Column: sub.Start.Column, Message: noteMessage(d)})
	}
	h, m, l := r.Counts()
	out.Stats = jsonStats{
		RootModules: r.Stats.RootModules,
		Files:       r.Stats.Files,
		Resources:   r.Stats.Resources,
		Findings:    jsonSeverities{High: h, Medium: m, Low: l},
	}
	// Findings are converted as they are written, on the goroutines that
	// encode them: a large tree's findings would otherwise be held twice
	// at the end of the scan, as lint.Findings and as their JSON form.
	findings := jsonSeq{n: len(r.Findings), at: func(i int) any { return toJSONFinding(r.Findings[i]) }}
	return writeJSONStream(w, &out, findings)
}

// writeJSONReport writes out exactly as json.Encoder with SetIndent("", "  ")
// would, but one list element at a time: encoding the whole report and then
// re-indenting it copied and grew one buffer the size of the report, serially,
// at the end of the scan.
func writeJSONReport(w io.Writer, out *jsonReport) error {
	return writeJSONStream(w, out, seqOf(out.Findings))
}

// jsonSeq is a list to write, element by element: n elements, the i-th
// being at(i). at is called once per element, from several goroutines.
type jsonSeq struct {
	n  int
	at func(i int) any
}

func seqOf[T any](list []T) jsonSeq {
	return jsonSeq{n: len(list), at: func(i int) any { return &list[i] }}
}

// writeJSONStream is writeJSONReport with the findings given as a
// sequence (out.Findings is not read).
func writeJSONStream(w io.Writer, out *jsonReport, findings jsonSeq) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// field writes `  "name": value`, value indented as a field of the
	// top-level object; elem writes one list element one level deeper.
	value := func(prefix string, v any) error {
		buf.Reset()
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(v); err != nil {
			return err
		}
		b := buf.Bytes()
		_, err := bw.Write(b[:len(b)-1]) // Encode's newline
		return err
	}
	field := func(name string, v any, last bool) error {
		_, _ = bw.WriteString("  \"" + name + "\": ")
		if err := value("  ", v); err != nil {
			return err
		}
		if !last {
			_ = bw.WriteByte(',')
		}
		return bw.WriteByte('\n')
	}
	_, _ = bw.WriteString("{\n")
	if err := field("version", out.Version, false); err != nil {
		return err
	}
	if err := field("tool", out.Tool, false); err != nil {
		return err
	}
	if err := jsonList(bw, "findings", findings); err != nil {
		return err
	}
	if err := jsonList(bw, "undetermined", seqOf(out.Undetermined)); err != nil {
		return err
	}
	if err := jsonList(bw, "errors", seqOf(out.Errors)); err != nil {
		return err
	}
	if err := jsonList(bw, "notes", seqOf(out.Notes)); err != nil {
		return err
	}
	if err := field("stats", out.Stats, true); err != nil {
		return err
	}
	_, _ = bw.WriteString("}\n")
	return bw.Flush()
}

// jsonList writes `  "name": [...],` with each element encoded as
// writeJSONReport's value would. A report of a large tree holds tens of
// thousands of findings, encoded after every root module is done, when
// nothing else is left to run: the elements are encoded on GOMAXPROCS
// goroutines, a batch at a time so that memory holds one batch of encoded
// text, and written in order.
func jsonList(bw *bufio.Writer, name string, list jsonSeq) error {
	_, _ = bw.WriteString("  \"" + name + "\": [")
	workers := max(1, runtime.GOMAXPROCS(0))
	const per = 32 // elements a goroutine encodes in a batch
	if list.n < 2*per {
		workers = 1
	}
	bufs := make([]bytes.Buffer, min(list.n, workers*per))
	errs := make([]error, workers)
	for start := 0; start < list.n; start += len(bufs) {
		end := min(list.n, start+len(bufs))
		var wg sync.WaitGroup
		for w := range workers {
			lo, hi := start+w*per, min(end, start+(w+1)*per)
			if lo >= hi {
				break
			}
			wg.Go(func() {
				for i := lo; i < hi; i++ {
					b := &bufs[i-start]
					b.Reset()
					enc := json.NewEncoder(b)
					enc.SetIndent("    ", "  ")
					if err := enc.Encode(list.at(i)); err != nil {
						errs[w] = err
						return
					}
				}
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		for i := start; i < end; i++ {
			if i > 0 {
				_ = bw.WriteByte(',')
			}
			_, _ = bw.WriteString("\n    ")
			b := bufs[i-start].Bytes()
			_, _ = bw.Write(b[:len(b)-1]) // Encode's newline
		}
	}
	if list.n > 0 {
		_, _ = bw.WriteString("\n  ")
	}
	_, err := bw.WriteString("],\n")
	return err
}

func toJSONFinding(f lint.Finding) jsonFinding {
	jf := jsonFinding{
		RuleID:      f.RuleID,
		RuleName:    f.RuleName,
		Severity:    f.Severity.String(),
		Exposure:    f.Exposure.String(),
		Root:        f.Root,
		Message:     f.Message,
		Resource:    f.Resource,
		Instances:   append([]string{}, f.Instances...),
		File:        f.Range.Filename,
		StartLine:   f.Range.Start.Line,
		StartColumn: f.Range.Start.Column,
		EndLine:     f.Range.End.Line,
		EndColumn:   f.Range.End.Column,
		ModuleCalls: []jsonCall{},
		Related:     []jsonRelated{},
		Fingerprint: f.Fingerprint,
		Suppressed:  f.Suppressed,
	}
	jf.ModuleCalls = toJSONCalls(f.Calls)
	jf.RootInstances = []jsonInstance{}
	for _, in := range f.RootInstances {
		jf.RootInstances = append(jf.RootInstances, jsonInstance{Root: in.Root, Address: in.Address})
	}
	if len(f.RootInstances) == 0 {
		for _, a := range f.Instances {
			jf.RootInstances = append(jf.RootInstances, jsonInstance{Root: f.Root, Address: a})
		}
	}
	for _, rel := range f.Related {
		jf.Related = append(jf.Related, jsonRelated{Resource: rel.Resource, File: rel.Range.Filename, Line: rel.Range.Start.Line, Role: rel.Role})
	}
	if f.Suppressed {
		jf.Suppression = &jsonSuppressed{Kind: f.SuppressionKind, Justification: f.Justification}
	}
	return jf
}

// toJSONCalls converts a caller chain, root module first; never nil.
func toJSONCalls(calls []lint.Call) []jsonCall {
	out := []jsonCall{}
	for _, c := range calls {
		out = append(out, jsonCall{Address: c.Address, File: c.Range.Filename, Line: c.Range.Start.Line})
	}
	return out
}

func toJSONError(d *hcl.Diagnostic) jsonError {
	s := subject(d)
	return jsonError{File: s.Filename, Line: s.Start.Line, Column: s.Start.Column, Summary: d.Summary, Detail: d.Detail}
}
