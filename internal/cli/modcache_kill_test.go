package cli_test

import (
	"encoding/pem"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestModuleCacheSurvivesSIGKILL runs the real binary's scan
// --download-modules against a registry that streams a large package
// slowly, and kills it with SIGKILL at spread-out moments: after every
// kill the cache holds either no entry for the module or a complete one
// (every file with its full content), never a half-written package that a
// later run would trust; and a later run still analyzes the module.
func TestModuleCacheSurvivesSIGKILL(t *testing.T) {
	bin := buildBinary(t)
	// A package of many files, the function in the last one.
	files := map[string]string{}
	for i := range 150 {
		files[fmt.Sprintf("f%03d.tf", i)] = fmt.Sprintf("locals {\n  pad_%d = %q\n}\n", i, strings.Repeat("x", 4000))
	}
	files["zz_main.tf"] = "resource \"aws_lambda_function\" \"this\" {\n  function_name = \"fn\"\n  role          = \"arn:aws:iam::123456789012:role/fn\"\n  handler       = \"index.handler\"\n  runtime       = \"nodejs20.x\"\n  filename      = \"fn.zip\"\n}\n"
	archive := tgz(t, files) // zz_main.tf last

	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/terraform.json", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"modules.v1": "/v1/modules/"}`)
	})
	mux.HandleFunc("/v1/modules/acme/lambda/aws/versions", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"modules":[{"versions":[{"version":"1.0.0"}]}]}`)
	})
	mux.HandleFunc("/v1/modules/acme/lambda/aws/1.0.0/download", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Terraform-Get", "/pkg.tar.gz")
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/pkg.tar.gz", func(w http.ResponseWriter, _ *http.Request) {
		// Slowly, so that kills land during the download too.
		for off := 0; off < len(archive); off += 1024 {
			_, _ = w.Write(archive[off:min(off+1024, len(archive))])
			if f, ok := w.(http.Flusher); ok {
				f.Flush()
			}
			time.Sleep(2 * time.Millisecond)
		}
	})
	srv := httptest.NewUnstartedServer(mux)
	// Killed clients make handshake errors; they are expected.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	certFile := filepath.Join(t.TempDir(), "ca.pem")
	must0(t, os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o644))
	host := strings.TrimPrefix(srv.URL, "https://")
	project := writeTree(t, map[string]string{
		"main.tf": fmt.Sprintf("module \"fn\" {\n  source  = %q\n  version = \"1.0.0\"\n}\n", host+"/acme/lambda/aws"),
	})
	run := func(cache string) *exec.Cmd {
		cmd := exec.Command(bin, "scan", "--download-modules", "--only", "SPW201", "-f", "json", "--soft-fail", "-o", os.DevNull, project)
		cmd.Env = append(os.Environ(), "SSL_CERT_FILE="+certFile, "SPILLWAY_CACHE_DIR="+cache, "HOME="+t.TempDir())
		return cmd
	}
	// Every entry the cache trusts (a directory holding the metadata
	// file) must be complete. A kill between writing a staged entry's
	// metadata and renaming it into place leaves it under .tmp, which
	// the cache never reads from.
	check := func(round int, cache string) (entries int) {
		_ = filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() && d.Name() == ".tmp" {
				return fs.SkipDir
			}
			if err != nil || d.IsDir() || d.Name() != "spillway-module.json" {
				return nil
			}
			entries++
			pkg := filepath.Join(filepath.Dir(p), "pkg")
			for name, want := range files {
				got, err := os.ReadFile(filepath.Join(pkg, name))
				if err != nil || string(got) != want {
					t.Fatalf("round %d: the trusted entry %s has %s incomplete (%d of %d bytes, %v)", round, pkg, name, len(got), len(want), err)
				}
			}
			return nil
		})
		return entries
	}
	complete := 0
	for round := range 10 {
		cache := t.TempDir()
		cmd := run(cache)
		must0(t, cmd.Start())
		time.Sleep(time.Duration(20+round*round*6) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		complete += check(round, cache)
		// A later run finishes the job and analyzes the module.
		out, err := run(cache).Output()
		if err != nil {
			t.Fatalf("round %d: the run after the kill: %v", round, err)
		}
		_ = out
		if check(round, cache) != 1 {
			t.Fatalf("round %d: the run after the kill left no complete entry", round)
		}
		rep := run(cache)
		rep.Args = append(rep.Args[:len(rep.Args)-3], project) // to stdout
		b, err := rep.Output()
		if err != nil || !strings.Contains(string(b), `"rule_id": "SPW201"`) {
			t.Fatalf("round %d: the module is not analyzed after the kill (%v):\n%s", round, err, b)
		}
	}
	t.Logf("%d of 10 kills came after the entry was complete", complete)
}

func must0(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
