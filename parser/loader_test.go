package parser_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/parser"
)

func TestDiscover(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		load func(t *testing.T) *parser.Loader
		dir  string
		want []string
	}{
		{
			name: "every config suffix, .terraform skipped",
			load: func(t *testing.T) *parser.Loader { return fixture(t, "discover") },
			dir:  ".",
			want: []string{".", "app", "json_tofu", "nested/deeper", "tofu_only"},
		},
		{
			name: "from a subdirectory",
			load: func(t *testing.T) *parser.Loader { return fixture(t, "discover") },
			dir:  "nested",
			want: []string{"nested/deeper"},
		},
		{
			name: "scanning .terraform itself",
			load: func(t *testing.T) *parser.Loader { return fixture(t, "discover") },
			dir:  ".terraform/modules",
			want: []string{".terraform/modules/lambda"},
		},
		{
			name: ".git and nested .terraform skipped",
			load: func(*testing.T) *parser.Loader {
				return parser.NewLoader(mapFS(map[string]string{
					"main.tf":                          `resource "aws_sqs_queue" "q" {}`,
					".git/hooks/main.tf":               `resource "aws_sqs_queue" "git" {}`,
					".git/main.tf":                     `resource "aws_sqs_queue" "git" {}`,
					"env/.terraform/modules/x/main.tf": `resource "aws_sqs_queue" "x" {}`,
					"env/main.tf":                      `resource "aws_sqs_queue" "env" {}`,
					"env/notes.txt":                    `not configuration`,
				}), parser.Options{})
			},
			dir:  ".",
			want: []string{".", "env"},
		},
		{
			name: "excluded paths",
			load: func(*testing.T) *parser.Loader {
				return parser.NewLoader(mapFS(map[string]string{
					"a/main.tf":     `resource "aws_sqs_queue" "a" {}`,
					"b/main.tf":     `resource "aws_sqs_queue" "b" {}`,
					"c/skip.tf":     `resource "aws_sqs_queue" "c" {}`,
					"c/d/main.tofu": `resource "aws_sqs_queue" "d" {}`,
				}), parser.Options{Exclude: func(p string) bool { return p == "b" || p == "c/skip.tf" }})
			},
			dir:  ".",
			want: []string{"a", "c/d"},
		},
		{
			name: "no configuration at all",
			load: func(*testing.T) *parser.Loader {
				return parser.NewLoader(mapFS(map[string]string{"README.md": "hi", "x/terraform.tfvars": `a = 1`}), parser.Options{})
			},
			dir:  ".",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, diags := tt.load(t).Discover(tt.dir)
			if len(diags) > 0 {
				t.Errorf("Discover(%q) diagnostics: %s", tt.dir, diags.Error())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Discover(%q) (-want +got):\n%s", tt.dir, diff)
			}
		})
	}
}

func TestDiscoverUnreadableRoot(t *testing.T) {
	t.Parallel()
	l := parser.NewLoader(fstest.MapFS{}, parser.Options{})
	_, diags := l.Discover("missing")
	want := []diag{{Severity: hcl.DiagError, Summary: "Unreadable directory", Subject: "missing:1,1"}}
	if diff := cmp.Diff(want, diagsOf(diags)); diff != "" {
		t.Errorf("Discover(missing) diagnostics (-want +got):\n%s", diff)
	}
}

func TestModuleFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fixture   string
		dir       string
		wantFiles []string
		wantTofu  bool
		wantRes   []string
	}{
		{
			// main.tofu replaces main.tf and queue.tofu.json replaces
			// queue.tf.json; mixed.tofu.json does not replace mixed.tf,
			// nor other.tofu other.tf.json.
			fixture:   "tofu_replace",
			dir:       ".",
			wantFiles: []string{"extra.tf", "main.tofu", "mixed.tf", "mixed.tofu.json", "other.tf.json", "other.tofu", "queue.tofu.json"},
			wantTofu:  true,
			wantRes: []string{
				"aws_lambda_function.f", "aws_sns_topic.mixed_tf", "aws_sns_topic.mixed_tofu_json", "aws_sns_topic.only_tf",
				"aws_sns_topic.other_tf_json", "aws_sns_topic.other_tofu", "aws_sqs_queue.q",
			},
		},
		{
			fixture:   "terraform_only",
			dir:       ".",
			wantFiles: []string{"main.tf", "main.tf.json"},
			wantRes:   []string{"aws_lambda_function.f", "aws_sqs_queue.q"},
		},
		{
			fixture:   "discover",
			dir:       "tofu_only",
			wantFiles: []string{"tofu_only/main.tofu"},
			wantTofu:  true,
			wantRes:   []string{"aws_sqs_queue.tofu"},
		},
		{
			fixture:   "discover",
			dir:       "json_tofu",
			wantFiles: []string{"json_tofu/queue.tofu.json"},
			wantTofu:  true,
			wantRes:   []string{"aws_sqs_queue.json_tofu"},
		},
		{
			fixture:   "discover",
			dir:       "app",
			wantFiles: []string{"app/main.tf.json"},
			wantRes:   []string{"aws_sqs_queue.app"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.fixture+"/"+tt.dir, func(t *testing.T) {
			t.Parallel()
			m := fixture(t, tt.fixture).Module(tt.dir)
			if m.Broken || len(m.Diags) > 0 {
				t.Fatalf("Module(%q): broken=%v diags: %s", tt.dir, m.Broken, m.Diags.Error())
			}
			if diff := cmp.Diff(tt.wantFiles, fileNames(m)); diff != "" {
				t.Errorf("Files (-want +got):\n%s", diff)
			}
			if m.Tofu != tt.wantTofu {
				t.Errorf("Tofu = %v, want %v", m.Tofu, tt.wantTofu)
			}
			if diff := cmp.Diff(tt.wantRes, sortedKeys(m.Resources)); diff != "" {
				t.Errorf("Resources (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTofuReplacementValues checks that the arguments come from the file
// that wins, not the file it replaces.
func TestTofuReplacementValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fixture, res, attr string
		want               int64
	}{
		{"tofu_replace", "aws_lambda_function.f", "timeout", 45},
		{"tofu_replace", "aws_sqs_queue.q", "visibility_timeout_seconds", 300},
		{"terraform_only", "aws_lambda_function.f", "timeout", 3},
	}
	for _, tt := range tests {
		t.Run(tt.fixture+"/"+tt.res, func(t *testing.T) {
			t.Parallel()
			m := fixture(t, tt.fixture).Module(".")
			r := m.Resources[tt.res]
			if r == nil {
				t.Fatalf("no resource %s", tt.res)
			}
			got := attrValue(t, r.Config, tt.attr)
			bf := got.AsBigFloat()
			if n, _ := bf.Int64(); n != tt.want {
				t.Errorf("%s.%s = %s, want %d", tt.res, tt.attr, got.GoString(), tt.want)
			}
		})
	}
}

func TestRootModules(t *testing.T) {
	t.Parallel()
	l := fixture(t, "roots")
	dirs, diags := l.Discover(".")
	if len(diags) > 0 {
		t.Fatalf("Discover: %s", diags.Error())
	}
	wantDirs := []string{
		"cycle/a", "cycle/b", "live", "modules/app", "modules/app/sub",
		"reachable_cycle/root", "reachable_cycle/x", "reachable_cycle/y", "remote", "self", "standalone",
	}
	if diff := cmp.Diff(wantDirs, dirs); diff != "" {
		t.Fatalf("Discover (-want +got):\n%s", diff)
	}
	tests := []struct {
		name    string
		allDirs bool
		want    []string
	}{
		{
			// modules/app and modules/app/sub are called; cycle/a and
			// cycle/b only call each other, so the first becomes a root;
			// reachable_cycle/x and y are reached from
			// reachable_cycle/root.
			name: "called modules are not roots",
			want: []string{"cycle/a", "live", "reachable_cycle/root", "remote", "self", "standalone"},
		},
		{
			name:    "allDirs",
			allDirs: true,
			want:    wantDirs,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := l.RootModules(dirs, tt.allDirs)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("RootModules(allDirs=%v) (-want +got):\n%s", tt.allDirs, diff)
			}
		})
	}
}

func TestInstalledModules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		l    func(t *testing.T) *parser.Loader
		dir  string
		want map[string]string
	}{
		{
			name: "manifest",
			l:    func(t *testing.T) *parser.Loader { return fixture(t, "installed") },
			dir:  ".",
			// The root entry (empty key) and a directory outside the
			// tree are dropped.
			want: map[string]string{
				"lambda":       ".terraform/modules/lambda",
				"lambda.inner": ".terraform/modules/lambda/modules/inner",
			},
		},
		{
			name: "root in a subdirectory",
			l: func(*testing.T) *parser.Loader {
				return parser.NewLoader(mapFS(map[string]string{
					"live/main.tf":                         `module "x" { source = "org/x/aws" }`,
					"live/.terraform/modules/modules.json": `{"Modules":[{"Key":"x","Source":"org/x/aws","Dir":".terraform/modules/x"}]}`,
				}), parser.Options{})
			},
			dir:  "live",
			want: map[string]string{"x": "live/.terraform/modules/x"},
		},
		{
			name: "no manifest",
			l:    func(t *testing.T) *parser.Loader { return fixture(t, "roots") },
			dir:  "remote",
			want: map[string]string{},
		},
		{
			name: "invalid manifest",
			l: func(*testing.T) *parser.Loader {
				return parser.NewLoader(mapFS(map[string]string{".terraform/modules/modules.json": `{not json`}), parser.Options{})
			},
			dir:  ".",
			want: map[string]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.l(t).InstalledModules(tt.dir)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("InstalledModules(%q) (-want +got):\n%s", tt.dir, diff)
			}
		})
	}
}

func TestBrokenFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		l       func(t *testing.T) *parser.Loader
		want    []diag
		wantRes []string
	}{
		{
			name: "native syntax error",
			l:    func(t *testing.T) *parser.Loader { return fixture(t, "broken_hcl") },
			want: []diag{{Severity: hcl.DiagError, Summary: "Invalid expression", Subject: "main.tf:3,18"}},
		},
		{
			name: "JSON syntax error",
			l:    func(t *testing.T) *parser.Loader { return fixture(t, "broken_json") },
			want: []diag{{Severity: hcl.DiagError, Summary: "Invalid JSON keyword", Subject: "main.tf.json:4,27"}},
		},
		{
			name: "invalid UTF-8",
			l: func(*testing.T) *parser.Loader {
				return parser.NewLoader(mapFS(map[string]string{"main.tf": "locals {\n  a = \"\xff\"\n}\n"}), parser.Options{})
			},
			want: []diag{{Severity: hcl.DiagError, Summary: "Invalid UTF-8", Subject: "main.tf:2,8"}},
		},
		{
			name: "binary file",
			l: func(*testing.T) *parser.Loader {
				return parser.NewLoader(mapFS(map[string]string{"main.tf": "ab\x00cd"}), parser.Options{})
			},
			want: []diag{{Severity: hcl.DiagError, Summary: "Binary file", Subject: "main.tf:1,3"}},
		},
		{
			name: "file too large",
			l: func(*testing.T) *parser.Loader {
				return parser.NewLoader(mapFS(map[string]string{"main.tf": strings.Repeat("#", 101)}), parser.Options{MaxFileSize: 100})
			},
			want: []diag{{Severity: hcl.DiagError, Summary: "File too large", Subject: "main.tf:1,1"}},
		},
		{
			name: "prefix in file names",
			l: func(*testing.T) *parser.Loader {
				return parser.NewLoader(mapFS(map[string]string{"main.tf": "locals {\n  a = \n}\n"}), parser.Options{Prefix: "infra"})
			},
			want: []diag{{Severity: hcl.DiagError, Summary: "Invalid expression", Subject: "infra/main.tf:2,7"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := tt.l(t).Module(".")
			if !m.Broken {
				t.Error("Broken = false, want true")
			}
			if diff := cmp.Diff(tt.want, diagsOf(m.Diags)); diff != "" {
				t.Errorf("Diags (-want +got):\n%s", diff)
			}
			// A broken module is not assembled: nothing from its good
			// files is half-loaded.
			if len(m.Resources) != 0 {
				t.Errorf("Resources = %v, want none", sortedKeys(m.Resources))
			}
		})
	}
}

