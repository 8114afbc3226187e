package eval

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/spillway-iac/spillway/parser"
)

// DefaultMaxInstances is the number of instances a single count or
// for_each may expand to when Options.MaxInstances is zero.
const DefaultMaxInstances = 10000

// VarArg is one --var or --var-file argument, in command-line order.
type VarArg struct {
	// Assign is "NAME=VALUE" for --var.
	Assign string
	// File is the parsed --var-file; nil for --var.
	File *parser.File
}

// Options configure the evaluation of a root module.
type Options struct {
	// Env holds the process environment as "KEY=VALUE" entries; TF_VAR_*
	// entries set root variables.
	Env []string
	// Args are the --var and --var-file arguments in order.
	Args []VarArg
	// Workspace is terraform.workspace; empty means "default".
	Workspace string
	// Cache, when set, shares work between the roots of one scan.
	Cache *Cache
	// MaxInstances limits the instances of one count or for_each.
	MaxInstances int
	// MaxEvaluations is the evaluation budget of the root module (see
	// DefaultMaxEvaluations, used when zero). When it runs out, the
	// remaining values are unknown and one error is reported.
	MaxEvaluations int
	// Context, when set, stops the evaluation once it is done: the
	// budget checks it every few hundred steps, and from then on the
	// remaining values are unknown, one error (SummaryStopped) is
	// reported and Err returns why. Evaluation is lazy, so the context
	// must stay live while the graph and the rules read values. Nil
	// means no cancellation.
	Context context.Context
	// Fetcher, when set, finds remote modules that terraform init did
	// not install (.terraform/modules wins): in the module cache, and
	// over the network when it allows that. Nil means remote modules are
	// analyzed only when installed.
	Fetcher ModuleFetcher
}

// Root is the evaluation of one root module and every module it calls.
// A Root evaluates lazily and is not safe for concurrent use; evaluate
// different roots in parallel instead (they may share a parser.Loader).
type Root struct {
	loader *parser.Loader
	opts   Options
	// Module is the root module instance.
	Module *ModuleInstance

	funcs map[string]function.Function
	// static is the context of expressions that refer to nothing.
	static *hcl.EvalContext

	diags    hcl.Diagnostics
	diagSeen map[string]bool

	byAddr    map[string]*Instance
	seq       int
	validated map[*parser.Module]bool
	allMods   []*ModuleInstance
	expanded  bool

	// The evaluation budget: units used, and whether it ran out.
	used      int
	exhausted bool
	// calls counts the budget's checks, to look at the context every
	// stopCheckEvery of them; stopped is the context's error once seen.
	calls   int
	stopped error
	// depth is how deeply value evaluations are nested right now.
	depth int
	// cur is the expression being evaluated, for diagnostics raised
	// inside functions.
	cur hcl.Range
	// Guarded copies of expressions and bodies, and the expression each
	// copy was made from.
	guarded       map[hclsyntax.Expression]hcl.Expression
	original      map[hclsyntax.Expression]hcl.Expression
	guardedBodies map[hcl.Body]hcl.Body
	guardedJSON   map[hcl.Expression]hcl.Expression
	filesets      map[string]cty.Value
}

// NewRoot prepares the evaluation of the root module mod. Nothing is
// evaluated until it is asked for.
func NewRoot(loader *parser.Loader, mod *parser.Module, opts Options) *Root {
	if opts.Workspace == "" {
		opts.Workspace = "default"
	}
	if opts.MaxInstances <= 0 {
		opts.MaxInstances = DefaultMaxInstances
	}
	if opts.MaxEvaluations <= 0 {
		opts.MaxEvaluations = DefaultMaxEvaluations
	}
	r := &Root{
		loader:        loader,
		opts:          opts,
		diagSeen:      map[string]bool{},
		byAddr:        map[string]*Instance{},
		validated:     map[*parser.Module]bool{},
		guarded:       map[hclsyntax.Expression]hcl.Expression{},
		original:      map[hclsyntax.Expression]hcl.Expression{},
		guardedBodies: map[hcl.Body]hcl.Body{},
		guardedJSON:   map[hcl.Expression]hcl.Expression{},
		filesets:      map[string]cty.Value{},
	}
	r.funcs = r.functions()
	r.Module = newModuleInstance(r, nil, nil, mod, cty.NilVal, "")
	r.Module.rootVars = r.rootVariableValues()
	return r
}

// Loader returns the loader the root reads files with.
func (r *Root) Loader() *parser.Loader { return r.loader }

// Diagnostics returns every problem found so far, in the order found.
func (r *Root) Diagnostics() hcl.Diagnostics { return r.diags }

func (r *Root) addDiags(diags hcl.Diagnostics) {
	if r.stopped != nil {
		// Values cut short by a stop make errors of their own
		// (mixed tuples, unknown counts): they would only be noise.
		return
	}
	for _, d := range diags {
		key := d.Summary
		if d.Subject != nil {
			key += "@" + d.Subject.String()
		}
		if r.diagSeen[key] {
			continue
		}
		r.diagSeen[key] = true
		r.diags = append(r.diags, d)
	}
}

// note reports what was not analyzed, as a warning diagnostic carrying
// its kind in Extra (see NoteKindOf).
func (r *Root) note(kind NoteKind, summary, detail string, rng hcl.Range) {
	r.addDiags(hcl.Diagnostics{{
		Severity: hcl.DiagWarning,
		Summary:  summary,
		Detail:   detail,
		Subject:  rng.Ptr(),
		Extra:    kind,
	}})
}

