package modfetch

import (
	"path/filepath"
	"strings"
	"testing"
)

func FuzzParseSource(f *testing.F) {
	for _, s := range []string{
		"acme/lambda/aws", "example.com:8443/acme/lambda/aws//x", "git::https://example.com/r.git//a?ref=v1",
		"git@example.com:acme/r.git", "github.com/acme/r/sub?ref=x", "https://example.com/m.zip//*?archive=zip",
		"s3::https://s3.amazonaws.com/b/k", "bücher.example/a/b/c", "./x", "git::ssh://-oProxyCommand=x/r",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		s, err := parseSource(raw)
		if err != nil {
			return
		}
		_ = s.key()
		_ = s.display("1.0.0")
		if s.kind == kindGit && (strings.HasPrefix(s.ref, "-") || s.url.Scheme == "http") {
			t.Errorf("parseSource(%q) accepted ref %q scheme %q", raw, s.ref, s.url.Scheme)
		}
		if s.kind == kindHTTP && s.url.Scheme != "https" {
			t.Errorf("parseSource(%q) accepted scheme %q", raw, s.url.Scheme)
		}
	})
}

func FuzzEntryName(f *testing.F) {
	for _, s := range []string{"a/b.tf", "./", "../x", "a/../../x", "/etc/passwd", `..\x`, "C:/x", "a//b/./c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		clean, err := entryName(name)
		if err != nil || clean == "" {
			return
		}
		if !filepath.IsLocal(filepath.FromSlash(clean)) {
			t.Errorf("entryName(%q) = %q, which is not a local path", name, clean)
		}
	})
}
