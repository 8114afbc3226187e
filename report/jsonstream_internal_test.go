package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// writeJSONReport must write what json.Encoder with SetIndent("", "  ")
// writes for the whole report, byte for byte.
func TestWriteJSONReportMatchesEncoder(t *testing.T) {
	full := jsonReport{
		Version: 1,
		Tool:    jsonTool{Name: "spillway", Version: "<dev> & \"x\""},
		Findings: []jsonFinding{
			{RuleID: "SPW101", Message: "a <b> & c\n\tü", Instances: []string{"a[0]", "a[1]"}, RootInstances: []jsonInstance{{Root: ".", Address: "a[0]"}}, ModuleCalls: []jsonCall{}, Related: []jsonRelated{{Resource: "r", File: "f.tf", Line: 3, Role: "x"}}, Suppressed: true, Suppression: &jsonSuppressed{Kind: "inline", Justification: "j"}},
			{RuleID: "SPW102", Instances: []string{}, RootInstances: []jsonInstance{}, ModuleCalls: []jsonCall{{Address: "module.m", File: "main.tf", Line: 1}}, Related: []jsonRelated{}},
		},
		Undetermined: []jsonUndetermined{{RuleID: "SPW1", ModuleCalls: []jsonCall{}}},
		Errors:       []jsonError{{File: "x.tf", Summary: "s", Detail: "d"}},
		Notes:        []jsonNote{{Kind: "k"}, {Kind: "l", Message: "m"}},
		Stats:        jsonStats{RootModules: 2, Findings: jsonSeverities{High: 1}},
	}
	empty := jsonReport{Version: 1, Findings: []jsonFinding{}, Undetermined: []jsonUndetermined{}, Errors: []jsonError{}, Notes: []jsonNote{}}
	// Long lists are encoded in parallel batches: more elements than one
	// batch of every goroutine, and a count that leaves a partial batch.
	large := jsonReport{Version: 1, Undetermined: []jsonUndetermined{}, Errors: []jsonError{}, Notes: []jsonNote{}}
	for i := range 1000 + 37 {
		f := full.Findings[i%2]
		f.Message = fmt.Sprintf("finding %d <&>", i)
		f.StartLine = i
		large.Findings = append(large.Findings, f)
		large.Notes = append(large.Notes, jsonNote{Kind: "k", Line: i})
	}
	for _, r := range []jsonReport{full, empty, large} {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		if err := writeJSONReport(&got, &r); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("streamed report differs:\n got: %s\nwant: %s", got.String(), want.String())
		}
	}
}
