package modfetch

import (
	"archive/tar"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	version "github.com/hashicorp/go-version"
)

func TestIsRemote(t *testing.T) {
	t.Parallel()
	for src, want := range map[string]bool{
		"./modules/x":               false,
		"../x":                      false,
		`.\x`:                       false,
		`..\x`:                      false,
		"":                          false,
		"acme/lambda/aws":           true,
		"git::https://example.com":  true,
		"github.com/acme/repo":      true,
		"s3::https://s3.amazonaws.": true,
	} {
		if got := IsRemote(src); got != want {
			t.Errorf("IsRemote(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestParseSource(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src     string
		kind    sourceKind
		key     string
		subdir  string
		ref     string
		archive string
		wantErr error
	}{
		{src: "acme/lambda/aws", kind: kindRegistry, key: "registry.terraform.io/acme/lambda/aws"},
		{src: "Acme/Lambda/aws//modules/x", kind: kindRegistry, key: "registry.terraform.io/acme/lambda/aws", subdir: "modules/x"},
		{src: "App.Terraform.io/acme/lambda/aws", kind: kindRegistry, key: "app.terraform.io/acme/lambda/aws"},
		{src: "example.com:443/acme/lambda/aws", kind: kindRegistry, key: "example.com/acme/lambda/aws"},
		{src: "localhost:8443/acme/lambda/aws", kind: kindRegistry, key: "localhost:8443/acme/lambda/aws"},
		{src: "bücher.example/acme/lambda/aws", kind: kindRegistry, key: "xn--bcher-kva.example/acme/lambda/aws"},
		{src: "git::https://example.com/acme/repo.git?ref=v1", kind: kindGit, key: "git::https://example.com/acme/repo.git?ref=v1", ref: "v1"},
		{src: "git::https://example.com/acme/repo.git//sub/dir?ref=v1", kind: kindGit, key: "git::https://example.com/acme/repo.git?ref=v1", ref: "v1", subdir: "sub/dir"},
		{src: "git::ssh://git@example.com/acme/repo.git", kind: kindGit, key: "git::ssh://git@example.com/acme/repo.git?ref="},
		{src: "git::git@example.com:acme/repo.git?ref=main", kind: kindGit, key: "git::ssh://git@example.com/acme/repo.git?ref=main", ref: "main"},
		{src: "git@example.com:acme/repo.git", kind: kindGit, key: "git::ssh://git@example.com/acme/repo.git?ref="},
		{src: "git::file:///srv/repo//m?ref=v2", kind: kindGit, key: "git::file:///srv/repo?ref=v2", ref: "v2", subdir: "m"},
		{src: "github.com/acme/repo", kind: kindGit, key: "git::https://github.com/acme/repo.git?ref="},
		{src: "github.com/acme/repo//modules/q?ref=v3", kind: kindGit, key: "git::https://github.com/acme/repo.git?ref=v3", ref: "v3", subdir: "modules/q"},
		{src: "github.com/acme/repo/modules/q", kind: kindGit, key: "git::https://github.com/acme/repo.git?ref=", subdir: "modules/q"},
		{src: "https://example.com/m.zip", kind: kindHTTP, archive: "zip", key: "https://example.com/m.zip\x00zip"},
		{src: "https://example.com/m.tgz//x", kind: kindHTTP, archive: "tar.gz", subdir: "x", key: "https://example.com/m.tgz\x00tar.gz"},
		{src: "https://example.com/get?archive=tar.gz&x=1", kind: kindHTTP, archive: "tar.gz", key: "https://example.com/get?x=1\x00tar.gz"},
		{src: "https://example.com/pointer", kind: kindHTTP, key: "https://example.com/pointer\x00"},
		{src: "http://example.com/m.zip", wantErr: ErrRefused},
		{src: "git::http://example.com/r.git", wantErr: ErrRefused},
		{src: "git::https://example.com/r.git?ref=--upload-pack=x", wantErr: ErrRefused},
		{src: "s3::https://s3.amazonaws.com/bucket/m.zip", wantErr: ErrUnsupported},
		{src: "gcs::https://www.googleapis.com/storage/v1/b/m.zip", wantErr: ErrUnsupported},
		{src: "hg::https://example.com/repo", wantErr: ErrUnsupported},
		{src: "bucket.s3.amazonaws.com/m.zip", wantErr: ErrUnsupported},
		{src: "www.googleapis.com/storage/v1/bucket/m.zip", wantErr: ErrUnsupported},
		{src: "bitbucket.org/acme/repo", wantErr: ErrUnsupported},
		{src: "ftp://example.com/m.zip", wantErr: ErrUnsupported},
		{src: "git::ext::sh -c touch% /tmp/pwned", wantErr: ErrRefused},
		{src: "git::fd::3", wantErr: ErrUnsupported},
		{src: "https://example.com/m.tar.xz", wantErr: ErrUnsupported},
		{src: "/abs/path", wantErr: ErrUnsupported},
		{src: "acme/lambda", wantErr: ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			t.Parallel()
			s, err := parseSource(tt.src)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("parseSource(%q) error = %v, want %v", tt.src, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseSource(%q): %v", tt.src, err)
			}
			if s.kind != tt.kind || s.key() != tt.key || s.subdir != tt.subdir || s.ref != tt.ref || s.archive != tt.archive {
				t.Errorf("parseSource(%q) = kind %d key %q subdir %q ref %q archive %q, want kind %d key %q subdir %q ref %q archive %q",
					tt.src, s.kind, s.key(), s.subdir, s.ref, s.archive, tt.kind, tt.key, tt.subdir, tt.ref, tt.archive)
			}
		})
	}
}

func TestHostNamesAndTokens(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"bücher.example":   "xn--bcher-kva.example",
		"例え.テスト":           "xn--r8jz45g.xn--zckzah",
		"App.Terraform.IO": "app.terraform.io",
	} {
		got, err := toASCIIHost(in)
		if err != nil || got != want {
			t.Errorf("toASCIIHost(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := toASCIIHost("bad_host"); err == nil {
		t.Errorf("toASCIIHost(bad_host) succeeded")
	}
	for host, want := range map[string]string{
		"app.terraform.io":            "TF_TOKEN_app_terraform_io",
		"my-registry.example.com":     "TF_TOKEN_my__registry_example_com",
		"xn--r8jz45g.xn--zckzah":      "TF_TOKEN_xn____r8jz45g_xn____zckzah",
		"registry.example.com:8443":   "",
		"xn--bcher-kva.example":       "TF_TOKEN_xn____bcher__kva_example",
		"terraform.example.org":       "TF_TOKEN_terraform_example_org",
		"ci-cd.terraform.example.org": "TF_TOKEN_ci__cd_terraform_example_org",
	} {
		names := tokenEnvNames(host)
		got := ""
		if len(names) > 0 {
			got = names[0]
		}
		if got != want {
			t.Errorf("tokenEnvNames(%q)[0] = %q, want %q", host, got, want)
		}
	}
	f := New(Options{Getenv: env(map[string]string{"TF_TOKEN_EXAMPLE_COM": "upper", "TF_TOKEN_xn____bcher__kva_example": "idn"})})
	if got := f.token("Example.com:443"); got != "upper" {
		t.Errorf("token(Example.com:443) = %q, want the upper-case variable", got)
	}
	if got := f.token("bücher.example"); got != "idn" {
		t.Errorf("token(bücher.example) = %q, want the punycode variable", got)
	}
	if got := f.token("example.com:8443"); got != "" {
		t.Errorf("token(example.com:8443) = %q, want none", got)
	}
}

func TestPickVersion(t *testing.T) {
	t.Parallel()
	var vs []*version.Version
	for _, s := range []string{"1.0.0", "1.2.0", "2.0.0", "1.3.0-beta"} {
		vs = append(vs, version.Must(version.NewVersion(s)))
	}
	for constraint, want := range map[string]string{
		"":                "2.0.0",
		"~> 1.0":          "1.2.0",
		"~> 1.2.0":        "1.2.0",
		">= 1.0, < 2.0.0": "1.2.0",
		">= 1.2.0":        "2.0.0",
		"1.0.0":           "1.0.0",
		"= 1.3.0-beta":    "1.3.0-beta",
		"1.3.0-beta":      "1.3.0-beta",
		">= 1.3.0-alpha":  "2.0.0",
		"~> 3.0":          "",
		"!= 2.0.0":        "1.2.0",
	} {
		cons, err := parseConstraint(constraint)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if v := pickVersion(vs, cons); v != nil {
			got = v.String()
		}
		if got != want {
			t.Errorf("pickVersion(%q) = %q, want %q", constraint, got, want)
		}
	}
	if _, err := parseConstraint("~> banana"); err == nil {
		t.Error("parseConstraint(~> banana) succeeded")
	}
}

func newTestFetcher(t *testing.T, reg *testRegistry, cache string, mod func(*Options)) *Fetcher {
	t.Helper()
	o := Options{CacheDir: cache, Network: true, Client: reg.srv.Client(), Getenv: env(nil), Timeout: 5 * time.Second}
	if mod != nil {
		mod(&o)
	}
	return New(o)
}

func TestRegistryFetch(t *testing.T) {
	t.Parallel()
	reg := newTestRegistry(t)
	cache := filepath.Join(t.TempDir(), "cache")
	f := newTestFetcher(t, reg, cache, nil)
	ctx := context.Background()

	tests := []struct {
		source, version string
		wantVersion     string
		wantRel         string // Dir relative to the cache
		wantFile        string // a file in Dir
		wantBody        string
		wantDisplay     string
	}{
		{"example.com/acme/lambda/aws", "~> 1.0", "1.2.0", "registry/example.com/acme/lambda/aws/1.2.0/pkg", "main.tf", "# lambda 1.2.0\n", "example.com/acme/lambda/aws 1.2.0"},
		{"example.com/acme/lambda/aws", "", "2.0.0", "registry/example.com/acme/lambda/aws/2.0.0/pkg", "main.tf", "# lambda 2.0.0\n", "example.com/acme/lambda/aws 2.0.0"},
		{"example.com/acme/lambda/aws", ">= 1.0, < 1.2", "1.0.0", "registry/example.com/acme/lambda/aws/1.0.0/pkg", "main.tf", "# lambda 1.0.0\n", "example.com/acme/lambda/aws 1.0.0"},
		{"example.com/acme/lambda/aws", "= 1.3.0-beta", "1.3.0-beta", "registry/example.com/acme/lambda/aws/1.3.0-beta/pkg", "main.tf", "# lambda 1.3.0-beta\n", "example.com/acme/lambda/aws 1.3.0-beta"},
		{"example.com/acme/lambda/aws//examples/basic", "~> 1.0", "1.2.0", "registry/example.com/acme/lambda/aws/1.2.0/pkg/examples/basic", "main.tf", "# example 1.2.0\n", "example.com/acme/lambda/aws//examples/basic 1.2.0"},
		{"example.com/acme/sqs/aws", "", "0.1.0", "registry/example.com/acme/sqs/aws/0.1.0/pkg/modules/queue", "main.tf", "# queue\n", "example.com/acme/sqs/aws 0.1.0"},
		{"example.com/acme/body/aws", "0.1.0", "0.1.0", "registry/example.com/acme/body/aws/0.1.0/pkg", "main.tf", "# lambda 1.0.0\n", "example.com/acme/body/aws 0.1.0"},
		{"example.com/acme/alias/aws", "", "1.0.0", "registry/example.com/acme/alias/aws/1.0.0/pkg", "main.tf", "# lambda 1.2.0\n", "example.com/acme/alias/aws 1.0.0"},
	}
	for _, tt := range tests {
		m, err := f.Fetch(ctx, tt.source, tt.version)
		if err != nil {
			t.Fatalf("Fetch(%q, %q): %v", tt.source, tt.version, err)
		}
		if m.Version != tt.wantVersion || m.Display != tt.wantDisplay || m.Source != tt.source {
			t.Errorf("Fetch(%q, %q) = version %q display %q source %q, want %q %q %q", tt.source, tt.version, m.Version, m.Display, m.Source, tt.wantVersion, tt.wantDisplay, tt.source)
		}
		if want := filepath.Join(cache, filepath.FromSlash(tt.wantRel)); m.Dir != want {
			t.Errorf("Fetch(%q, %q).Dir = %s, want %s", tt.source, tt.version, m.Dir, want)
		}
		if !filepath.IsAbs(m.Dir) || !within(m.Root, m.Dir) {
			t.Errorf("Dir %s is not absolute or not below Root %s", m.Dir, m.Root)
		}
		if got := readFile(t, filepath.Join(m.Dir, tt.wantFile)); got != tt.wantBody {
			t.Errorf("Fetch(%q, %q): %s = %q, want %q", tt.source, tt.version, tt.wantFile, got, tt.wantBody)
		}
	}
	m, err := f.Fetch(ctx, "abs.example.com/acme/lambda/aws", "1.0.0")
	if err != nil {
		t.Fatalf("Fetch from a registry with an absolute modules.v1: %v", err)
	}
	if m.Package != "abs.example.com/acme/lambda/aws@1.0.0" {
		t.Errorf("Package = %q", m.Package)
	}
	if m.Display != "abs.example.com/acme/lambda/aws 1.0.0" || !strings.Contains(m.Dir, filepath.Join("registry", "abs.example.com")) {
		t.Errorf("Fetch from abs.example.com = %+v", m)
	}
	// An exact version already in the cache needs no request.
	before := reg.hitPrefix("/api/")
	if _, err := f.Fetch(ctx, "example.com/acme/lambda/aws", "1.0.0"); err != nil {
		t.Fatal(err)
	}
	if n := reg.hitPrefix("/api/"); n != before {
		t.Errorf("Fetch of a cached exact version made %d registry requests, want 0", n-before)
	}

	for _, tt := range []struct{ source, version, want string }{
		{"example.com/acme/lambda/aws", "~> 3.0", "no version of example.com/acme/lambda/aws meets"},
		{"example.com/acme/lambda/aws", "~> nope", "invalid version constraint"},
		{"example.com/acme/missing/aws", "", "404"},
		{"example.com/acme/lambda/aws//nope", "1.0.0", `subdirectory "nope" not found`},
		{"example.com/acme/lambda/aws//../../../..", "1.0.0", "leaves the package"},
		{"example.com/acme/registry/aws", "", "is a registry address"},
		{"noreg.example.com/acme/lambda/aws", "", "is not a module registry"},
		{"git::https://example.com/r.git", "1.0.0", "applies only to registry modules"},
	} {
		_, err := f.Fetch(ctx, tt.source, tt.version)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.source) {
			t.Errorf("Fetch(%q, %q) error = %v, want one naming the source and containing %q", tt.source, tt.version, err, tt.want)
		}
	}
}

func TestRegistryTokenSent(t *testing.T) {
	t.Parallel()
	reg := newTestRegistry(t)
	f := newTestFetcher(t, reg, t.TempDir(), func(o *Options) {
		o.Getenv = env(map[string]string{"TF_TOKEN_example_com": "s3cret"})
	})
	if _, err := f.Fetch(context.Background(), "example.com/acme/lambda/aws", "~> 1.0"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		"/.well-known/terraform.json",
		"/api/registry/v1/modules/acme/lambda/aws/versions",
		"/api/registry/v1/modules/acme/lambda/aws/1.2.0/download",
		"/files/lambda-1.2.0.tar.gz",
	} {
		if got := reg.authOf(p); got != "Bearer s3cret" {
			t.Errorf("Authorization sent to %s = %q, want %q", p, got, "Bearer s3cret")
		}
	}
	// Without the variable no header is sent.
	reg2 := newTestRegistry(t)
	f2 := newTestFetcher(t, reg2, t.TempDir(), nil)
	if _, err := f2.Fetch(context.Background(), "example.com/acme/lambda/aws", "~> 1.0"); err != nil {
		t.Fatal(err)
	}
	if got := reg2.authOf("/api/registry/v1/modules/acme/lambda/aws/versions"); got != "" {
		t.Errorf("Authorization without TF_TOKEN = %q, want none", got)
	}
}

func TestOfflineUsesCache(t *testing.T) {
	t.Parallel()
	reg := newTestRegistry(t)
	cache := t.TempDir()
	ctx := context.Background()
	online := newTestFetcher(t, reg, cache, nil)
	sources := []struct{ source, version string }{
		{"example.com/acme/lambda/aws", "~> 1.0"},
		{"example.com/acme/lambda/aws//examples/basic", "1.2.0"},
		{"https://example.com/files/sqs//modules/queue?archive=zip", ""},
		{"https://example.com/pointer", ""},
	}
	dirs := map[string]string{}
	for _, s := range sources {
		m, err := online.Fetch(ctx, s.source, s.version)
		if err != nil {
			t.Fatalf("online Fetch(%q, %q): %v", s.source, s.version, err)
		}
		dirs[s.source] = m.Dir
	}
	reg.srv.Close()

	offline := New(Options{CacheDir: cache, Getenv: env(nil)})
	for _, s := range sources {
		m, err := offline.Fetch(ctx, s.source, s.version)
		if err != nil {
			t.Fatalf("offline Fetch(%q, %q): %v", s.source, s.version, err)
		}
		if m.Dir != dirs[s.source] {
			t.Errorf("offline Fetch(%q).Dir = %s, want %s", s.source, m.Dir, dirs[s.source])
		}
	}
	m, err := offline.Fetch(ctx, "example.com/acme/lambda/aws", ">= 1.0")
	if err != nil || m.Version != "1.2.0" {
		t.Errorf("offline Fetch(>= 1.0) = %v, %v; want the cached 1.2.0", m, err)
	}
	for _, s := range []struct{ source, version string }{
		{"example.com/acme/lambda/aws", "2.0.0"},
		{"example.com/acme/sqs/aws", ""},
		{"https://example.com/files/other.zip", ""},
		{"git::https://example.com/r.git?ref=v1", ""},
	} {
		if _, err := offline.Fetch(ctx, s.source, s.version); !errors.Is(err, ErrNotCached) {
			t.Errorf("offline Fetch(%q, %q) error = %v, want ErrNotCached", s.source, s.version, err)
		}
	}
}

func TestConcurrentFetchDownloadsOnce(t *testing.T) {
	t.Parallel()
	reg := newTestRegistry(t)
	f := newTestFetcher(t, reg, t.TempDir(), nil)
	const n = 24
	var wg sync.WaitGroup
	dirs := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			v := "~> 1.0"
			if i%2 == 1 {
				v = "1.2.0" // another constraint naming the same cache entry
			}
			m, err := f.Fetch(context.Background(), "example.com/acme/lambda/aws", v)
			errs[i] = err
			if err == nil {
				dirs[i] = m.Dir
			}
		})
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if dirs[i] != dirs[0] {
			t.Errorf("Fetch %d Dir = %s, want %s", i, dirs[i], dirs[0])
		}
	}
	if got := reg.hitCount("/files/lambda-1.2.0.tar.gz"); got != 1 {
		t.Errorf("archive downloaded %d times, want 1", got)
	}
	if got := reg.hitCount("/api/registry/v1/modules/acme/lambda/aws/1.2.0/download"); got != 1 {
		t.Errorf("download location asked %d times, want 1", got)
	}
}

