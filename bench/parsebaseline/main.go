// Command parsebaseline is the physical limit a Terraform linter can
// approach: it walks a tree the way spillway's discovery does (skipping
// .terraform and .git directories and hidden files), reads every .tf,
// .tf.json, .tofu and .tofu.json file and parses it with
// hclsyntax.ParseConfig or the HCL JSON parser, on -j workers, and does
// nothing else. It prints the number of files parsed.
//
//	parsebaseline [-j N] [-keep] DIR...
//
// With -keep every parsed file stays in memory until the end, as it must
// in a linter that analyzes the whole tree at once; without it each file is
// dropped once parsed, the least memory any parser can use.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"

	"github.com/spillway-iac/spillway/parser"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) //nolint:forbidigo // the command's exit code
}

// result counts what was parsed.
type result struct {
	files, bytes, syntaxErrors atomic.Int64
	kept                       []*hcl.File
	mu                         sync.Mutex
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("parsebaseline", flag.ContinueOnError)
	flags.SetOutput(stderr)
	jobs := flags.Int("j", runtime.NumCPU(), "number of files parsed in parallel")
	keep := flags.Bool("keep", false, "keep every parsed file in memory until the end")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	dirs := flags.Args()
	if len(dirs) == 0 {
		dirs = []string{"."}
	}
	if *jobs < 1 {
		*jobs = 1
	}
	res := &result{}
	for _, dir := range dirs {
		if err := parseTree(dir, *jobs, *keep, res); err != nil {
			fmt.Fprintf(stderr, "parsebaseline: %v\n", err)
			return 2
		}
	}
	fmt.Fprintf(stdout, "%d files, %d bytes, %d with syntax errors\n", res.files.Load(), res.bytes.Load(), res.syntaxErrors.Load())
	runtime.KeepAlive(res.kept)
	return 0
}

// parseTree walks dir on the calling goroutine and parses the files it
// finds on jobs workers as they are found.
func parseTree(dir string, jobs int, keep bool, res *result) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return fmt.Errorf("open %s: %w", dir, err)
	}
	defer func() { _ = root.Close() }()
	fsys := root.FS()
	paths := make(chan string, 4*jobs)
	errs := make(chan error, jobs)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range paths {
				if err := parseFile(fsys, p, keep, res); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	walkErr := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && (d.Name() == ".terraform" || d.Name() == ".git") {
				return fs.SkipDir
			}
			return nil
		}
		if parser.IsConfigFile(d.Name()) {
			paths <- p
		}
		return nil
	})
	close(paths)
	wg.Wait()
	close(errs)
	if walkErr != nil {
		return fmt.Errorf("walk %s: %w", dir, walkErr)
	}
	return errors.Join(collect(errs)...)
}

func collect(errs <-chan error) []error {
	var out []error
	for err := range errs {
		out = append(out, err)
	}
	return out
}

func parseFile(fsys fs.FS, p string, keep bool, res *result) error {
	b, err := fs.ReadFile(fsys, p)
	if err != nil {
		return fmt.Errorf("read %s: %w", p, err)
	}
	var f *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(p, ".json") {
		f, diags = hcljson.Parse(b, p)
	} else {
		f, diags = hclsyntax.ParseConfig(b, p, hcl.InitialPos)
	}
	res.files.Add(1)
	res.bytes.Add(int64(len(b)))
	if diags.HasErrors() {
		res.syntaxErrors.Add(1)
	}
	if keep {
		res.mu.Lock()
		res.kept = append(res.kept, f)
		res.mu.Unlock()
	}
	return nil
}
