package cli_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/cli"
	"github.com/spillway-iac/spillway/internal/modfetch"
)

// tarEntry is one entry of a test archive: its header and, for a regular
// file, its content.
type tarEntry struct {
	hdr  tar.Header
	body []byte
}

// tarGz packs entries, in order and as given, into a .tar.gz archive.
func tarGz(t *testing.T, entries ...tarEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		if err := tw.WriteHeader(&e.hdr); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(e.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tgz packs files, regular and in name order, into a .tar.gz archive.
func tgz(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var entries []tarEntry
	for _, name := range slices.Sorted(maps.Keys(files)) {
		entries = append(entries, tarEntry{tar.Header{Name: name, Mode: 0o644, Size: int64(len(files[name])), Typeflag: tar.TypeReg}, []byte(files[name])})
	}
	return tarGz(t, entries...)
}

// lambdaRegistryPkg is acme/lambda/aws 1.2.0: a function whose reserved
// concurrency is an input defaulting to -1 (unreserved), as in
// terraform-aws-modules/lambda.
const lambdaRegistryPkg = `variable "name" {
  type    = string
  default = "fn"
}

variable "reserved_concurrent_executions" {
  type    = number
  default = -1
}

resource "aws_lambda_function" "this" {
  function_name                  = var.name
  role                           = "arn:aws:iam::123456789012:role/fn"
  handler                        = "index.handler"
  runtime                        = "nodejs20.x"
  filename                       = "fn.zip"
  reserved_concurrent_executions = var.reserved_concurrent_executions
}
`

// registryPackages are the packages of the test registry by name and
// version.
var registryPackages = map[string]map[string]string{
	"lambda/1.0.0": {"main.tf": `resource "aws_sqs_queue" "old" {}`},
	"lambda/1.2.0": {
		"main.tf": lambdaRegistryPkg,
		"modules/alias/main.tf": `resource "aws_lambda_alias" "this" {
  name             = "live"
  function_name    = "fn"
  function_version = "1"
}
`,
	},
	"sqs/2.0.0": {"main.tf": `resource "aws_sqs_queue" "this" {}`},
}

// testRegistry serves acme/lambda/aws 1.0.0 and 1.2.0 and acme/sqs/aws
// 2.0.0 over HTTPS, following the module registry protocol.
func testRegistry(t *testing.T, hits *atomic.Int64) *httptest.Server {
	t.Helper()
	archives := map[string][]byte{}
	for k, files := range registryPackages {
		archives[k] = tgz(t, files)
	}
	versions := map[string][]string{"lambda": {"1.0.0", "1.2.0"}, "sqs": {"2.0.0"}}
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/terraform.json", func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, `{"modules.v1": "/v1/modules/"}`)
	})
	mux.HandleFunc("/v1/modules/acme/{name}/aws/versions", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		var vs []map[string]string
		for _, v := range versions[r.PathValue("name")] {
			vs = append(vs, map[string]string{"version": v})
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"modules": []any{map[string]any{"versions": vs}}})
	})
	mux.HandleFunc("/v1/modules/acme/{name}/aws/{version}/download", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("X-Terraform-Get", "/archives/"+r.PathValue("name")+"/"+r.PathValue("version")+".tar.gz")
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/archives/{name}/{file}", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		b, ok := archives[r.PathValue("name")+"/"+strings.TrimSuffix(r.PathValue("file"), ".tar.gz")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write(b)
	})
	srv := httptest.NewTLSServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// e2eReport is what the end-to-end test reads of a JSON report.
type e2eReport struct {
	Findings []struct {
		RuleID    string `json:"rule_id"`
		File      string `json:"file"`
		StartLine int    `json:"start_line"`
		Related   []struct {
			File string `json:"file"`
		} `json:"related"`
	} `json:"findings"`
	Notes []json.RawMessage `json:"notes"`
}

// places lists a report's findings as "rule file:line".
func places(rep e2eReport) []string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, fmt.Sprintf("%s %s:%d", f.RuleID, f.File, f.StartLine))
	}
	sort.Strings(out)
	return out
}

