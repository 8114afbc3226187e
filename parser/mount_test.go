package parser_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/spillway-iac/spillway/parser"
)

const pkgDisplay = "registry.terraform.io/acme/lambda/aws@1.2.0"

func mountedLoader(t *testing.T) (*parser.Loader, string) {
	t.Helper()
	tree := mapFS(map[string]string{
		"main.tf":                         "module \"fn\" {\n  source  = \"acme/lambda/aws\"\n  version = \"~> 1.0\"\n}\n",
		"secret/main.tf":                  `resource "aws_sqs_queue" "mine" {}`,
		parser.MountDir + "/real/main.tf": `resource "aws_sqs_queue" "shadowed" {}`,
	})
	pkg := mapFS(map[string]string{
		"main.tf":                 `resource "aws_lambda_function" "this" {}`,
		"modules/alias/main.tf":   `resource "aws_lambda_alias" "this" {}`,
		"examples/simple/main.tf": "module \"root\" {\n  source = \"../../\"\n}\n",
	})
	l := parser.NewLoader(tree, parser.Options{Prefix: "infra"})
	return l, l.Mount(pkgDisplay, pkg)
}

func TestMountReadsPackage(t *testing.T) {
	t.Parallel()
	l, dir := mountedLoader(t)
	if !strings.HasPrefix(dir, parser.MountDir+"/") {
		t.Fatalf("Mount = %q, want a directory under %s", dir, parser.MountDir)
	}
	if again := l.Mount(pkgDisplay, mapFS(nil)); again != dir {
		t.Errorf("second Mount = %q, want the first mount %q", again, dir)
	}
	m := l.Module(dir)
	if m.Broken || len(m.Resources) != 1 {
		t.Fatalf("mounted module: broken %v, resources %v, diags %v", m.Broken, m.Resources, m.Diags)
	}
	if !m.Vendored {
		t.Error("a mounted module is not Vendored")
	}
	if got, want := m.Files[0].Name, pkgDisplay+"/main.tf"; got != want {
		t.Errorf("file name %q, want %q", got, want)
	}
	if got := m.Resources["aws_lambda_function.this"].DeclRange.Filename; got != pkgDisplay+"/main.tf" {
		t.Errorf("range file name %q", got)
	}
	if got := l.Module(".").ModuleCalls["fn"]; got.Version != "~> 1.0" || got.VersionRange.Start.Line != 3 {
		t.Errorf("call version %q at %v", got.Version, got.VersionRange)
	}
	if l.Module(".").Vendored || l.Module("secret").Vendored {
		t.Error("a module of the tree is Vendored")
	}
	if b := l.SourceAny(pkgDisplay + "/modules/alias/main.tf"); !strings.Contains(string(b), "aws_lambda_alias") {
		t.Errorf("SourceAny of a mounted file = %q", b)
	}
	// Discovery never lists the mounts (nor a real directory they hide).
	dirs, diags := l.Discover(".")
	if diff := cmp.Diff([]string{".", "secret"}, dirs); diff != "" || diags.HasErrors() {
		t.Errorf("Discover (-want +got):\n%s\n%v", diff, diags)
	}
	if _, err := fs.Stat(l.FS(), parser.MountDir+"/real/main.tf"); err == nil {
		t.Error("a real directory under MountDir is readable")
	}
	if got := l.Mounted(); !cmp.Equal(got, []string{pkgDisplay}) {
		t.Errorf("Mounted = %v", got)
	}
}

func TestResolveLocalStaysInPackage(t *testing.T) {
	t.Parallel()
	l, dir := mountedLoader(t)
	for _, tc := range []struct {
		caller, source, want string
		ok                   bool
	}{
		{dir, "./modules/alias", dir + "/modules/alias", true},
		{dir + "/examples/simple", "../../", dir, true},
		{dir + "/examples/simple", "../../modules/alias", dir + "/modules/alias", true},
		{dir + "/examples/simple", "../../..", "", false},
		{dir + "/examples/simple", "../../../../../secret", "", false},
		{dir, "../other", "", false},
		{".", "./secret", "secret", true},
		{".", "./" + dir, "", false},
		{"secret", "../..", "", false},
	} {
		got, ok := l.ResolveLocal(tc.caller, tc.source)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ResolveLocal(%q, %q) = %q, %v; want %q, %v", tc.caller, tc.source, got, ok, tc.want, tc.ok)
		}
	}
}

func TestIsVendored(t *testing.T) {
	t.Parallel()
	for dir, want := range map[string]bool{
		".":                                false,
		"live":                             false,
		"live/.terraform/modules/x":        true,
		".terraform/modules/x":             true,
		parser.MountDir + "/abc/modules/y": true,
		"terraform/modules":                false,
		"a.terraform/b":                    false,
	} {
		if got := parser.IsVendored(dir); got != want {
			t.Errorf("IsVendored(%q) = %v, want %v", dir, got, want)
		}
	}
}

func TestIsVendoredFile(t *testing.T) {
	t.Parallel()
	l, _ := mountedLoader(t)
	for name, want := range map[string]bool{
		pkgDisplay + "/main.tf":                  true,
		pkgDisplay + "/modules/alias/main.tf":    true,
		"infra/main.tf":                          false,
		"infra/secret/main.tf":                   false,
		"infra/.terraform/modules/x/main.tf":     true,
		"infra/live/.terraform/modules/x/a.tf":   true,
		"elsewhere/.terraform/modules/x/main.tf": false,
	} {
		if got := l.IsVendoredFile(name); got != want {
			t.Errorf("IsVendoredFile(%q) = %v, want %v", name, got, want)
		}
	}
}