func (r *Root) nextSeq() int {
	r.seq++
	return r.seq
}

// Lookup returns the resource instance with the given absolute address, if
// it has been expanded.
func (r *Root) Lookup(addr string) *Instance { return r.byAddr[addr] }

// ModuleInstances returns the root module instance and every module
// instance below it, depth first in call-name and key order. Module calls
// are expanded on the first call.
func (r *Root) ModuleInstances() []*ModuleInstance {
	if !r.expanded {
		r.expanded = true
		var walk func(m *ModuleInstance)
		walk = func(m *ModuleInstance) {
			r.allMods = append(r.allMods, m)
			for _, c := range m.Children() {
				walk(c)
			}
		}
		walk(r.Module)
	}
	return r.allMods
}

// Instances returns every instance of resources of the given type in all
// module instances, in module order then declaration order.
func (r *Root) Instances(typ string) []*Instance {
	var out []*Instance
	for _, m := range r.ModuleInstances() {
		out = append(out, m.Instances(typ)...)
	}
	return out
}

// Validate checks every module reachable from the root for references to
// undeclared variables, locals and module calls, evaluating nothing.
func (r *Root) Validate() {
	for _, m := range r.ModuleInstances() {
		if m.Module == nil || r.validated[m.Module] {
			continue
		}
		r.validated[m.Module] = true
		if r.opts.Cache != nil && m.Parent != nil {
			r.addDiags(r.opts.Cache.validate(m.Module))
			continue
		}
		r.addDiags(validateModule(m.Module))
	}
}

// Cache holds what does not depend on the root module being evaluated,
// such as the reference checks of a shared module, so that a scan does
// that work once per module rather than once per root module that calls
// it. One Cache serves every Root of a scan; it is safe for concurrent
// use.
type Cache struct {
	mu        sync.Mutex
	validated map[string]hcl.Diagnostics
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{validated: map[string]hcl.Diagnostics{}}
}

// validate returns validateModule(mod), computed once per module
// directory. A module parsed again after its release has the same files,
// so its directory is the key.
func (c *Cache) validate(mod *parser.Module) hcl.Diagnostics {
	c.mu.Lock()
	d, ok := c.validated[mod.Dir]
	c.mu.Unlock()
	if ok {
		return d
	}
	d = validateModule(mod)
	c.mu.Lock()
	c.validated[mod.Dir] = d
	c.mu.Unlock()
	return d
}

// rootVariableValues collects the values given to root variables, lowest
// precedence first: environment, terraform.tfvars, terraform.tfvars.json,
// *.auto.tfvars(.json) in name order, then --var and --var-file in order.
func (r *Root) rootVariableValues() map[string]*varInput {
	out := map[string]*varInput{}
	mod := r.Module.Module
	var envs []string
	envs = append(envs, r.opts.Env...)
	sort.Strings(envs)
	for _, kv := range envs {
		if !strings.HasPrefix(kv, "TF_VAR_") {
			continue
		}
		name, val, ok := strings.Cut(strings.TrimPrefix(kv, "TF_VAR_"), "=")
		if !ok || name == "" {
			continue
		}
		out[name] = &varInput{raw: val, hasRaw: true, source: "environment variable TF_VAR_" + name,
			rng: hcl.Range{Filename: "<environment>"}}
	}
	for _, n := range mod.VarFiles {
		r.addVarFile(r.loader.ReadVarFile(path.Join(mod.Dir, n)), out)
	}
	for _, a := range r.opts.Args {
		if a.File != nil {
			r.addVarFile(a.File, out)
			continue
		}
		name, val, ok := strings.Cut(a.Assign, "=")
		if !ok || name == "" {
			r.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid --var option",
				Detail:   fmt.Sprintf("The option --var %q is not of the form NAME=VALUE.", a.Assign),
			}})
			continue
		}
		out[name] = &varInput{raw: val, hasRaw: true, source: "--var " + name, rng: hcl.Range{Filename: "<command line>"}}
	}
	return out
}

func (r *Root) addVarFile(f *parser.File, out map[string]*varInput) {
	r.addDiags(f.Diags)
	if f.HCL == nil || f.Diags.HasErrors() {
		return
	}
	attrs, diags := f.HCL.Body.JustAttributes()
	r.addDiags(diags)
	for name, a := range attrs {
		out[name] = &varInput{expr: a.Expr, source: f.Name, rng: a.Expr.Range()}
	}
}

// varInput is a value given to a root variable before conversion.
type varInput struct {
	expr   hcl.Expression
	raw    string
	hasRaw bool
	source string
	rng    hcl.Range
}

// value returns the input as a cty value, parsing raw strings as Terraform
// does: literally for primitive or unset types, as an HCL expression
// otherwise.
func (in *varInput) value(literal bool) (cty.Value, hcl.Diagnostics) {
	if !in.hasRaw {
		return in.expr.Value(nil)
	}
	if literal {
		return cty.StringVal(in.raw), nil
	}
	if d := parser.CheckNesting([]byte(in.raw), in.source, hcl.InitialPos, parser.NestExpression); d != nil {
		return cty.DynamicVal, hcl.Diagnostics{d}
	}
	expr, diags := hclsyntax.ParseExpression([]byte(in.raw), in.source, hcl.InitialPos)
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	return expr.Value(nil)
}
