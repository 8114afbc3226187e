package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
	"github.com/spillway-iac/spillway/lint"
)

// repoTree writes a repository (a .git directory at the top) with a root
// module in infra/ and an empty directory other/, and returns the top.
func repoTree(t *testing.T) string {
	t.Helper()
	top := writeTree(t, map[string]string{
		"infra/main.tf":  unreservedFunction + "\n# spillway:ignore SPW201\nresource \"aws_sqs_queue\" \"q\" {}\n",
		"other/README":   "not terraform\n",
		".git/HEAD":      "ref: refs/heads/main\n",
		"infra/vars.txt": "",
	})
	return top
}

type fpFinding struct {
	RuleID      string `json:"rule_id"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	Suppressed  bool   `json:"suppressed"`
}

func scanFingerprints(t *testing.T, env cli.Env, args ...string) ([]fpFinding, run) {
	t.Helper()
	r := spillway(t, env, append([]string{"scan", "-f", "json"}, args...)...)
	var out struct {
		Findings []fpFinding `json:"findings"`
	}
	decodeInto(t, r.stdout, &out)
	sort.Slice(out.Findings, func(i, j int) bool {
		return out.Findings[i].RuleID+out.Findings[i].Fingerprint < out.Findings[j].RuleID+out.Findings[j].Fingerprint
	})
	return out.Findings, r
}

// TestFingerprintsIgnoreWorkingDirectory: the same finding has the same
// fingerprint whatever the working directory and however the path is
// spelled, because the paths it hashes are relative to the repository
// root (issue 16 item 3).
func TestFingerprintsIgnoreWorkingDirectory(t *testing.T) {
	top := repoTree(t)
	infra := filepath.Join(top, "infra")
	cases := []struct {
		name, cwd, path string
	}{
		{"from the top", top, "infra"},
		{"spelled ./infra/", top, "./infra/"},
		{"from inside", infra, "."},
		{"from a sibling", filepath.Join(top, "other"), "../infra"},
		{"absolute from elsewhere", t.TempDir(), infra},
		{"a file of the module", top, "infra/main.tf"},
	}
	var want []fpFinding
	for _, c := range cases {
		got, r := scanFingerprints(t, envAt(c.cwd), c.path)
		if r.code != cli.ExitFindings || len(got) == 0 {
			t.Fatalf("%s: exit %d with %d findings; stderr:\n%s", c.name, r.code, len(got), r.stderr)
		}
		if want == nil {
			want = got
			continue
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d findings, want %d", c.name, len(got), len(want))
		}
		for i := range got {
			if got[i].Fingerprint != want[i].Fingerprint {
				t.Errorf("%s: %s fingerprint %s, want %s as from the top", c.name, got[i].RuleID, got[i].Fingerprint, want[i].Fingerprint)
			}
		}
	}
}

// TestBaselineWorksFromAnyDirectory: a baseline written from the
// repository root suppresses the same findings when the scan runs from
// inside the module (issue 16 item 3).
func TestBaselineWorksFromAnyDirectory(t *testing.T) {
	top := repoTree(t)
	base := filepath.Join(top, "baseline.json")
	if r := spillway(t, envAt(top), "scan", "--write-baseline", base, "infra"); r.code == cli.ExitError {
		t.Fatalf("write baseline: exit %d\n%s", r.code, r.stderr)
	}
	got, r := scanFingerprints(t, envAt(filepath.Join(top, "infra")), "--baseline", "../baseline.json", ".")
	if r.code != cli.ExitOK {
		t.Errorf("exit %d, want 0: every finding is in the baseline; stderr:\n%s", r.code, r.stderr)
	}
	for _, f := range got {
		if !f.Suppressed {
			t.Errorf("%s (%s) is not suppressed by the baseline written from the repository root", f.RuleID, f.Fingerprint)
		}
	}
}

// TestBaselineOfEarlierVersionStillMatches: a baseline written by an
// earlier version, which hashed the root module path relative to the
// working directory, keeps suppressing (issue 16 item 3).
func TestBaselineOfEarlierVersionStillMatches(t *testing.T) {
	top := repoTree(t)
	infra := filepath.Join(top, "infra")
	got, _ := scanFingerprints(t, envAt(infra), ".")
	var old []lint.Finding
	for _, f := range got {
		if f.RuleID == lint.SuppressionRuleID {
			continue
		}
		// Earlier versions: root "." when run from inside the module.
		old = append(old, lint.Finding{RuleID: f.RuleID, Resource: resourceOf(t, infra, f.RuleID), Root: "."})
	}
	var b strings.Builder
	if err := lint.WriteBaseline(&b, old); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(top, "old.json"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ = scanFingerprints(t, envAt(infra), "--baseline", "../old.json", ".")
	for _, f := range got {
		if f.RuleID != lint.SuppressionRuleID && !f.Suppressed {
			t.Errorf("%s is not suppressed by the baseline of an earlier version", f.RuleID)
		}
	}
}

func resourceOf(t *testing.T, dir, rule string) string {
	t.Helper()
	r := spillway(t, envAt(dir), "scan", "-f", "json", "--only", rule, ".")
	var out struct {
		Findings []struct {
			Resource string `json:"resource"`
		} `json:"findings"`
	}
	decodeInto(t, r.stdout, &out)
	if len(out.Findings) == 0 {
		t.Fatalf("no %s finding", rule)
	}
	return out.Findings[0].Resource
}

// TestCodeHostPathsAreRepoRelative: run from inside a module, the formats
// code hosts read name files relative to the repository root, SARIF
// gives %SRCROOT% the root's URI, and text stays relative to the working
// directory (issue 16 item 4).
func TestCodeHostPathsAreRepoRelative(t *testing.T) {
	top := repoTree(t)
	env := envAt(filepath.Join(top, "infra"))
	one := func(format string) string {
		t.Helper()
		r := spillway(t, env, "scan", "--only", "SPW201", "-f", format, ".")
		if r.code != cli.ExitFindings {
			t.Fatalf("%s: exit %d\n%s", format, r.code, r.stderr)
		}
		return r.stdout
	}
	var j struct {
		Findings []fpFinding `json:"findings"`
	}
	decodeInto(t, one("json"), &j)
	if len(j.Findings) == 0 || j.Findings[0].File != "infra/main.tf" {
		t.Errorf("json file = %+v, want infra/main.tf", j.Findings)
	}
	var s struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct {
				URI string `json:"uri"`
			} `json:"originalUriBaseIds"`
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(one("sarif")), &s); err != nil {
		t.Fatal(err)
	}
	if got, want := s.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI, "file://"+filepath.ToSlash(top)+"/"; got != want {
		t.Errorf("%%SRCROOT%% uri = %q, want %q", got, want)
	}
	if got := s.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "infra/main.tf" {
		t.Errorf("sarif uri = %q, want infra/main.tf", got)
	}
	for format, want := range map[string]string{
		"github":     "file=infra/main.tf,",
		"checkstyle": `name="infra/main.tf"`,
		"junit":      `file="infra/main.tf"`,
		"markdown":   "infra/main.tf:1",
	} {
		if out := one(format); !strings.Contains(out, want) {
			t.Errorf("%s output lacks %q:\n%s", format, want, out)
		}
	}
	if out := one("text"); !strings.HasPrefix(out, "main.tf:1:1:") {
		t.Errorf("text output is not relative to the working directory:\n%s", out)
	}
	if out := one("compact"); !strings.HasPrefix(out, "main.tf:1:1:") {
		t.Errorf("compact output is not relative to the working directory:\n%s", out)
	}
}
