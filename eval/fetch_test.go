package eval_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/eval"
)

// fakeFetcher serves packages by source from memory, or an error.
type fakeFetcher struct {
	mu       sync.Mutex
	packages map[string]*eval.FetchedModule
	errs     map[string]error
	calls    []string
}

func (f *fakeFetcher) Fetch(_ context.Context, source, version string) (*eval.FetchedModule, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, source+" "+version)
	if err := f.errs[source]; err != nil {
		return nil, err
	}
	if p := f.packages[source]; p != nil {
		return p, nil
	}
	return nil, fmt.Errorf("%s: %w", source, eval.ErrModuleNotCached)
}

func memFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

// sqsPackage is a registry package: a queue module at the root, a local
// submodule, and a call that tries to leave the package.
func sqsPackage() *eval.FetchedModule {
	return &eval.FetchedModule{
		Display: "registry.terraform.io/acme/sqs/aws@1.2.0",
		FS: memFS(map[string]string{
			"main.tf": `variable "name" {}
resource "aws_sqs_queue" "this" {
  name = var.name
}
module "inner" {
  source = "./modules/inner"
  prefix = var.name
}
output "arn" { value = aws_sqs_queue.this.arn }
`,
			"modules/inner/main.tf": `variable "prefix" {}
resource "aws_sqs_queue" "dlq" {
  name = "${var.prefix}-dlq"
}
module "escape" {
  source = "../../../secret"
}
`,
		}),
	}
}

func noteKinds(r *eval.Root) []string {
	out := []string{}
	for _, d := range r.Diagnostics() {
		if d.Severity == hcl.DiagWarning {
			out = append(out, fmt.Sprintf("%s %s:%d", eval.NoteKindOf(d), d.Subject.Filename, d.Subject.Start.Line))
		}
	}
	return out
}

func TestFetchedModuleAnalyzed(t *testing.T) {
	t.Parallel()
	f := &fakeFetcher{packages: map[string]*eval.FetchedModule{"acme/sqs/aws": sqsPackage()}}
	l := mapLoader(map[string]string{
		"main.tf": `module "orders" {
  source  = "acme/sqs/aws"
  version = "~> 1.0"
  name    = "orders"
}
`,
		"secret/main.tf": `resource "aws_sqs_queue" "mine" {}`,
	})
	r := newRoot(t, l, ".", eval.Options{Fetcher: f})
	q := lookup(t, r, "aws_sqs_queue", "module.orders.aws_sqs_queue.this")
	checkVal(t, "name", q.Attr("name").Val, cty.StringVal("orders"))
	if got := q.Module.Module.Name; got != "registry.terraform.io/acme/sqs/aws@1.2.0" {
		t.Errorf("module name %q", got)
	}
	if !q.Module.Module.Vendored {
		t.Error("the fetched module is not Vendored")
	}
	dlq := lookup(t, r, "aws_sqs_queue", "module.orders.module.inner.aws_sqs_queue.dlq")
	checkVal(t, "dlq name", dlq.Attr("name").Val, cty.StringVal("orders-dlq"))
	if got := dlq.Module.Module.Files[0].Name; got != "registry.terraform.io/acme/sqs/aws@1.2.0/modules/inner/main.tf" {
		t.Errorf("file name %q", got)
	}
	if got := addrsOfType(r, "secret"); len(got) > 0 {
		t.Errorf("the escaping call reached the user's tree: %v", got)
	}
	if diff := cmp.Diff([]string{"acme/sqs/aws ~> 1.0"}, f.calls); diff != "" {
		t.Errorf("Fetch calls (-want +got):\n%s", diff)
	}
	r.Validate()
	if diff := cmp.Diff([]string{"module_outside_tree registry.terraform.io/acme/sqs/aws@1.2.0/modules/inner/main.tf:6"}, noteKinds(r)); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	for _, d := range r.Diagnostics() {
		if d.Severity == hcl.DiagWarning && !strings.Contains(d.Detail, "module package") {
			t.Errorf("escape note does not name the package: %s", d.Detail)
		}
	}
	if errs := errorsOf(r.Diagnostics()); len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
}