func TestUnreadableModuleDir(t *testing.T) {
	t.Parallel()
	m := parser.NewLoader(fstest.MapFS{}, parser.Options{}).Module("nope")
	if !m.Broken {
		t.Error("Broken = false, want true")
	}
	want := []diag{{Severity: hcl.DiagError, Summary: "Unreadable module directory", Subject: "nope:1,1"}}
	if diff := cmp.Diff(want, diagsOf(m.Diags)); diff != "" {
		t.Errorf("Diags (-want +got):\n%s", diff)
	}
}

func TestReadFileAndSource(t *testing.T) {
	t.Parallel()
	src := "resource \"aws_sqs_queue\" \"q\" {}\n"
	l := parser.NewLoader(mapFS(map[string]string{"env/main.tf": src, "env/x.tf.json": `{}`}), parser.Options{Prefix: "infra"})
	if got := l.Source("infra/env/main.tf"); got != nil {
		t.Errorf("Source before ReadFile = %q, want nil", got)
	}
	f := l.ReadFile("env/main.tf")
	if f.Path != "env/main.tf" || f.Name != "infra/env/main.tf" || f.JSON || f.HCL == nil || len(f.Diags) > 0 {
		t.Errorf("ReadFile = {Path:%q Name:%q JSON:%v HCL:%v Diags:%v}", f.Path, f.Name, f.JSON, f.HCL != nil, f.Diags)
	}
	if again := l.ReadFile("env/main.tf"); again != f {
		t.Error("ReadFile is not cached")
	}
	if got := string(l.Source("infra/env/main.tf")); got != src {
		t.Errorf("Source = %q, want %q", got, src)
	}
	if j := l.ReadFile("env/x.tf.json"); !j.JSON || j.HCL == nil {
		t.Errorf("ReadFile(x.tf.json): JSON=%v HCL=%v", j.JSON, j.HCL != nil)
	}
	missing := l.ReadFile("env/none.tf")
	want := []diag{{Severity: hcl.DiagError, Summary: "Unreadable file", Subject: "infra/env/none.tf:1,1"}}
	if diff := cmp.Diff(want, diagsOf(missing.Diags)); diff != "" {
		t.Errorf("ReadFile(missing) diags (-want +got):\n%s", diff)
	}
}

func TestReadBytes(t *testing.T) {
	t.Parallel()
	l := parser.NewLoader(mapFS(map[string]string{"a.json": "{}", "big.json": strings.Repeat("x", 11), "d/x.tf": ""}), parser.Options{MaxFileSize: 10})
	if b, err := l.ReadBytes("a.json"); err != nil || string(b) != "{}" {
		t.Errorf("ReadBytes(a.json) = %q, %v", b, err)
	}
	for _, p := range []string{"big.json", "d", "missing"} {
		if _, err := l.ReadBytes(p); err == nil {
			t.Errorf("ReadBytes(%q) error = nil, want an error", p)
		}
	}
}

func TestDisplayName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		prefix, p, want string
	}{
		{"", "main.tf", "main.tf"},
		{".", "a/main.tf", "a/main.tf"},
		{"infra", "a/main.tf", "infra/a/main.tf"},
		{"infra", ".", "infra"},
		{"../x", "main.tf", "../x/main.tf"},
	}
	for _, tt := range tests {
		t.Run(tt.prefix+"|"+tt.p, func(t *testing.T) {
			t.Parallel()
			got := parser.NewLoader(fstest.MapFS{}, parser.Options{Prefix: tt.prefix}).DisplayName(tt.p)
			if got != tt.want {
				t.Errorf("DisplayName(%q) with prefix %q = %q, want %q", tt.p, tt.prefix, got, tt.want)
			}
		})
	}
}

