package checker

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/spillway-iac/spillway/lint"
	"github.com/spillway-iac/spillway/rules"
)

func TestStreamOrder(t *testing.T) {
	t.Parallel()
	dirs := []string{".", "a", "a-b", "a/modules/m", "a/x", "a/y", "modules/z", "b", "a/modules", "a/x/modules/k"}
	want := []string{".", "a", "a/x", "a/x/modules/k", "a/y", "a/modules", "a/modules/m", "a-b", "b", "modules/z"}
	if got := streamOrder(dirs); !slices.Equal(got, want) {
		t.Errorf("streamOrder:\n got %q\nwant %q", got, want)
	}
}

func TestCommonDir(t *testing.T) {
	t.Parallel()
	tests := []struct{ a, b, want string }{
		{"a/b/c", "a/b/d", "a/b"},
		{"a/b", "a/b/c", "a/b"},
		{"a", "b", "."},
		{".", "a/b", "."},
		{"ab/c", "a/c", "."},
		{"x", "x", "x"},
	}
	for _, tt := range tests {
		if got := commonDir(tt.a, tt.b); got != tt.want {
			t.Errorf("commonDir(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestLivenessReleases: a module is released once every directory of the
// subtree holding it and its users is done, not before, whatever order
// the workers finish in.
func TestLivenessReleases(t *testing.T) {
	t.Parallel()
	order := streamOrder([]string{"a/x", "a/y", "a/modules/m", "b"})
	lv := newLiveness(order)
	lv.use("a/modules/m", "a/x")
	if got := lv.finish(1); len(got) != 0 { // a/y done before a/x
		t.Fatalf("released %q with a/x still running", got)
	}
	if got := lv.finish(0); len(got) != 0 {
		t.Fatalf("released %q before a/modules/m's own turn", got)
	}
	lv.use("a/modules/m", "a/modules/m")
	if got := lv.finish(2); !slices.Equal(got, []string{"a/modules/m"}) {
		t.Fatalf("released %q, want a/modules/m", got)
	}
	if lv.tracked("a/modules/m") {
		t.Error("a/modules/m still tracked after its release")
	}
}

// TestSharedModuleReleased: a module shared by the roots of a subtree is
// released when they are done, and a root outside the subtree that calls
// it afterwards loads it again: every root gets the module's finding and
// nothing stays cached.
func TestSharedModuleReleased(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"a/modules/m/main.tf": {Data: []byte(`
resource "aws_lambda_function" "f" {
  function_name = "f"
}
`)},
		"a/x/main.tf":   {Data: []byte("module \"m\" {\n  source = \"../modules/m\"\n}\n")},
		"a/y/main.tf":   {Data: []byte("module \"m\" {\n  source = \"../modules/m\"\n}\n")},
		"c/z/main.tf":   {Data: []byte("resource \"aws_sqs_queue\" \"q\" {\n  name = \"q\"\n}\n")},
		"d/main.tf":     {Data: []byte("module \"m\" {\n  source = \"../a/modules/m\"\n}\n")},
		"d/sub/main.tf": {Data: []byte("module \"m\" {\n  source = \"../../a/modules/m\"\n}\n")},
	}
	for _, jobs := range []int{1, 2} {
		t.Run(fmt.Sprint("jobs", jobs), func(t *testing.T) {
			t.Parallel()
			var mu sync.Mutex
			var debug []string
			opts := Options{Rules: []*lint.Rule{rules.SPW201}, Jobs: jobs, Debug: func(format string, args ...any) {
				mu.Lock()
				defer mu.Unlock()
				debug = append(debug, fmt.Sprintf(format, args...))
			}}
			res, err := RunFS(context.Background(), fsys, opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				for _, in := range f.RootInstances {
					got = append(got, in.Root+" "+in.Address)
				}
			}
			want := []string{"a/x module.m.aws_lambda_function.f", "a/y module.m.aws_lambda_function.f", "d module.m.aws_lambda_function.f", "d/sub module.m.aws_lambda_function.f"}
			if !slices.Equal(got, want) {
				t.Errorf("findings\n got %q\nwant %q", got, want)
			}
			if last := debug[len(debug)-1]; !strings.Contains(last, "0 modules and 0 files still cached") {
				t.Errorf("last debug line %q, want nothing cached", last)
			}
		})
	}
}
