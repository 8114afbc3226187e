package parser_test

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/spillway-iac/spillway/parser"
)

// failingFS fails ReadDir on the directories in bad.
type failingFS struct {
	fstest.MapFS
	bad map[string]bool
}

func (f failingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if f.bad[name] {
		return nil, &fs.PathError{Op: "readdirent", Path: name, Err: errors.New("input/output error")}
	}
	return f.MapFS.ReadDir(name)
}

// TestDiscoverParallelMatchesWalk checks the parallel walk against a
// sequential fs.WalkDir of the same tree, on every number of workers: the
// same directories, and the problems in the order the walk meets them.
func TestDiscoverParallelMatchesWalk(t *testing.T) {
	t.Parallel()
	m := fstest.MapFS{}
	bad := map[string]bool{}
	for i := range 12 {
		for j := range 6 {
			base := fmt.Sprintf("r%02d/sub-%d", i, j)
			m[base+"/main.tf"] = &fstest.MapFile{Data: []byte(`resource "aws_sqs_queue" "q" {}`)}
			m[base+"/src/app.py"] = &fstest.MapFile{Data: []byte("x = 1")}
			m[base+"/modules/m/variables.tf.json"] = &fstest.MapFile{Data: []byte(`{}`)}
			m[base+"/.terraform/modules/x/main.tf"] = &fstest.MapFile{Data: []byte(``)}
			if j == 3 {
				bad[base+"/modules"] = true
			}
		}
		m[fmt.Sprintf("r%02d.d/z.tofu", i)] = &fstest.MapFile{Data: []byte(``)}
	}
	bad["r05"] = true
	fsys := failingFS{MapFS: m, bad: bad}
	var wantDirs, wantProblems []string
	found := map[string]bool{}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			wantProblems = append(wantProblems, p)
			return fs.SkipDir
		}
		if d.IsDir() {
			if d.Name() == ".terraform" {
				return fs.SkipDir
			}
			return nil
		}
		if parser.IsConfigFile(d.Name()) && !found[path.Dir(p)] {
			found[path.Dir(p)] = true
			wantDirs = append(wantDirs, path.Dir(p))
		}
		return nil
	})
	sort.Strings(wantDirs)
	for _, jobs := range []int{1, 2, 8} {
		t.Run(fmt.Sprint(jobs), func(t *testing.T) {
			t.Parallel()
			for range 5 {
				dirs, diags := parser.NewLoader(fsys, parser.Options{Jobs: jobs}).Discover(".")
				if diff := cmp.Diff(wantDirs, dirs); diff != "" {
					t.Fatalf("directories (-walk +Discover):\n%s", diff)
				}
				var problems []string
				for _, d := range diags {
					if d.Summary != "Unreadable directory" {
						t.Errorf("unexpected diagnostic %s", d.Error())
					}
					problems = append(problems, d.Subject.Filename)
				}
				if diff := cmp.Diff(wantProblems, problems); diff != "" {
					t.Fatalf("problems (-walk +Discover):\n%s", diff)
				}
			}
		})
	}
}
