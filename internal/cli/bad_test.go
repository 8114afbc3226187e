package cli_test

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spillway-iac/spillway/internal/cli"
)

// badCase is testdata/bad/<case>/want.json: what scanning the case
// directory must report. Files are relative to the case directory; a
// column of 0 is not checked.
type badCase struct {
	Args    []string  `json:"args"`
	Exit    int       `json:"exit"`
	Errors  []wantPos `json:"errors"`
	Notes   []wantPos `json:"notes"`
	Finding struct {
		RuleID string `json:"rule_id"`
		File   string `json:"file"`
		Line   int    `json:"line"`
	} `json:"finding"`
}

type wantPos struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Summary string `json:"summary"`
}

// TestBadInput scans each hostile or broken input under testdata/bad next
// to a valid module: the input must be reported as an error with its
// position (exit code 2), the valid module's finding must still be
// reported, and the scan must finish quickly.
func TestBadInput(t *testing.T) {
	root := repoRoot(t)
	entries, err := os.ReadDir(filepath.Join(root, "testdata", "bad"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 10 {
		t.Fatalf("only %d cases", len(entries))
	}
	for _, e := range entries {
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			dir := path.Join("testdata", "bad", name)
			b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(dir), "want.json"))
			if err != nil {
				t.Fatal(err)
			}
			var want badCase
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatalf("want.json: %v", err)
			}
			textOut := filepath.Join(t.TempDir(), "report.txt")
			args := append([]string{"scan", "-f", "json", "-f", "text=" + textOut}, want.Args...)
			args = append(args, dir)
			start := time.Now()
			r := spillway(t, defaultEnv(t), args...)
			// A guard against hangs, not a benchmark: the race detector
			// and a loaded machine are allowed for.
			if d := time.Since(start); d > 2*time.Second*raceFactor {
				t.Errorf("scan took %s", d)
			}
			if r.code != want.Exit {
				t.Errorf("exit code %d, want %d; stderr:\n%s", r.code, want.Exit, r.stderr)
			}
			rep := decode(t, r.stdout)
			var got []string
			for _, e := range rep.Errors {
				got = append(got, e.File+" "+e.Summary)
			}
			if len(rep.Errors) != len(want.Errors) {
				t.Errorf("errors %q, want %d", got, len(want.Errors))
			}
			for _, w := range want.Errors {
				found := false
				for _, e := range rep.Errors {
					if e.File == path.Join(dir, w.File) && e.Line == w.Line && (w.Column == 0 || e.Column == w.Column) && e.Summary == w.Summary {
						found = true
					}
				}
				if !found {
					t.Errorf("no error %q at %s:%d:%d; got %+v", w.Summary, w.File, w.Line, w.Column, rep.Errors)
				}
			}
			text, err := os.ReadFile(textOut)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range want.Notes {
				at := path.Join(dir, n.File) + ":" + itoa(n.Line) + ":" + itoa(n.Column)
				if !strings.Contains(string(text), n.Summary) || !strings.Contains(string(text), at) {
					t.Errorf("no note %q at %s in:\n%s", n.Summary, at, text)
				}
			}
			found := false
			for _, f := range rep.Findings {
				if f.RuleID == want.Finding.RuleID && f.File == path.Join(dir, want.Finding.File) && f.StartLine == want.Finding.Line {
					found = true
				}
			}
			if !found {
				t.Errorf("the valid module's finding %s at %s:%d is missing; findings: %+v", want.Finding.RuleID, want.Finding.File, want.Finding.Line, rep.Findings)
			}
		})
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestFileTooLarge generates a file above the default limit of 10 MiB.
func TestFileTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := "locals {\n  a = \"" + strings.Repeat("x", 10<<20) + "\"\n}\n"
	writeFiles(t, dir, map[string]string{
		"big/main.tf": big,
		"ok/main.tf":  `resource "aws_lambda_function" "f" { function_name = "f" }` + "\n",
	})
	env := cli.Env{Cwd: dir, Environ: []string{}}
	r := spillway(t, env, "scan", "-f", "json", ".")
	if r.code != cli.ExitError {
		t.Fatalf("exit code %d, want 2", r.code)
	}
	rep := decode(t, r.stdout)
	if len(rep.Errors) != 1 || rep.Errors[0].Summary != "File too large" || rep.Errors[0].File != "big/main.tf" || rep.Errors[0].Line != 1 {
		t.Errorf("errors %+v", rep.Errors)
	}
	found := false
	for _, f := range rep.Findings {
		if f.RuleID == "SPW201" && f.File == "ok/main.tf" {
			found = true
		}
	}
	if !found {
		t.Errorf("findings %+v", rep.Findings)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
