package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/cli"
)

// fakeCache is a module fetcher over one in-memory registry package:
// it serves the package when it is cached or downloads are allowed.
type fakeCache struct {
	mu       sync.Mutex
	cached   bool
	download bool
	asked    []string
}

const lambdaPkg = `variable "name" {
  type    = string
  default = "fn"
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  role          = "arn:aws:iam::123456789012:role/fn"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}
`

func (f *fakeCache) Fetch(_ context.Context, source, version string) (*eval.FetchedModule, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, fmt.Sprintf("%s %s download=%v", source, version, f.download))
	if source != "acme/lambda/aws" {
		return nil, fmt.Errorf("%s: %w", source, eval.ErrModuleSourceUnsupported)
	}
	if !f.cached && !f.download {
		return nil, fmt.Errorf("%s: %w", source, eval.ErrModuleNotCached)
	}
	return &eval.FetchedModule{
		FS:      fstest.MapFS{"main.tf": {Data: []byte(lambdaPkg)}},
		Display: "registry.terraform.io/acme/lambda/aws@1.2.0",
	}, nil
}

func (f *fakeCache) env(t *testing.T, dir string) cli.Env {
	env := defaultEnv(t)
	env.Cwd = dir
	env.ModuleFetcher = func(download bool) eval.ModuleFetcher {
		f.mu.Lock()
		f.download = download
		f.mu.Unlock()
		return f
	}
	return env
}

func moduleProject(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"main.tf": "module \"fn\" {\n  source  = \"acme/lambda/aws\"\n  version = \"~> 1.0\"\n  name    = \"orders\"\n}\n",
	}
	for k, v := range extra {
		files[k] = v
	}
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type moduleReport struct {
	Findings []struct {
		RuleID   string `json:"rule_id"`
		Resource string `json:"resource"`
		File     string `json:"file"`
	} `json:"findings"`
	Notes []struct {
		Kind    string `json:"kind"`
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	} `json:"notes"`
}

// scanJSON scans with the JSON report, checks it against the schema and
// decodes it into an R holding the fields a test reads.
func scanJSON[R any](t *testing.T, env cli.Env, args ...string) (run, R) {
	t.Helper()
	r := spillway(t, env, append([]string{"scan", "-f", "json"}, args...)...)
	var rep R
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("not JSON (exit %d, stderr %s): %v\n%s", r.code, r.stderr, err, r.stdout)
	}
	validateSchema(t, r.stdout)
	return r, rep
}

// TestModuleNotCachedIsANote: without the flag and without a cached
// copy the call is a module_not_installed note, and the exit code is
// that of a clean scan.
func TestModuleNotCachedIsANote(t *testing.T) {
	t.Parallel()
	f := &fakeCache{}
	dir := moduleProject(t, nil)
	r, rep := scanJSON[moduleReport](t, f.env(t, dir))
	if r.code != cli.ExitOK {
		t.Errorf("exit %d, want %d (notes never change it); stderr %s", r.code, cli.ExitOK, r.stderr)
	}
	if len(rep.Findings) != 0 || len(rep.Notes) != 1 {
		t.Fatalf("findings %v, notes %v", rep.Findings, rep.Notes)
	}
	n := rep.Notes[0]
	if n.Kind != "module_not_installed" || n.File != "main.tf" || n.Line != 2 || n.Column != 13 || !strings.Contains(n.Message, "--download-modules") {
		t.Errorf("note %+v", n)
	}
	if diff := cmp.Diff([]string{"acme/lambda/aws ~> 1.0 download=false"}, f.asked); diff != "" {
		t.Errorf("Fetch calls (-want +got):\n%s", diff)
	}
	text := spillway(t, f.env(t, dir), "scan")
	if !strings.Contains(text.stdout, "1 module call not analyzed: remote modules not installed; run terraform init or use --download-modules") {
		t.Errorf("text output has no note summary:\n%s", text.stdout)
	}
	for _, format := range []string{"sarif", "junit", "markdown", "compact"} {
		out := spillway(t, f.env(t, dir), "scan", "-f", format)
		if out.code != cli.ExitOK || !strings.Contains(out.stdout, "not analyzed") {
			t.Errorf("%s: exit %d, no note:\n%s", format, out.code, out.stdout)
		}
	}
}