func TestIsConfigFile(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"main.tf":             true,
		"main.tf.json":        true,
		"main.tofu":           true,
		"main.tofu.json":      true,
		"override.tf":         true,
		"terraform.tfvars":    false,
		"x.auto.tfvars.json":  false,
		"main.tf.bak":         false,
		"main.json":           false,
		"README.md":           false,
		"main.tftpl":          false,
		".#main.tf":           false,
		".hidden.tofu":        false,
		".terraform.lock.hcl": false,
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := parser.IsConfigFile(name); got != want {
				t.Errorf("IsConfigFile(%q) = %v, want %v", name, got, want)
			}
		})
	}
}

func TestLocalSources(t *testing.T) {
	t.Parallel()
	tests := []struct {
		caller, source string
		local          bool
		wantDir        string
		wantOK         bool
	}{
		{".", "./modules/x", true, "modules/x", true},
		{"live", "../modules/x", true, "modules/x", true},
		{"live/prod", "../../modules/x/", true, "modules/x", true},
		{".", "../outside", true, "", false},
		{"a", "./", true, "a", true},
		{"a", "..", true, ".", true},
		{".", "terraform-aws-modules/lambda/aws", false, "terraform-aws-modules/lambda/aws", true},
		{".", "git::https://example.com/x.git", false, "git::https:/example.com/x.git", true},
		{".", "modules/x", false, "modules/x", true},
	}
	for _, tt := range tests {
		t.Run(tt.caller+"|"+tt.source, func(t *testing.T) {
			t.Parallel()
			if got := parser.IsLocalSource(tt.source); got != tt.local {
				t.Errorf("IsLocalSource(%q) = %v, want %v", tt.source, got, tt.local)
			}
			dir, ok := parser.ResolveLocalSource(tt.caller, tt.source)
			if dir != tt.wantDir || ok != tt.wantOK {
				t.Errorf("ResolveLocalSource(%q, %q) = %q, %v, want %q, %v", tt.caller, tt.source, dir, ok, tt.wantDir, tt.wantOK)
			}
		})
	}
}

func TestParseVarFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		wantJSON  bool
		wantAttrs []string
		want      []diag
	}{
		{name: "prod.tfvars", src: "a = 1\nb = \"x\"\n", wantAttrs: []string{"a", "b"}},
		{name: "prod.tfvars.json", src: `{"a": 1, "c": [1]}`, wantJSON: true, wantAttrs: []string{"a", "c"}},
		{name: "bad.tfvars", src: "a = \n", want: []diag{{Severity: hcl.DiagError, Summary: "Invalid expression", Subject: "bad.tfvars:1,5"}}},
		{name: "bin.tfvars", src: "a\x00", want: []diag{{Severity: hcl.DiagError, Summary: "Binary file", Subject: "bin.tfvars:1,2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := parser.ParseVarFile(tt.name, []byte(tt.src))
			if f.JSON != tt.wantJSON || f.Name != tt.name || string(f.Bytes) != tt.src {
				t.Errorf("ParseVarFile: JSON=%v Name=%q Bytes=%q", f.JSON, f.Name, f.Bytes)
			}
			if diff := cmp.Diff(tt.want, diagsOf(f.Diags), cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("Diags (-want +got):\n%s", diff)
			}
			if tt.want != nil {
				return
			}
			attrs, diags := f.HCL.Body.JustAttributes()
			if diags.HasErrors() {
				t.Fatal(diags.Error())
			}
			if diff := cmp.Diff(tt.wantAttrs, sortedKeys(attrs)); diff != "" {
				t.Errorf("attributes (-want +got):\n%s", diff)
			}
		})
	}
}
