package benchgen

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Options select a generated tree.
type Options struct {
	// Files is the number of configuration files (.tf and .tf.json) to
	// write. Variable files (terraform.tfvars) and provider lock files
	// (.terraform.lock.hcl) come on top of it.
	Files int
	// Seed selects the tree: the same Files and Seed give byte-identical
	// output.
	Seed uint64
}

// MinFiles is the smallest Options.Files accepted: one copy of the shared
// module library and one root module.
const MinFiles = 100

// Stats describe a generated tree.
type Stats struct {
	// ConfigFiles counts .tf and .tf.json files; it equals Options.Files.
	ConfigFiles int
	// JSONFiles counts the .tf.json files among ConfigFiles.
	JSONFiles int
	// OtherFiles counts terraform.tfvars and .terraform.lock.hcl files.
	OtherFiles int
	// RootModules counts directories under envs/; SharedModules those under
	// modules/.
	RootModules   int
	SharedModules int
	// Lines and Bytes count every written file.
	Lines int
	Bytes int64
	// Resources counts resource blocks (not instances) in configuration
	// files; Serverless counts those whose type IsServerless.
	Resources  int
	Serverless int
}

// ServerlessShare is Serverless / Resources.
func (s Stats) ServerlessShare() float64 {
	if s.Resources == 0 {
		return 0
	}
	return float64(s.Serverless) / float64(s.Resources)
}

// IsServerless reports whether a resource type belongs to the serverless
// designs spillway checks: Lambda, API Gateway, SQS, Kinesis, SNS
// subscriptions, EventBridge targets and S3 notifications.
func IsServerless(typ string) bool {
	for _, p := range []string{
		"aws_lambda_", "aws_api_gateway_", "aws_apigatewayv2_", "aws_sqs_", "aws_kinesis_",
		"aws_sns_topic_subscription", "aws_cloudwatch_event_", "aws_s3_bucket_notification",
	} {
		if strings.HasPrefix(typ, p) {
			return true
		}
	}
	return false
}

// Generate writes the tree selected by opts under dir, which must not
// exist or be empty.
func Generate(dir string, opts Options) (Stats, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return Stats{}, fmt.Errorf("output directory %s is not empty", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Stats{}, fmt.Errorf("read output directory: %w", err)
	}
	made := map[string]bool{}
	return build(opts, func(p string, data []byte) error {
		full := filepath.Join(dir, filepath.FromSlash(p))
		d := filepath.Dir(full)
		if !made[d] {
			if err := os.MkdirAll(d, 0o750); err != nil {
				return fmt.Errorf("create directory: %w", err)
			}
			made[d] = true
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return fmt.Errorf("write file: %w", err)
		}
		return nil
	})
}

// Files returns the tree selected by opts as slash-separated paths and
// contents.
func Files(opts Options) (map[string][]byte, Stats, error) {
	out := map[string][]byte{}
	st, err := build(opts, func(p string, data []byte) error {
		out[p] = data
		return nil
	})
	return out, st, err
}

// sink receives every generated file once.
type sink func(path string, data []byte) error

// gen holds the state of one generation.
type gen struct {
	opts  Options
	emit  sink
	stats Stats
	lib   *library
}

func build(opts Options, emit sink) (Stats, error) {
	if opts.Files < MinFiles {
		return Stats{}, fmt.Errorf("files must be at least %d, got %d", MinFiles, opts.Files)
	}
	g := &gen{opts: opts, emit: emit}
	copies := 1 + opts.Files/8000
	lib, err := g.writeLibrary(copies)
	if err != nil {
		return g.stats, err
	}
	g.lib = lib
	plans := planRoots(opts.Seed, opts.Files-g.stats.ConfigFiles)
	for _, p := range plans {
		if err := g.writeRoot(p); err != nil {
			return g.stats, err
		}
	}
	return g.stats, nil
}

// file writes one generated file and updates the statistics. HCL content
// is formatted canonically first.
func (g *gen) file(p string, data []byte) error {
	switch {
	case strings.HasSuffix(p, ".tf.json"):
		g.stats.ConfigFiles++
		g.stats.JSONFiles++
	case strings.HasSuffix(p, ".tf"):
		g.stats.ConfigFiles++
		g.countResources(data)
	default:
		g.stats.OtherFiles++
	}
	g.stats.Lines += bytes.Count(data, []byte("\n"))
	g.stats.Bytes += int64(len(data))
	if err := g.emit(p, data); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	return nil
}

// countResources counts top-level resource blocks in formatted HCL.
func (g *gen) countResources(data []byte) {
	for _, line := range bytes.Split(data, []byte("\n")) {
		rest, ok := bytes.CutPrefix(line, []byte(`resource "`))
		if !ok {
			continue
		}
		typ, _, _ := bytes.Cut(rest, []byte(`"`))
		g.countResource(string(typ))
	}
}

func (g *gen) countResource(typ string) {
	g.stats.Resources++
	if IsServerless(typ) {
		g.stats.Serverless++
	}
}

// newRand returns a generator for one named part of the tree: the same
// seed and name always give the same sequence, whatever else is generated.
func newRand(seed uint64, name string) *rand.Rand {
	h := fnv.New64a()
	_, _ = h.Write([]byte(name))
	return rand.New(rand.NewPCG(seed, h.Sum64())) //nolint:gosec // deterministic test data, not security
}

// pick returns a random element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between returns a random int in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// sample returns n distinct elements of xs in their original order.
func sample[T any](r *rand.Rand, xs []T, n int) []T {
	if n >= len(xs) {
		return append([]T(nil), xs...)
	}
	idx := r.Perm(len(xs))[:n]
	sort.Ints(idx)
	out := make([]T, 0, n)
	for _, i := range idx {
		out = append(out, xs[i])
	}
	return out
}