func TestHTTPArchives(t *testing.T) {
	t.Parallel()
	reg := newTestRegistry(t)
	f := newTestFetcher(t, reg, t.TempDir(), nil)
	for _, tt := range []struct{ source, file, body string }{
		{"https://example.com/files/lambda-1.0.0.tar.gz", "main.tf", "# lambda 1.0.0\n"},
		{"https://example.com/files/lambda-1.0.0.tar.gz//examples/basic", "main.tf", "# example 1.0.0\n"},
		{"https://example.com/files/sqs?archive=zip", "modules/queue/main.tf", "# queue\n"},
		{"https://example.com/files/sqs//modules/*?archive=zip", "main.tf", "# queue\n"},
		{"https://example.com/pointer", "basic/main.tf", "# example 1.0.0\n"}, // X-Terraform-Get with //examples
		{"https::https://example.com/files/lambda-1.2.0.tar.gz", "main.tf", "# lambda 1.2.0\n"},
	} {
		m, err := f.Fetch(context.Background(), tt.source, "")
		if err != nil {
			t.Errorf("Fetch(%q): %v", tt.source, err)
			continue
		}
		if got := readFile(t, filepath.Join(m.Dir, tt.file)); got != tt.body {
			t.Errorf("Fetch(%q): %s = %q, want %q", tt.source, tt.file, got, tt.body)
		}
		if m.Version != "" {
			t.Errorf("Fetch(%q).Version = %q, want empty", tt.source, m.Version)
		}
	}
}

