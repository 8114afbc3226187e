package cli_test

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

type actionFile struct {
	Inputs  map[string]struct{ Default *string } `yaml:"inputs"`
	Outputs map[string]struct{ Value string }    `yaml:"outputs"`
	Runs    struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	ID              string            `yaml:"id"`
	Name            string            `yaml:"name"`
	Uses            string            `yaml:"uses"`
	If              string            `yaml:"if"`
	Run             string            `yaml:"run"`
	Shell           string            `yaml:"shell"`
	With            map[string]string `yaml:"with"`
	ContinueOnError any               `yaml:"continue-on-error"`
}

var (
	inputRef = regexp.MustCompile(`\binputs\.([A-Za-z0-9_-]+)`)
	stepRef  = regexp.MustCompile(`\bsteps\.([A-Za-z0-9_-]+)\.(outputs|outcome|conclusion)\b`)
)

func readYAML(t *testing.T, name string, v any) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), name))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s does not parse: %v", name, err)
	}
	return string(b)
}

// TestActionYAML: action.yml parses, references only inputs and steps
// that exist, offers the inputs of issue 16 item 15, keeps Go out of the
// caller's later steps, and does not fail the job when the SARIF upload
// is refused.
func TestActionYAML(t *testing.T) {
	var a actionFile
	src := readYAML(t, "action.yml", &a)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	for _, m := range inputRef.FindAllStringSubmatch(src, -1) {
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("action.yml references inputs.%s, which is not declared", m[1])
		}
	}
	ids := map[string]bool{}
	for _, s := range a.Runs.Steps {
		if s.ID != "" {
			ids[s.ID] = true
		}
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %q runs a script without a shell (composite actions need one)", s.Name)
		}
	}
	for _, m := range stepRef.FindAllStringSubmatch(src, -1) {
		if !ids[m[1]] {
			t.Errorf("action.yml references steps.%s, which no step has as its id", m[1])
		}
	}
	for _, in := range []string{"path", "working-directory", "fail-on", "category", "annotations", "upload-sarif", "sarif-file", "args"} {
		if _, ok := a.Inputs[in]; !ok {
			t.Errorf("action.yml has no %s input", in)
		}
	}
	if d := a.Inputs["fail-on"].Default; d != nil && *d != "" {
		t.Errorf("fail-on defaults to %q; it must default to the config's fail_on (else the CLI's default)", *d)
	}
	upload := false
	for _, s := range a.Runs.Steps {
		if strings.HasPrefix(s.Uses, "actions/setup-go") {
			t.Errorf("step %q uses actions/setup-go, whose PATH and GOROOT changes last into the caller's later steps", s.Name)
		}
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif") {
			upload = true
			if s.ContinueOnError != true {
				t.Errorf("the SARIF upload step fails the job where code scanning is unavailable: continue-on-error is %v", s.ContinueOnError)
			}
			if !strings.Contains(s.With["category"], "category") {
				t.Errorf("the SARIF upload does not pass the category: %q", s.With["category"])
			}
		}
	}
	if !upload {
		t.Error("action.yml has no SARIF upload step")
	}
	if !strings.Contains(src, "--format github") && !strings.Contains(src, "github=") {
		t.Error("action.yml offers no inline annotations (--format github)")
	}
}

// TestActionWorkflow: a workflow in .github/workflows runs the action on
// testdata/examples with only inputs the action declares.
func TestActionWorkflow(t *testing.T) {
	var a actionFile
	readYAML(t, "action.yml", &a)
	files, err := filepath.Glob(filepath.Join(repoRoot(t), ".github", "workflows", "*.yml"))
	if err != nil {
		t.Fatal(err)
	}
	uses := 0
	for _, f := range files {
		var wf struct {
			On   any `yaml:"on"`
			Jobs map[string]struct {
				Steps []actionStep `yaml:"steps"`
			} `yaml:"jobs"`
		}
		rel, _ := filepath.Rel(repoRoot(t), f)
		readYAML(t, rel, &wf)
		if wf.On == nil || len(wf.Jobs) == 0 {
			t.Errorf("%s has no trigger or no jobs", rel)
		}
		for name, job := range wf.Jobs {
			ids := map[string]bool{}
			for _, s := range job.Steps {
				ids[s.ID] = true
			}
			for _, s := range job.Steps {
				for _, m := range stepRef.FindAllStringSubmatch(s.If+s.Run+strings.Join(slices.Collect(maps.Values(s.With)), " "), -1) {
					if !ids[m[1]] {
						t.Errorf("%s job %s references steps.%s, which no step has as its id", rel, name, m[1])
					}
				}
				if s.Uses != "./" && s.Uses != "./." {
					continue
				}
				uses++
				for k, v := range s.With {
					if _, ok := a.Inputs[k]; !ok {
						t.Errorf("%s job %s passes %s, which action.yml does not declare", rel, name, k)
					}
					if k == "path" || k == "working-directory" {
						for _, p := range strings.Fields(v) {
							dir := p
							if k == "path" && s.With["working-directory"] != "" {
								dir = filepath.Join(s.With["working-directory"], p)
							}
							if _, err := os.Stat(filepath.Join(repoRoot(t), dir)); err != nil {
								t.Errorf("%s job %s scans %s, which does not exist", rel, name, dir)
							}
						}
					}
				}
			}
		}
	}
	if uses == 0 {
		t.Error("no workflow in .github/workflows runs the action (uses: ./)")
	}
}
