package modfetch

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Registry host of the test server: httptest's client sends requests for
// example.com to the server, and its certificate names example.com.
const testHost = "example.com"

type tarEntry struct {
	name string
	typ  byte
	body string
	link string
}

func makeTarGz(t *testing.T, entries []tarEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		typ := e.typ
		if typ == 0 {
			typ = tar.TypeReg
		}
		hdr := &tar.Header{Name: e.name, Typeflag: typ, Linkname: e.link, Mode: 0o644, ModTime: time.Unix(0, 0)}
		if typ == tar.TypeReg {
			hdr.Size = int64(len(e.body))
		}
		if typ == tar.TypeDir {
			hdr.Mode = 0o755
		}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatal(err)
		}
		if typ == tar.TypeReg {
			if _, err := tw.Write([]byte(e.body)); err != nil {
				t.Fatal(err)
			}
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

type zipEntry struct {
	name string
	body string
	mode fs.FileMode
}

func makeZip(t *testing.T, entries []zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		hdr := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		mode := e.mode
		if mode == 0 {
			mode = 0o644
		}
		hdr.SetMode(mode)
		w, err := zw.CreateHeader(hdr)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// makeBomb returns a tar.gz holding one file of size MiB of zeros. It is
// built from gzip members (a multistream file, which gzip readers accept),
// so the 1 MiB of zeros is compressed only once.
func makeBomb(t *testing.T, mib int) []byte {
	t.Helper()
	member := func(p []byte) []byte {
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		if _, err := w.Write(p); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	var hdr bytes.Buffer
	tw := tar.NewWriter(&hdr)
	if err := tw.WriteHeader(&tar.Header{Name: "zeros.tf", Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(mib) << 20}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	out.Write(member(hdr.Bytes()))
	zeros := member(make([]byte, 1<<20))
	for range mib {
		out.Write(zeros)
	}
	out.Write(member(make([]byte, 1024))) // end of archive
	return out.Bytes()
}

// testRegistry is a module registry and file server over TLS.
type testRegistry struct {
	srv *httptest.Server

	mu    sync.Mutex
	hits  map[string]int
	auth  map[string]string // path -> Authorization header seen
	files map[string][]byte // /files/NAME -> body
}

var testModules = map[string][]string{
	"acme/lambda/aws":   {"1.0.0", "1.2.0", "2.0.0", "1.3.0-beta"},
	"acme/sqs/aws":      {"0.1.0"},
	"acme/body/aws":     {"0.1.0"},
	"acme/loop/aws":     {"1.0.0"},
	"acme/insecure/aws": {"1.0.0"},
	"acme/localgit/aws": {"1.0.0"},
	"acme/registry/aws": {"1.0.0"},
	"acme/alias/aws":    {"1.0.0"},
}

func newTestRegistry(t *testing.T) *testRegistry {
	t.Helper()
	r := &testRegistry{hits: map[string]int{}, auth: map[string]string{}, files: map[string][]byte{}}
	for _, v := range []string{"1.0.0", "1.2.0", "2.0.0", "1.3.0-beta"} {
		r.files["lambda-"+v+".tar.gz"] = makeTarGz(t, []tarEntry{
			{name: "./", typ: tar.TypeDir},
			{name: "main.tf", body: "# lambda " + v + "\n"},
			{name: "examples/basic/main.tf", body: "# example " + v + "\n"},
		})
	}
	r.files["sqs"] = makeZip(t, []zipEntry{
		{name: "README.md", body: "sqs"},
		{name: "modules/", mode: fs.ModeDir | 0o755},
		{name: "modules/queue/main.tf", body: "# queue\n"},
	})

	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/terraform.json", func(w http.ResponseWriter, req *http.Request) {
		switch req.Host {
		case "insecure." + testHost: // modules served over plain http
			_, _ = w.Write([]byte(`{"modules.v1": "http://insecure.example.com/api/registry/v1/modules/"}`))
		case "abs." + testHost: // an absolute modules.v1 URL on another host
			_, _ = w.Write([]byte(`{"modules.v1": "https://api.example.com/api/registry/v1/modules"}`))
		case "noreg." + testHost:
			_, _ = w.Write([]byte(`{"providers.v1": "/v1/providers/"}`))
		default:
			_, _ = w.Write([]byte(`{"modules.v1": "/api/registry/v1/modules/", "providers.v1": "/v1/providers/"}`))
		}
	})
	mux.HandleFunc("GET /api/registry/v1/modules/{ns}/{name}/{prov}/versions", func(w http.ResponseWriter, req *http.Request) {
		vs, ok := testModules[req.PathValue("ns")+"/"+req.PathValue("name")+"/"+req.PathValue("prov")]
		if !ok {
			http.NotFound(w, req)
			return
		}
		var resp versionsResponse
		resp.Modules = make([]struct {
			Versions []struct {
				Version string `json:"version"`
			} `json:"versions"`
		}, 1)
		for _, v := range vs {
			resp.Modules[0].Versions = append(resp.Modules[0].Versions, struct {
				Version string `json:"version"`
			}{v})
		}
		_ = json.NewEncoder(w).Encode(resp)
	})
	mux.HandleFunc("GET /api/registry/v1/modules/{ns}/{name}/{prov}/{ver}/download", func(w http.ResponseWriter, req *http.Request) {
		ver := req.PathValue("ver")
		switch req.PathValue("name") {
		case "lambda":
			w.Header().Set("X-Terraform-Get", "/files/lambda-"+ver+".tar.gz") // relative to the download URL
			w.WriteHeader(http.StatusNoContent)
		case "sqs":
			w.Header().Set("X-Terraform-Get", "https://"+testHost+"/files/sqs//modules/queue?archive=zip")
			w.WriteHeader(http.StatusOK) // a 200 with the header works too
		case "body":
			_, _ = w.Write([]byte(`{"location": "../../../../../../../../../files/lambda-1.0.0.tar.gz"}`))
		case "loop":
			w.Header().Set("X-Terraform-Get", "/chain/1")
			w.WriteHeader(http.StatusNoContent)
		case "insecure":
			w.Header().Set("X-Terraform-Get", "http://"+testHost+"/files/lambda-1.0.0.tar.gz")
			w.WriteHeader(http.StatusNoContent)
		case "localgit":
			w.Header().Set("X-Terraform-Get", "git::file:///etc")
			w.WriteHeader(http.StatusNoContent)
		case "alias": // another registry's download URL: one more hop
			w.Header().Set("X-Terraform-Get", "https://"+testHost+"/api/registry/v1/modules/acme/lambda/aws/1.2.0/download")
			w.WriteHeader(http.StatusNoContent)
		case "registry":
			w.Header().Set("X-Terraform-Get", "acme/lambda/aws")
			w.WriteHeader(http.StatusNoContent)
		default:
			http.NotFound(w, req)
		}
	})
	mux.HandleFunc("GET /chain/{n}", func(w http.ResponseWriter, req *http.Request) {
		n, _ := strconv.Atoi(req.PathValue("n"))
		w.Header().Set("X-Terraform-Get", fmt.Sprintf("/chain/%d", n+1))
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("GET /pointer", func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Query().Get("terraform-get") != "1" {
			http.Error(w, "no terraform-get=1", http.StatusBadRequest)
			return
		}
		w.Header().Set("X-Terraform-Get", "./files/lambda-1.0.0.tar.gz//examples")
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("GET /files/{name}", func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		b, ok := r.files[req.PathValue("name")]
		r.mu.Unlock()
		if !ok {
			http.NotFound(w, req)
			return
		}
		_, _ = w.Write(b)
	})
	mux.HandleFunc("GET /loop/{name}", func(w http.ResponseWriter, req *http.Request) {
		next := "/loop/a.tar.gz"
		if req.PathValue("name") == "a.tar.gz" {
			next = "/loop/b.tar.gz"
		}
		http.Redirect(w, req, next, http.StatusFound)
	})
	mux.HandleFunc("GET /redir/{n}", func(w http.ResponseWriter, req *http.Request) {
		n, _ := strconv.Atoi(strings.TrimSuffix(req.PathValue("n"), ".tar.gz"))
		http.Redirect(w, req, fmt.Sprintf("/redir/%d.tar.gz", n+1), http.StatusFound)
	})
	mux.HandleFunc("GET /to-http.tar.gz", func(w http.ResponseWriter, req *http.Request) {
		http.Redirect(w, req, "http://"+testHost+"/files/lambda-1.0.0.tar.gz", http.StatusFound)
	})
	mux.HandleFunc("GET /slow.tar.gz", func(_ http.ResponseWriter, req *http.Request) {
		select {
		case <-req.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})

	r.srv = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.hits[req.URL.Path]++
		r.auth[req.URL.Path] = req.Header.Get("Authorization")
		r.mu.Unlock()
		mux.ServeHTTP(w, req)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *testRegistry) hitCount(p string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.hits[p]
}

func (r *testRegistry) hitPrefix(prefix string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for p, c := range r.hits {
		if strings.HasPrefix(p, prefix) {
			n += c
		}
	}
	return n
}

func (r *testRegistry) authOf(p string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.auth[p]
}

func (r *testRegistry) addFile(name string, b []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.files[name] = b
}

// env returns a Getenv function reading from m only.
func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// assertConfined fails if anything under parent is outside cache, or if
// a temporary directory was left in the cache.
func assertConfined(t *testing.T, parent, cache string) {
	t.Helper()
	err := filepath.WalkDir(parent, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == parent {
			return nil
		}
		if !within(cache, p) {
			t.Errorf("%s was written outside the cache %s", p, cache)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if ents, err := os.ReadDir(filepath.Join(cache, tmpDir)); err == nil && len(ents) > 0 {
		t.Errorf("temporary directories left in the cache: %v", ents)
	}
}