func TestUnsupportedSources(t *testing.T) {
	t.Parallel()
	f := New(Options{CacheDir: t.TempDir(), Network: true, Getenv: env(nil)})
	for _, src := range []string{
		"s3::https://s3-eu-west-1.amazonaws.com/bucket/m.zip",
		"gcs::https://www.googleapis.com/storage/v1/bucket/m.zip",
		"hg::https://example.com/repo",
		"bitbucket.org/acme/repo",
		"ftp://example.com/m.zip",
	} {
		_, err := f.Fetch(context.Background(), src, "")
		if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), src) {
			t.Errorf("Fetch(%q) error = %v, want ErrUnsupported naming the source", src, err)
		}
	}
	if _, err := f.Fetch(context.Background(), "./local", ""); err == nil {
		t.Error("Fetch(./local) succeeded")
	}
}

func TestHostileInput(t *testing.T) {
	t.Parallel()
	reg := newTestRegistry(t)
	parent := t.TempDir()
	cache := filepath.Join(parent, "cache")
	f := newTestFetcher(t, reg, cache, func(o *Options) { o.MaxBytes = 8 << 20 })

	abs := filepath.ToSlash(filepath.Join(parent, "abs-evil.tf"))
	reg.addFile("dotdot.tar.gz", makeTarGz(t, []tarEntry{{name: "main.tf", body: "ok"}, {name: "../../../../../../evil.tf", body: "evil"}}))
	reg.addFile("inner-dotdot.tar.gz", makeTarGz(t, []tarEntry{{name: "a/../../evil.tf", body: "evil"}}))
	reg.addFile("abs.tar.gz", makeTarGz(t, []tarEntry{{name: abs, body: "evil"}}))
	reg.addFile("symlink.tar.gz", makeTarGz(t, []tarEntry{{name: "out", typ: tar.TypeSymlink, link: "../../../../../.."}, {name: "out/evil.tf", body: "evil"}}))
	reg.addFile("symlink-in.tar.gz", makeTarGz(t, []tarEntry{{name: "main.tf", body: "x"}, {name: "alias.tf", typ: tar.TypeSymlink, link: "main.tf"}}))
	reg.addFile("hardlink.tar.gz", makeTarGz(t, []tarEntry{{name: "passwd", typ: tar.TypeLink, link: "/etc/passwd"}}))
	reg.addFile("device.tar.gz", makeTarGz(t, []tarEntry{{name: "null", typ: tar.TypeChar}}))
	reg.addFile("fifo.tar.gz", makeTarGz(t, []tarEntry{{name: "pipe", typ: tar.TypeFifo}}))
	reg.addFile("dotdot.zip", makeZip(t, []zipEntry{{name: "../evil.tf", body: "evil"}}))
	reg.addFile("abs.zip", makeZip(t, []zipEntry{{name: abs, body: "evil"}}))
	reg.addFile("backslash.zip", makeZip(t, []zipEntry{{name: `..\evil.tf`, body: "evil"}}))
	reg.addFile("symlink.zip", makeZip(t, []zipEntry{{name: "out", body: "../../../..", mode: fs.ModeSymlink | 0o777}}))
	reg.addFile("bomb.tar.gz", makeBomb(t, 300))
	reg.addFile("big.zip", makeZip(t, []zipEntry{{name: "big.tf", body: strings.Repeat("x", 9<<20)}}))
	reg.addFile("huge.tar.gz", make([]byte, 9<<20))

	tests := []struct {
		source string
		want   string // in the error
	}{
		{"https://example.com/files/dotdot.tar.gz", `"../../../../../../evil.tf" has a ".." path element`},
		{"https://example.com/files/inner-dotdot.tar.gz", `"a/../../evil.tf" has a ".." path element`},
		{"https://example.com/files/abs.tar.gz", "has an absolute path"},
		{"https://example.com/files/symlink.tar.gz", `"out" is a symbolic link`},
		{"https://example.com/files/symlink-in.tar.gz", `"alias.tf" is a symbolic link`},
		{"https://example.com/files/hardlink.tar.gz", `"passwd" is a hard link`},
		{"https://example.com/files/device.tar.gz", `"null" is a device file`},
		{"https://example.com/files/fifo.tar.gz", `"pipe" is a FIFO`},
		{"https://example.com/files/dotdot.zip", `"../evil.tf" has a ".." path element`},
		{"https://example.com/files/abs.zip", "has an absolute path"},
		{"https://example.com/files/backslash.zip", "has a backslash"},
		{"https://example.com/files/symlink.zip", `"out" is a symbolic link`},
		{"https://example.com/files/bomb.tar.gz", "extracted size exceeds the limit of 8388608 bytes"},
		{"https://example.com/files/big.zip", "extracted size exceeds the limit"},
		{"https://example.com/files/huge.tar.gz", "larger than the limit of 8388608 bytes"},
		{"https://example.com/loop/a.tar.gz", "redirect loop"},
		{"https://example.com/redir/0.tar.gz", "more than 10 redirects"},
		{"https://example.com/to-http.tar.gz", "redirect to plain http URL"},
		{"http://example.com/files/lambda-1.0.0.tar.gz", "plain http URL"},
		{"example.com/acme/insecure/aws", "plain http URL"},
		{"insecure.example.com/acme/lambda/aws", "serves modules from the plain http URL"},
		{"example.com/acme/loop/aws", "more than 5 X-Terraform-Get hops"},
		{"example.com/acme/localgit/aws", "a server named the local git repository"},
	}
	for _, tt := range tests {
		// Subtests run one after the other, so the walk below sees them all.
		t.Run(tt.source, func(t *testing.T) {
			_, err := f.Fetch(context.Background(), tt.source, "")
			if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.source) {
				t.Errorf("Fetch(%q) error = %v\nwant ErrRefused naming the source and containing %q", tt.source, err, tt.want)
			}
		})
	}
	if n := reg.hitPrefix("/chain/"); n > maxHops {
		t.Errorf("X-Terraform-Get chain: %d requests, want at most %d", n, maxHops)
	}
	if n := reg.hitPrefix("/redir/"); n > maxRedirects+1 {
		t.Errorf("redirect chain: %d requests, want at most %d", n, maxRedirects+1)
	}
	assertConfined(t, parent, cache)
	for _, kind := range []string{"http", "registry"} {
		if ents, err := os.ReadDir(filepath.Join(cache, kind)); err == nil && len(ents) > 0 {
			t.Errorf("a refused fetch left a cache entry in %s: %v", kind, ents)
		}
	}
}

