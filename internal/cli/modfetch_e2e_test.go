package cli_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/cli"
	"github.com/spillway-iac/spillway/internal/modfetch"
)

// tgz packs files into a .tar.gz archive.
func tgz(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for name, src := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(src)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(src)); err != nil {
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

// testRegistry serves acme/lambda/aws 1.0.0 and 1.2.0 and acme/sqs/aws
// 2.0.0 over HTTPS, following the module registry protocol.
func testRegistry(t *testing.T, hits *atomic.Int64) *httptest.Server {
	t.Helper()
	archives := map[string][]byte{
		"lambda/1.0.0": tgz(t, map[string]string{"main.tf": `resource "aws_sqs_queue" "old" {}`}),
		"lambda/1.2.0": tgz(t, map[string]string{
			"main.tf": lambdaPkg,
			"modules/alias/main.tf": `resource "aws_lambda_alias" "this" {
  name             = "live"
  function_name    = "fn"
  function_version = "1"
}
`,
		}),
		"sqs/2.0.0": tgz(t, map[string]string{"main.tf": `resource "aws_sqs_queue" "this" {}`}),
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

// TestRegistryModulesEndToEnd: scan --download-modules picks 1.2.0 for
// "~> 1.0", caches it and analyzes it; a second run with the registry
// stopped gives byte-identical JSON, with the flag or without it.
func TestRegistryModulesEndToEnd(t *testing.T) {
	t.Parallel()
	var hits atomic.Int64
	srv := testRegistry(t, &hits)
	host := strings.TrimPrefix(srv.URL, "https://")
	cache := t.TempDir()
	dir := moduleProject(t, map[string]string{
		"main.tf": fmt.Sprintf("module \"fn\" {\n  source  = %q\n  version = \"~> 1.0\"\n}\n\nmodule \"alias\" {\n  source  = %q\n  version = \"1.2.0\"\n}\n\nmodule \"queue\" {\n  source = %q\n}\n",
			host+"/acme/lambda/aws", host+"/acme/lambda/aws//modules/alias", host+"/acme/sqs/aws"),
	})
	env := defaultEnv(t)
	env.Cwd = dir
	client := srv.Client()
	env.ModuleFetcher = func(download bool) eval.ModuleFetcher {
		return checker.NewModuleFetcher(modfetch.Options{CacheDir: cache, Network: download, Client: client})
	}
	first, rep := scanModules(t, env, "--download-modules")
	if len(rep.Notes) != 0 {
		t.Errorf("notes: %+v", rep.Notes)
	}
	files := map[string]bool{}
	for _, f := range rep.Findings {
		files[f.File] = true
	}
	if !files[host+"/acme/lambda/aws@1.2.0/main.tf"] {
		t.Errorf("no finding in lambda 1.2.0 (files %v):\n%s", files, first.stdout)
	}
	if hits.Load() == 0 {
		t.Fatal("the registry was not asked")
	}
	srv.Close()
	for _, args := range [][]string{{"--download-modules"}, nil} {
		again, _ := scanModules(t, env, args...)
		if again.stdout != first.stdout || again.code != first.code {
			t.Errorf("offline scan %v differs:\n%s\n---\n%s\nstderr %s", args, again.stdout, first.stdout, again.stderr)
		}
	}
	_ = cli.ExitOK
}