// addrsOfType returns the resources of the tree directory dir that the
// root reached.
func addrsOfType(r *eval.Root, dir string) []string {
	var out []string
	for _, i := range r.Instances("aws_sqs_queue") {
		if i.Module.Module != nil && i.Module.Module.Dir == dir {
			out = append(out, i.Addr)
		}
	}
	return out
}

func TestModulesJSONWinsOverCache(t *testing.T) {
	t.Parallel()
	f := &fakeFetcher{packages: map[string]*eval.FetchedModule{"acme/sqs/aws": sqsPackage()}}
	l := mapLoader(map[string]string{
		"main.tf":                           "module \"orders\" {\n  source = \"acme/sqs/aws\"\n}\n",
		".terraform/modules/modules.json":   `{"Modules":[{"Key":"orders","Source":"acme/sqs/aws","Dir":".terraform/modules/orders"}]}`,
		".terraform/modules/orders/main.tf": `resource "aws_sqs_queue" "installed" {}`,
	})
	r := newRoot(t, l, ".", eval.Options{Fetcher: f})
	i := lookup(t, r, "aws_sqs_queue", "module.orders.aws_sqs_queue.installed")
	if !i.Module.Module.Vendored {
		t.Error("a module under .terraform is not Vendored")
	}
	if len(f.calls) != 0 {
		t.Errorf("the fetcher was asked for %v although terraform init installed the module", f.calls)
	}
	checkDiags(t, r, nil)
}

func TestFetchFailuresAreNotes(t *testing.T) {
	t.Parallel()
	f := &fakeFetcher{errs: map[string]error{
		"s3::https://bucket/x.zip": fmt.Errorf("s3 sources: %w", eval.ErrModuleSourceUnsupported),
		"acme/broken/aws":          errors.New("archive entry \"../x\" leaves the module"),
	}}
	l := mapLoader(map[string]string{
		"main.tf": `module "a" {
  source = "acme/missing/aws"
}
module "b" {
  source = "s3::https://bucket/x.zip"
}
module "c" {
  source = "acme/broken/aws"
}
module "d" {
  source = "../outside"
}
`,
	})
	r := newRoot(t, l, ".", eval.Options{Fetcher: f})
	r.ModuleInstances()
	want := []string{
		"module_not_installed main.tf:2",
		"module_source_unsupported main.tf:5",
		"module_fetch_failed main.tf:8",
		"module_outside_tree main.tf:11",
	}
	if diff := cmp.Diff(want, noteKinds(r)); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	if errs := errorsOf(r.Diagnostics()); len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
	for _, d := range r.Diagnostics() {
		if eval.NoteKindOf(d) == eval.NoteModuleNotInstalled && !strings.Contains(d.Detail, "--download-modules") {
			t.Errorf("the not-installed note gives no advice: %s", d.Detail)
		}
	}
}

func TestNoteKindOfPlainWarning(t *testing.T) {
	t.Parallel()
	if k := eval.NoteKindOf(&hcl.Diagnostic{Severity: hcl.DiagWarning}); k != eval.NoteOther {
		t.Errorf("NoteKindOf = %q, want %q", k, eval.NoteOther)
	}
	if eval.IsModuleNote(eval.NotePathOutsideTree) || !eval.IsModuleNote(eval.NoteModuleFetchFailed) {
		t.Error("IsModuleNote")
	}
}

func TestFetchedSubdirMissing(t *testing.T) {
	t.Parallel()
	pkg := sqsPackage()
	pkg.Subdir = "modules/nope"
	f := &fakeFetcher{packages: map[string]*eval.FetchedModule{"acme/sqs/aws//modules/nope": pkg}}
	l := mapLoader(map[string]string{"main.tf": "module \"q\" {\n  source = \"acme/sqs/aws//modules/nope\"\n}\n"})
	r := newRoot(t, l, ".", eval.Options{Fetcher: f})
	r.ModuleInstances()
	if diff := cmp.Diff([]string{"module_fetch_failed main.tf:2"}, noteKinds(r)); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	if errs := errorsOf(r.Diagnostics()); len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
}