func TestDownloadTimeout(t *testing.T) {
	t.Parallel()
	reg := newTestRegistry(t)
	f := newTestFetcher(t, reg, t.TempDir(), func(o *Options) { o.Timeout = 200 * time.Millisecond })
	start := time.Now()
	_, err := f.Fetch(context.Background(), "https://example.com/slow.tar.gz", "")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Fetch of a slow archive error = %v, want a deadline error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Fetch took %v despite a 200ms timeout", d)
	}
}

func TestCacheIgnoresPartialEntries(t *testing.T) {
	t.Parallel()
	reg := newTestRegistry(t)
	cache := t.TempDir()
	// A crash left a temporary directory and a final directory without
	// metadata (never written by this package, but possible by hand).
	stale := filepath.Join(cache, tmpDir, "fetch-old")
	young := filepath.Join(cache, tmpDir, "fetch-young")
	partial := filepath.Join(cache, "registry", "example.com", "acme", "lambda", "aws", "1.2.0")
	for _, d := range []string{stale, young, filepath.Join(partial, pkgDir)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(partial, pkgDir, "main.tf"), []byte("# partial"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}

	offline := New(Options{CacheDir: cache, Getenv: env(nil)})
	if _, err := offline.Fetch(context.Background(), "example.com/acme/lambda/aws", "1.2.0"); !errors.Is(err, ErrNotCached) {
		t.Fatalf("offline Fetch with only a partial entry: %v, want ErrNotCached", err)
	}
	online := newTestFetcher(t, reg, cache, nil)
	m, err := online.Fetch(context.Background(), "example.com/acme/lambda/aws", "1.2.0")
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(m.Dir, "main.tf")); got != "# lambda 1.2.0\n" {
		t.Errorf("main.tf = %q, want the fetched one", got)
	}
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale temporary directory not removed: %v", err)
	}
	if _, err := os.Stat(young); err != nil {
		t.Errorf("young temporary directory (another process's) removed: %v", err)
	}
}