// TestRegistryModulesEndToEnd (issue 13's acceptance): scan
// --download-modules picks 1.2.0 for "~> 1.0", caches it and reports the
// findings from inside the modules at the caller's module blocks, the
// module's resource as a related location; a second run with the
// registry stopped gives byte-identical JSON, with the flag or without
// it. The same project with .terraform/modules populated gives the same
// findings at the same places with no flag, and --fix edits only the
// caller's file, after which the re-scan is clean of them.
func TestRegistryModulesEndToEnd(t *testing.T) {
	t.Parallel()
	var hits atomic.Int64
	srv := testRegistry(t, &hits)
	host := strings.TrimPrefix(srv.URL, "https://")
	cache := t.TempDir()
	caller := fmt.Sprintf("module \"fn\" {\n  source  = %q\n  version = \"~> 1.0\"\n}\n\nmodule \"alias\" {\n  source  = %q\n  version = \"1.2.0\"\n}\n\nmodule \"queue\" {\n  source = %q\n}\n",
		host+"/acme/lambda/aws", host+"/acme/lambda/aws//modules/alias", host+"/acme/sqs/aws")
	dir := moduleProject(t, map[string]string{"main.tf": caller})
	env := defaultEnv(t)
	env.Cwd = dir
	client := srv.Client()
	env.ModuleFetcher = func(download bool) eval.ModuleFetcher {
		return checker.NewModuleFetcher(modfetch.Options{CacheDir: cache, Network: download, Client: client})
	}
	first, rep := scanJSON[e2eReport](t, env, "--download-modules")
	if len(rep.Notes) != 0 {
		t.Errorf("notes: %s", rep.Notes)
	}
	fetched := host + "/acme/lambda/aws@1.2.0/main.tf"
	var anchored bool
	for _, f := range rep.Findings {
		if f.File != "main.tf" {
			t.Errorf("%s reported in %s, not at the caller's module block", f.RuleID, f.File)
		}
		if f.RuleID == "SPW201" && f.StartLine == 1 && len(f.Related) > 0 && f.Related[0].File == fetched {
			anchored = true
		}
	}
	if !anchored {
		t.Errorf("no SPW201 at module \"fn\" (main.tf:1) with the function in %s as related location:\n%s", fetched, first.stdout)
	}
	if hits.Load() == 0 {
		t.Fatal("the registry was not asked")
	}
	srv.Close()
	for _, args := range [][]string{{"--download-modules"}, nil} {
		again, _ := scanJSON[e2eReport](t, env, args...)
		if again.stdout != first.stdout || again.code != first.code {
			t.Errorf("offline scan %v differs:\n%s\n---\n%s\nstderr %s", args, again.stdout, first.stdout, again.stderr)
		}
	}

	// The same project as terraform init leaves it.
	installed := map[string]string{
		"main.tf": caller,
		".terraform/modules/modules.json": `{"Modules":[{"Key":"","Source":"","Dir":"."},` +
			`{"Key":"fn","Source":"x","Dir":".terraform/modules/fn"},` +
			`{"Key":"alias","Source":"x","Dir":".terraform/modules/alias/modules/alias"},` +
			`{"Key":"queue","Source":"x","Dir":".terraform/modules/queue"}]}`,
	}
	for _, m := range []struct{ key, pkg string }{{"fn", "lambda/1.2.0"}, {"alias", "lambda/1.2.0"}, {"queue", "sqs/2.0.0"}} {
		for name, src := range registryPackages[m.pkg] {
			installed[".terraform/modules/"+m.key+"/"+name] = src
		}
	}
	idir := moduleProject(t, installed)
	ienv := defaultEnv(t)
	ienv.Cwd = idir
	empty := t.TempDir()
	ienv.ModuleFetcher = func(download bool) eval.ModuleFetcher {
		return checker.NewModuleFetcher(modfetch.Options{CacheDir: empty, Network: false})
	}
	_, irep := scanJSON[e2eReport](t, ienv)
	if diff := cmp.Diff(places(rep), places(irep)); diff != "" {
		t.Errorf("installed modules give other findings than fetched ones (-fetched +installed):\n%s", diff)
	}
	vendored := filepath.Join(idir, ".terraform/modules/fn/main.tf")
	before, err := os.ReadFile(vendored)
	if err != nil {
		t.Fatal(err)
	}
	if r := spillway(t, ienv, "scan", "--fix", "--soft-fail"); r.code != cli.ExitOK {
		t.Fatalf("--fix: exit %d, stderr %s", r.code, r.stderr)
	}
	after, _ := os.ReadFile(vendored)
	if !bytes.Equal(before, after) {
		t.Errorf("--fix edited the installed module:\n%s", after)
	}
	fixed, _ := os.ReadFile(filepath.Join(idir, "main.tf"))
	if !strings.Contains(string(fixed), "reserved_concurrent_executions") {
		t.Errorf("--fix did not set the input on the call:\n%s", fixed)
	}
	_, rerep := scanJSON[e2eReport](t, ienv)
	for _, p := range places(rerep) {
		if strings.HasPrefix(p, "SPW201 main.tf:1") {
			t.Errorf("still reported after --fix: %s\n%s", p, fixed)
		}
	}
}

