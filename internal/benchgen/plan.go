package benchgen

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strconv"
)

// sharedModules are the modules under modules/, called from the roots.
var sharedModules = []string{"lambda-function", "http-api"}

// versionSuffix names copy c of the module library: large trees keep
// several versions of each module, as long-lived repositories do.
func versionSuffix(c int) string {
	if c == 0 {
		return ""
	}
	return "-v" + strconv.Itoa(c+1)
}

// Every root module has the core files; components add a file each.
var (
	coreFiles  = []string{"versions.tf", "variables.tf", "main.tf", "functions.tf", "outputs.tf"}
	components = []string{"queues.tf", "streams.tf", "rest_api.tf", "http_api.tf", "events.tf", "uploads.tf", "alarms.tf", "jobs.tf.json"}
	domains    = []string{
		"orders", "payments", "billing", "inventory", "catalog", "search", "notifications", "identity",
		"shipping", "reporting", "ingest", "media", "checkout", "ledger", "fraud", "pricing",
	}
	roles = []string{"api", "worker", "events", "etl", "sync", "jobs", "web", "admin"}
	envs  = []string{"dev", "staging", "prod"}
)

// root is one root module, the data of its templates. The planner decides
// what several files refer to (functions, queues, streams); templates make
// their other choices with Chance, Pick and Some, in the order the files
// are rendered, so a tree still depends only on the seed.
type root struct {
	Dir, Env, Service, Region, Account, Runtime string
	Files                                       []string
	Funcs                                       []*fn
	Queues                                      []*queue
	Streams                                     []*queue // Kinesis streams
	lib                                         int
	r                                           *rand.Rand
}

type fn struct {
	Name                              string
	Module                            bool // an instance of the root's lambda-function module call
	Timeout                           int
	Reserved                          string // reserved concurrency, "" for none
	ReservedVar                       bool   // set through a variable (in tfvars only when Reserved is set)
	URL, URLAuth, Async, Alarms, Prov bool
}

type queue struct {
	Name       string
	Fn         *fn
	DLQ, Alarm bool // Alarm: a DLQ depth alarm for queues, an IteratorAge alarm for streams
	Visibility int
}

// Ref is the expression whose arn, function_name and invoke_arn
// attributes describe the function.
func (f *fn) Ref() string {
	if f.Module {
		return `module.functions["` + f.Name + `"]`
	}
	return "aws_lambda_function." + f.Name
}

// ReservedExpr is the value of reserved concurrency, "" for none.
func (f *fn) ReservedExpr() string {
	if f.ReservedVar {
		return "var." + f.Name + "_reserved_concurrency"
	}
	return f.Reserved
}

// Mod is the source of a shared module from a root module.
func (rt *root) Mod(name string) string { return "../../../modules/" + name + versionSuffix(rt.lib) }

// Has reports whether the root module has file f.
func (rt *root) Has(f string) bool { return slices.Contains(rt.Files, f) }

// Chance reports true with probability p.
func (rt *root) Chance(p float64) bool { return rt.r.Float64() < p }

// Pick returns one of xs.
func (rt *root) Pick(xs ...any) any { return pick(rt.r, xs) }

// Fn returns one of the root's functions.
func (rt *root) Fn() *fn { return pick(rt.r, rt.Funcs) }

// Some returns 1 to n of names, in order.
func (rt *root) Some(n int, names ...string) []string { return sample(rt.r, names, 1+rt.r.IntN(n)) }

// SomeFns returns 1 to n of the root's functions, in order.
func (rt *root) SomeFns(n int) []*fn { return sample(rt.r, rt.Funcs, 1+rt.r.IntN(n)) }

// serviceNames lists every domain-role pair in an order chosen by seed.
func serviceNames(seed uint64) []string {
	var out []string
	for _, d := range domains {
		for _, r := range roles {
			out = append(out, d+"-"+r)
		}
	}
	r := newRand(seed, "services")
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// planRoot plans root module i (service i/3 in one of three
// environments), given that budget configuration files are left to write:
// 5 to 13 files, all of budget when one root can hold it, and never so
// many that fewer than 5 are left.
func planRoot(seed uint64, i int, services []string, copies, budget int) *root {
	r := newRand(seed, "root/"+strconv.Itoa(i))
	svc := services[(i/len(envs))%len(services)]
	if round := i / len(envs) / len(services); round > 0 {
		svc += "-" + strconv.Itoa(round+1)
	}
	rt := &root{Env: envs[i%len(envs)], Service: svc, lib: i % copies, r: r,
		Region:  pick(r, []string{"eu-west-1", "eu-central-1", "us-east-1", "us-west-2"}),
		Account: strconv.Itoa(100000000000 + r.IntN(900000000000)), Runtime: pick(r, []string{"nodejs20.x", "python3.12", "java21"})}
	rt.Dir = "envs/" + rt.Env + "/" + svc
	n := len(coreFiles) + r.IntN(8)
	switch {
	case budget <= len(coreFiles)+len(components):
		n = budget
	case budget-n < len(coreFiles):
		n = budget - len(coreFiles)
	}
	rt.Files = append(slices.Clone(coreFiles), sample(r, components, n-len(coreFiles))...)

	names := []string{"api", "ingest", "processor", "notifier", "resizer", "exporter", "scheduler", "indexer", "webhook", "reconciler"}
	for _, name := range rt.Some(6, names...) {
		f := &fn{Name: name, Module: rt.Chance(0.4), Timeout: pick(r, []int{3, 10, 15, 30, 60, 300, 900}),
			Alarms: rt.Chance(0.5), URL: rt.Chance(0.15), URLAuth: rt.Chance(0.5), Async: rt.Chance(0.3)}
		switch x := r.Float64(); {
		case x < 0.05:
			f.Reserved = "0"
		case x < 0.5:
			f.Reserved = strconv.Itoa(pick(r, []int{5, 10, 20, 50, 100, 200, 450}))
		case x < 0.65:
			f.ReservedVar = true
			if rt.Chance(0.7) {
				f.Reserved = strconv.Itoa(pick(r, []int{10, 25, 50}))
			}
		}
		f.Prov = !f.Module && rt.Chance(0.15)
		rt.Funcs = append(rt.Funcs, f)
	}
	if rt.Has("queues.tf") {
		for _, name := range rt.Some(4, "tasks", "emails", "exports", "webhooks", "imports", "thumbnails", "refunds") {
			q := &queue{Name: name, Fn: rt.Fn(), DLQ: rt.Chance(0.75), Alarm: rt.Chance(0.5)}
			// Mostly six times the function's timeout plus the batching
			// window, as AWS recommends; sometimes too short.
			q.Visibility = pick(r, []int{6*q.Fn.Timeout + 5, 6*q.Fn.Timeout + 5, 2 * q.Fn.Timeout, 30})
			rt.Queues = append(rt.Queues, q)
		}
	}
	if rt.Has("streams.tf") {
		for _, name := range rt.Some(2, "clicks", "telemetry", "changes", "ledger") {
			rt.Streams = append(rt.Streams, &queue{Name: name, Fn: rt.Fn(), Alarm: rt.Chance(0.5)})
		}
	}
	return rt
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

// sample returns min(n, len(xs)) distinct elements of xs in their
// original order.
func sample[T any](r *rand.Rand, xs []T, n int) []T {
	idx := r.Perm(len(xs))[:min(n, len(xs))]
	slices.Sort(idx)
	out := make([]T, 0, len(idx))
	for _, i := range idx {
		out = append(out, xs[i])
	}
	return out
}