func TestDefaultCacheDir(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	for _, tt := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"SPILLWAY_CACHE_DIR": filepath.Join(base, "a"), "XDG_CACHE_HOME": filepath.Join(base, "x")}, filepath.Join(base, "a")},
		{map[string]string{"XDG_CACHE_HOME": filepath.Join(base, "x")}, filepath.Join(base, "x", "spillway", "modules")},
	} {
		got, err := New(Options{Getenv: env(tt.env)}).cacheRoot()
		if err != nil || got != tt.want {
			t.Errorf("cacheRoot() with %v = %q, %v; want %q", tt.env, got, err, tt.want)
		}
	}
}

func TestFetchersShareCache(t *testing.T) {
	// Two Fetchers stand for two processes: both may download, the second
	// rename loses, and both end with the one complete entry.
	t.Parallel()
	reg := newTestRegistry(t)
	parent := t.TempDir()
	cache := filepath.Join(parent, "cache")
	fetchers := []*Fetcher{newTestFetcher(t, reg, cache, nil), newTestFetcher(t, reg, cache, nil)}
	var wg sync.WaitGroup
	dirs := make([]string, 8)
	errs := make([]error, 8)
	for i := range dirs {
		wg.Go(func() {
			m, err := fetchers[i%2].Fetch(context.Background(), "example.com/acme/lambda/aws", "~> 1.0")
			errs[i] = err
			if err == nil {
				dirs[i] = m.Dir
			}
		})
	}
	wg.Wait()
	for i := range dirs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if dirs[i] != dirs[0] {
			t.Errorf("Dir %d = %s, want %s", i, dirs[i], dirs[0])
		}
	}
	if got := readFile(t, filepath.Join(dirs[0], "main.tf")); got != "# lambda 1.2.0\n" {
		t.Errorf("main.tf = %q", got)
	}
	if n := reg.hitCount("/files/lambda-1.2.0.tar.gz"); n > 2 {
		t.Errorf("archive downloaded %d times by two fetchers, want at most 2", n)
	}
	assertConfined(t, parent, cache)
}