// TestHostileRegistryModules (issue 13's acceptance): each hostile module
// of a registry (an archive with ../ paths, an absolute path, a symlink
// out, a decompression bomb, a redirect loop, an endless X-Terraform-Get
// chain) is a note positioned at the module call, the scan still
// reports, and nothing is written outside the cache and the project.
func TestHostileRegistryModules(t *testing.T) {
	t.Parallel()
	tf := []byte(`resource "aws_sqs_queue" "q" {}` + "\n")
	bomb := bytes.Repeat([]byte{0}, 8<<20)
	archives := map[string][]byte{
		"dotdot":  tarGz(t, tarEntry{tar.Header{Name: "../../evil.tf", Mode: 0o644, Size: int64(len(tf)), Typeflag: tar.TypeReg}, tf}),
		"abs":     tarGz(t, tarEntry{tar.Header{Name: "/tmp/evil.tf", Mode: 0o644, Size: int64(len(tf)), Typeflag: tar.TypeReg}, tf}),
		"symlink": tarGz(t, tarEntry{tar.Header{Name: "main.tf", Linkname: "../../../../etc/passwd", Typeflag: tar.TypeSymlink}, nil}),
		"bomb":    tarGz(t, tarEntry{tar.Header{Name: "main.tf", Mode: 0o644, Size: int64(len(bomb)), Typeflag: tar.TypeReg}, bomb}),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/terraform.json", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"modules.v1": "/v1/modules/"}`)
	})
	mux.HandleFunc("/v1/modules/acme/{name}/aws/versions", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"modules":[{"versions":[{"version":"1.0.0"}]}]}`)
	})
	mux.HandleFunc("/v1/modules/acme/{name}/aws/{version}/download", func(w http.ResponseWriter, r *http.Request) {
		switch name := r.PathValue("name"); name {
		case "loop":
			w.Header().Set("X-Terraform-Get", "/loop")
		case "chain":
			w.Header().Set("X-Terraform-Get", "/chain/0")
		default:
			w.Header().Set("X-Terraform-Get", "/archives/"+name+".tar.gz")
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	var n atomic.Int64
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Terraform-Get", fmt.Sprintf("/chain/%d", n.Add(1)))
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/archives/{file}", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(archives[strings.TrimSuffix(r.PathValue("file"), ".tar.gz")])
	})
	srv := httptest.NewTLSServer(mux)
	t.Cleanup(srv.Close)
	host := strings.TrimPrefix(srv.URL, "https://")

	parent := t.TempDir()
	cache := filepath.Join(parent, "cache")
	names := []string{"dotdot", "abs", "symlink", "bomb", "loop", "chain"}
	var src strings.Builder
	for _, name := range names {
		fmt.Fprintf(&src, "module %q {\n  source  = %q\n  version = \"1.0.0\"\n}\n\n", name, host+"/acme/"+name+"/aws")
	}
	src.WriteString("resource \"aws_sqs_queue\" \"mine\" {}\n")
	dir := filepath.Join(parent, "project")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	env := defaultEnv(t)
	env.Cwd = dir
	client := srv.Client()
	env.ModuleFetcher = func(download bool) eval.ModuleFetcher {
		return checker.NewModuleFetcher(modfetch.Options{CacheDir: cache, Network: download, Client: client, MaxBytes: 1 << 20})
	}
	r := spillway(t, env, "scan", "-f", "json", "--download-modules")
	var rep struct {
		Stats struct {
			Resources int `json:"resources"`
		} `json:"stats"`
		Notes []struct {
			Kind    string `json:"kind"`
			File    string `json:"file"`
			Line    int    `json:"line"`
			Message string `json:"message"`
		} `json:"notes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("not JSON (exit %d, stderr %s): %v", r.code, r.stderr, err)
	}
	lines := map[int]bool{}
	for _, n := range rep.Notes {
		if n.File != "main.tf" || n.Kind != "module_fetch_failed" {
			t.Errorf("note %+v", n)
		}
		lines[n.Line] = true
	}
	for i, name := range names {
		if !lines[i*5+2] {
			t.Errorf("no note at main.tf:%d for the %s module; notes %+v", i*5+2, name, rep.Notes)
		}
	}
	if rep.Stats.Resources != 1 || r.code != cli.ExitOK {
		t.Errorf("the project itself was not scanned (exit %d):\n%s", r.code, r.stdout)
	}
	// Only the project and the cache exist in parent, and the cache holds
	// no package.
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "project" && e.Name() != "cache" {
			t.Errorf("written outside the cache: %s", e.Name())
		}
	}
	_ = filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".tf") {
			t.Errorf("a hostile package was cached: %s", p)
		}
		return nil
	})
	if _, err := os.Stat("/tmp/evil.tf"); err == nil {
		t.Errorf("/tmp/evil.tf exists")
	}
}