// TestDownloadModulesAnalyzesThem: with --download-modules, or
// download_modules = true in .spillway.hcl, the module is fetched and
// its resources are analyzed, with names that show they are not the
// user's files.
func TestDownloadModulesAnalyzesThem(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		args  []string
		extra map[string]string
	}{
		"flag":   {args: []string{"--download-modules"}},
		"config": {extra: map[string]string{".spillway.hcl": "download_modules = true\n"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := &fakeCache{}
			r, rep := scanJSON[moduleReport](t, f.env(t, moduleProject(t, tc.extra)), tc.args...)
			if len(rep.Notes) != 0 {
				t.Errorf("notes %v", rep.Notes)
			}
			if len(rep.Findings) == 0 {
				t.Fatalf("no findings from the fetched module (exit %d, stderr %s)", r.code, r.stderr)
			}
			for _, fd := range rep.Findings {
				if !strings.HasPrefix(fd.Resource, "module.fn.") {
					t.Errorf("finding on %s", fd.Resource)
				}
				if fd.File != "registry.terraform.io/acme/lambda/aws@1.2.0/main.tf" && fd.File != "main.tf" {
					t.Errorf("finding in %s", fd.File)
				}
			}
			if diff := cmp.Diff([]string{"acme/lambda/aws ~> 1.0 download=true"}, f.asked); diff != "" {
				t.Errorf("Fetch calls (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCachedModuleUsedOffline: a module already in the cache is analyzed
// without the flag, and the output is the same as with it.
func TestCachedModuleUsedOffline(t *testing.T) {
	t.Parallel()
	dir := moduleProject(t, nil)
	online := spillway(t, (&fakeCache{}).env(t, dir), "scan", "-f", "json", "--download-modules")
	f := &fakeCache{cached: true}
	offline := spillway(t, f.env(t, dir), "scan", "-f", "json")
	if offline.stdout != online.stdout || offline.code != online.code {
		t.Errorf("offline (exit %d) differs from online (exit %d):\n%s\n---\n%s", offline.code, online.code, offline.stdout, online.stdout)
	}
	if !strings.Contains(offline.stdout, "aws@1.2.0/main.tf") {
		t.Errorf("the cached module was not analyzed:\n%s", offline.stdout)
	}
}

// TestInstalledModuleWinsOverCache: what terraform init installed is read
// first; the cache is not asked.
func TestInstalledModuleWinsOverCache(t *testing.T) {
	t.Parallel()
	f := &fakeCache{cached: true}
	dir := moduleProject(t, map[string]string{
		".terraform/modules/modules.json": `{"Modules":[{"Key":"fn","Source":"registry.terraform.io/acme/lambda/aws","Version":"1.0.0","Dir":".terraform/modules/fn"}]}`,
		".terraform/modules/fn/main.tf":   lambdaPkg,
	})
	_, rep := scanJSON[moduleReport](t, f.env(t, dir), "--download-modules")
	if len(f.asked) != 0 {
		t.Errorf("the cache was asked for %v", f.asked)
	}
	if len(rep.Findings) == 0 {
		t.Fatal("no findings from the installed module")
	}
	for _, fd := range rep.Findings {
		if fd.File != ".terraform/modules/fn/main.tf" && fd.File != "main.tf" {
			t.Errorf("finding in %s", fd.File)
		}
	}
}

// TestNoFixInModulesTheUserDoesNotOwn: --diff and --fix never touch a
// fetched package or a module under .terraform.
func TestNoFixInModulesTheUserDoesNotOwn(t *testing.T) {
	t.Parallel()
	for name, extra := range map[string]map[string]string{
		"fetched": nil,
		"installed": {
			".terraform/modules/modules.json": `{"Modules":[{"Key":"fn","Source":"registry.terraform.io/acme/lambda/aws","Version":"1.0.0","Dir":".terraform/modules/fn"}]}`,
			".terraform/modules/fn/main.tf":   lambdaPkg,
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := moduleProject(t, extra)
			f := &fakeCache{}
			diff := spillway(t, f.env(t, dir), "scan", "--download-modules", "--diff")
			if strings.Contains(diff.stdout, "aws@1.2.0") || strings.Contains(diff.stdout, ".terraform") {
				t.Errorf("--diff edits a module the user does not own:\n%s", diff.stdout)
			}
			fixed := spillway(t, f.env(t, dir), "scan", "--download-modules", "--fix")
			if fixed.code == cli.ExitError || strings.Contains(fixed.stderr, "no fix was applied") {
				t.Errorf("--fix: exit %d, stderr %s", fixed.code, fixed.stderr)
			}
			b, err := os.ReadFile(filepath.Join(dir, "main.tf"))
			if err != nil || !strings.HasPrefix(string(b), "module \"fn\"") {
				t.Errorf("main.tf changed: %s %v", b, err)
			}
		})
	}
}
