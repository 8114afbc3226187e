package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/spillway-iac/spillway/internal/golden"
	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/report"
	"github.com/spillway-iac/spillway/rules"
)

func withRules(r *report.Result) *report.Result {
	for _, id := range []string{"SPW101", "SPW201", "SPW301"} {
		r.Rules = append(r.Rules, rules.ByID(id))
	}
	r.Roots = []string{".", "bad"}
	for i := range r.Findings {
		r.Findings[i].Root = "."
	}
	return r
}

func TestFormatGoldens(t *testing.T) {
	for _, format := range []string{"compact", "sarif", "junit", "checkstyle", "github", "markdown"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			got := render(t, format, report.Options{}, withRules(sample()))
			golden.Check(t, filepath.Join("..", "testdata", "report", format, "sample."+format+".golden"), got)
			empty := render(t, format, report.Options{}, withRules(&report.Result{ToolName: "spillway", ToolVersion: "0.1.0"}))
			golden.Check(t, filepath.Join("..", "testdata", "report", format, "empty."+format+".golden"), empty)
		})
	}
}

// sarifSchema loads the official SARIF 2.1.0 schema from
// SPILLWAY_SARIF_SCHEMA or ../shared/schemas; the test is skipped, with a
// message, only when neither exists.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := os.Getenv("SPILLWAY_SARIF_SCHEMA")
	if path == "" {
		path = filepath.Join("..", "..", "shared", "schemas", "sarif-schema-2.1.0.json")
	}
	if _, err := os.Stat(path); err != nil {
		t.Skipf("SARIF schema not found at %s (set SPILLWAY_SARIF_SCHEMA): %v", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(abs)
	if err != nil {
		t.Fatalf("compile SARIF schema: %v", err)
	}
	return sch
}

// ValidateSARIF checks a document against the official schema.
func validateSARIF(t *testing.T, sch *jsonschema.Schema, doc []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("SARIF is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("SARIF does not validate against the 2.1.0 schema: %v", err)
	}
}

func TestSARIFValidates(t *testing.T) {
	sch := sarifSchema(t)
	validateSARIF(t, sch, render(t, "sarif", report.Options{}, withRules(sample())))
	validateSARIF(t, sch, render(t, "sarif", report.Options{}, withRules(&report.Result{ToolName: "spillway", ToolVersion: "0.1.0"})))
	r := withRules(sample())
	r.Findings[0].Fixes = []lint.Fix{{Description: "add a reservation", Edits: []lint.Edit{{Range: rng("main.tf", 2, 27, 2, 27), NewText: "\n  reserved_concurrent_executions = 10"}}}}
	validateSARIF(t, sch, render(t, "sarif", report.Options{}, r))
}

func TestSARIFContents(t *testing.T) {
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID         string `json:"id"`
						Properties map[string]any
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Suppressions        []map[string]any  `json:"suppressions"`
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
					LogicalLocations []struct {
						FullyQualifiedName string `json:"fullyQualifiedName"`
					} `json:"logicalLocations"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, "sarif", report.Options{}, withRules(sample())), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	for _, res := range run.Results {
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d pointing at %s", res.RuleID, res.RuleIndex, run.Tool.Driver.Rules[res.RuleIndex].ID)
		}
		if res.PartialFingerprints["spillwayFingerprint/v2"] == "" {
			t.Errorf("result %s has no partial fingerprint", res.RuleID)
		}
		loc := res.Locations[0]
		if loc.PhysicalLocation.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.PhysicalLocation.ArtifactLocation.URI, "/") {
			t.Errorf("result %s location is not relative to %%SRCROOT%%: %+v", res.RuleID, loc.PhysicalLocation)
		}
		if len(loc.LogicalLocations) == 0 || loc.LogicalLocations[0].FullyQualifiedName == "" {
			t.Errorf("result %s has no logical location", res.RuleID)
		}
	}
	levels := map[string]string{}
	for _, res := range run.Results {
		levels[res.RuleID] = res.Level
	}
	if levels["SPW101"] != "error" || levels["SPW201"] != "warning" {
		t.Errorf("levels = %v, want SPW101 error and SPW201 warning", levels)
	}
	if len(run.Results[1].Suppressions) != 1 || run.Results[1].Suppressions[0]["kind"] != "inSource" {
		t.Errorf("the suppressed finding has suppressions %v", run.Results[1].Suppressions)
	}
	if sev := run.Tool.Driver.Rules[0].Properties["security-severity"]; sev != "8.0" {
		t.Errorf("SPW101 security-severity = %v, want 8.0", sev)
	}
}

// hostile is a resource name and message that try to break out of every
// format: terminal escapes, newlines, workflow-command separators,
// pre-escaped newlines, XML and Markdown metacharacters.
const hostile = "aws_lambda_function.x\x1b]0;owned\x07\x1b[2J\n::error file=forged.tf::forged %0A\r<script>&</script> | [click](http://evil) \"q\" `tick`"

func hostileResult() *report.Result {
	r := withRules(sample())
	for i := range r.Findings {
		r.Findings[i].Resource = hostile
		r.Findings[i].Instances = []string{hostile}
		r.Findings[i].Message = "message " + hostile
		r.Findings[i].Range.Filename = "dir/we ird%,:file.tf"
	}
	return r
}

func TestHostileNamesForgeNothing(t *testing.T) {
	r := hostileResult()
	for _, format := range report.Formats {
		out := render(t, format, report.Options{}, r)
		switch format {
		case "json", "sarif":
			var v any
			if err := json.Unmarshal(out, &v); err != nil {
				t.Errorf("%s: not valid JSON: %v", format, err)
			}
			if format == "sarif" {
				if sch := sarifSchemaOrNil(); sch != nil {
					validateSARIF(t, sch, out)
				}
			}
		case "junit", "checkstyle":
			dec := xml.NewDecoder(bytes.NewReader(out))
			for {
				_, err := dec.Token()
				if err != nil {
					if err.Error() != "EOF" {
						t.Errorf("%s: not well-formed XML: %v", format, err)
					}
					break
				}
			}
			if bytes.Contains(out, []byte("<script>")) {
				t.Errorf("%s: raw markup from a resource name reached the XML", format)
			}
		case "github":
			for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				if !strings.HasPrefix(line, "::error ") && !strings.HasPrefix(line, "::warning ") && !strings.HasPrefix(line, "::notice ") {
					t.Errorf("github: a line that is not one of our annotations: %q", line)
				}
				// The runner reads "::cmd props::message"; the properties
				// must be ours, whatever the message holds.
				head := line[:strings.Index(line[2:], "::")+2]
				if !strings.Contains(head, "file=dir/we ird%25%2C%3Afile.tf") && !strings.Contains(head, "file=bad/main.tf") && !strings.Contains(head, "file=main.tf") &&
					head != "::notice title=spillway%3A partial scan" {
					t.Errorf("github: annotation properties not ours: %q", head)
				}
			}
		case "markdown":
			for _, line := range strings.Split(string(out), "\n") {
				if n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|"); strings.HasPrefix(line, "|") && n != 6 && n != 4 && n != 3 {
					t.Errorf("markdown: a table row with the wrong number of cells: %q", line)
				}
			}
			if bytes.Contains(out, []byte("](http://evil)")) && !bytes.Contains(out, []byte(`\](http://evil)`)) {
				t.Errorf("markdown: a link from a resource name is live")
			}
			if bytes.Contains(out, []byte("<script>")) {
				t.Errorf("markdown: raw HTML from a resource name")
			}
		}
		if format != "json" && format != "sarif" && (bytes.Contains(out, []byte("\x1b")) || bytes.Contains(out, []byte("\x07"))) {
			t.Errorf("%s: terminal control characters reached the output", format)
		}
	}
}

func sarifSchemaOrNil() *jsonschema.Schema {
	path := os.Getenv("SPILLWAY_SARIF_SCHEMA")
	if path == "" {
		path = filepath.Join("..", "..", "shared", "schemas", "sarif-schema-2.1.0.json")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	if _, err := os.Stat(abs); err != nil {
		return nil
	}
	sch, err := jsonschema.NewCompiler().Compile(abs)
	if err != nil {
		return nil
	}
	return sch
}
