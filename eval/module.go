package eval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/spillway-iac/spillway/parser"
)

// MaxModuleDepth is how deeply module calls may nest.
const MaxModuleDepth = 32

// CallSite is one module call on the path from the root to a module
// instance.
type CallSite struct {
	// Address is the module instance address, such as module.orders["eu"].
	Address string
	// Range is the module block's header.
	Range hcl.Range
	// Block is the whole module block.
	Block hcl.Range
}

// ModuleInstance is one instance of a module: the root, or one key of a
// module call.
type ModuleInstance struct {
	root   *Root
	Parent *ModuleInstance
	Call   *parser.ModuleCall
	// Module is nil when the module could not be loaded (a remote module
	// that is not installed, a source outside the scanned tree, a broken
	// module or a cycle); its outputs are then unknown.
	Module *parser.Module
	// Addr is "" for the root and module.a, module.a["k"].module.b, ...
	// otherwise.
	Addr string
	// Key is the instance key of the call: NilVal, a number or a string.
	Key cty.Value
	// Uncertain reports that the call's count or for_each is unknown, so
	// this instance stands for an unknown number of instances.
	Uncertain bool
	// UncertainExpr is the unknown expression behind Uncertain.
	UncertainExpr string
	// Seq orders module instances deterministically.
	Seq int

	rep      repetition
	rootVars map[string]*varInput

	vars    map[string]*memo
	locals  map[string]*memo
	outputs map[string]*memo
	// localStack holds the locals being evaluated, innermost last.
	localStack []string

	childrenDone bool
	children     []*ModuleInstance
	calls        map[string]*callExpansion

	byType    map[string][]*parser.Resource
	resources map[string]*resExpansion
	// values memoizes resource and module call values by what an
	// expression reads of them: every instance of a counted resource
	// would otherwise be rebuilt for each reference.
	values map[string]cty.Value
}

type memo struct {
	state int // 0 new, 1 in progress, 2 done
	val   cty.Value
}

type callExpansion struct {
	mode      expansionMode
	instances []*ModuleInstance
	uncertain bool
}

type expansionMode int

const (
	single expansionMode = iota
	counted
	keyed
)

// repetition holds count.index or each.key/each.value for one instance.
type repetition struct {
	hasCount bool
	count    cty.Value
	hasEach  bool
	eachKey  cty.Value
	eachVal  cty.Value
}

func newModuleInstance(r *Root, parent *ModuleInstance, call *parser.ModuleCall, mod *parser.Module, key cty.Value, addr string) *ModuleInstance {
	m := &ModuleInstance{
		root:      r,
		Parent:    parent,
		Call:      call,
		Module:    mod,
		Addr:      addr,
		Key:       key,
		Seq:       r.nextSeq(),
		vars:      map[string]*memo{},
		locals:    map[string]*memo{},
		outputs:   map[string]*memo{},
		calls:     map[string]*callExpansion{},
		resources: map[string]*resExpansion{},
		values:    map[string]cty.Value{},
	}
	if mod != nil {
		r.addDiags(mod.Diags)
	}
	return m
}

// Root returns the evaluation the instance belongs to.
func (m *ModuleInstance) Root() *Root { return m.root }

// CallSites returns the module calls from the root down to this instance.
func (m *ModuleInstance) CallSites() []CallSite {
	var out []CallSite
	for c := m; c != nil && c.Parent != nil; c = c.Parent {
		out = append(out, CallSite{Address: c.Addr, Range: c.Call.DeclRange, Block: c.Call.Range})
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Depth returns the number of module calls between the root and m.
func (m *ModuleInstance) Depth() int {
	d := 0
	for c := m; c.Parent != nil; c = c.Parent {
		d++
	}
	return d
}

// IsUncertain reports whether this instance or any ancestor stands for an
// unknown number of instances, and the unknown expression.
func (m *ModuleInstance) IsUncertain() (bool, string) {
	for c := m; c != nil; c = c.Parent {
		if c.Uncertain {
			return true, c.UncertainExpr
		}
	}
	return false, ""
}

// pathModule returns path.module: the module directory relative to the
// root module's directory.
func (m *ModuleInstance) pathModule() string {
	if m.Module == nil {
		return "."
	}
	rootDir := m.root.Module.Module.Dir
	rel, err := filepath.Rel(filepath.FromSlash(rootDir), filepath.FromSlash(m.Module.Dir))
	if err != nil {
		return m.Module.Dir
	}
	return filepath.ToSlash(rel)
}

// Var returns the value of an input variable of this module instance.
func (m *ModuleInstance) Var(name string) cty.Value {
	if m.Module == nil {
		return cty.DynamicVal
	}
	me := m.vars[name]
	if me == nil {
		me = &memo{}
		m.vars[name] = me
	}
	switch me.state {
	case 2:
		return me.val
	case 1:
		m.inputCycle(name)
		return cty.DynamicVal
	}
	me.state = 1
	me.val = m.computeVar(name)
	me.state = 2
	return me.val
}

type varType struct {
	ty       cty.Type
	defaults *typeexpr.Defaults
	literal  bool
}

func (m *ModuleInstance) varType(decl *parser.Variable) varType {
	vt := varType{ty: cty.DynamicPseudoType, literal: true}
	if decl.Type == nil {
		return vt
	}
	switch hcl.ExprAsKeyword(decl.Type) {
	case "list":
		return varType{ty: cty.List(cty.DynamicPseudoType)}
	case "map":
		return varType{ty: cty.Map(cty.DynamicPseudoType)}
	}
	if str, ok := m.root.jsonString(decl.Type); ok {
		// hcl/json parses a type string as a native expression, and
		// typeexpr walks it recursively: check its nesting first.
		rng := decl.Type.Range()
		start := rng.Start // hcl/json starts the expression after the quote
		start.Column++
		start.Byte++
		if d := parser.CheckNesting([]byte(str), rng.Filename, start, parser.NestExpression); d != nil {
			m.root.addDiags(hcl.Diagnostics{d})
			return vt
		}
	}
	ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(decl.Type)
	if diags.HasErrors() {
		m.root.addDiags(diags)
		return vt
	}
	return varType{ty: ty, defaults: defaults, literal: ty.IsPrimitiveType()}
}

func (m *ModuleInstance) computeVar(name string) cty.Value {
	decl := m.Module.Variables[name]
	if decl == nil {
		return cty.DynamicVal
	}
	vt := m.varType(decl)
	nullable := true
	if decl.Nullable != nil {
		if v, diags := decl.Nullable.Value(nil); !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type() == cty.Bool {
			nullable = v.True()
		}
	}
	var val cty.Value
	have := false
	var subject hcl.Range
	if m.Parent == nil {
		if in := m.rootVars[name]; in != nil {
			v, diags := in.value(vt.literal)
			m.root.addDiags(diags)
			val, have, subject = v, true, in.rng
		}
	} else if a := m.Call.Inputs[name]; a != nil {
		val, have, subject = m.Parent.evalExpr(a.Expr, &m.rep), true, a.Expr.Range()
	}
	if !have || (val.IsNull() && !nullable) {
		switch {
		case decl.Default != nil:
			v, diags := decl.Default.Value(nil)
			m.root.addDiags(diags)
			val, subject = v, decl.Default.Range()
		case m.Parent == nil:
			return cty.UnknownVal(vt.ty).Mark(Origin{Expr: "var." + name})
		case have:
			// null passed to a non-nullable variable without a default:
			// Terraform rejects it.
			m.root.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid value for input variable",
				Detail:   fmt.Sprintf("The variable %q is not nullable and has no default, so it cannot be set to null.", name),
				Subject:  subject.Ptr(),
			}})
			return cty.UnknownVal(vt.ty)
		default:
			m.root.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Missing required argument",
				Detail:   fmt.Sprintf("The argument %q is required by the module at %s, but no definition was found. Set it in the module block.", name, m.Module.Name),
				Subject:  m.Call.DeclRange.Ptr(),
			}})
			return cty.UnknownVal(vt.ty)
		}
	}
	unmarked, pvm := val.UnmarkDeepWithPaths()
	if vt.defaults != nil && !unmarked.IsNull() {
		unmarked = vt.defaults.Apply(unmarked)
	}
	if vt.ty.IsListType() || vt.ty.IsSetType() {
		if n, err := normalizeTuple(unmarked); err == nil {
			unmarked = n
		}
	}
	conv, err := convert.Convert(unmarked, vt.ty)
	if err != nil {
		m.root.addDiags(hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid value for input variable",
			Detail:   fmt.Sprintf("The value given for variable %q is not compatible with its type %s: %s.", name, typeexpr.TypeString(vt.ty), err),
			Subject:  subject.Ptr(),
		}})
		return cty.UnknownVal(vt.ty)
	}
	return remarkConverted(conv, pvm)
}

// Local returns the value of a local value.
func (m *ModuleInstance) Local(name string) cty.Value {
	if m.Module == nil {
		return cty.DynamicVal
	}
	l := m.Module.Locals[name]
	if l == nil {
		return cty.DynamicVal
	}
	me := m.locals[name]
	if me == nil {
		me = &memo{}
		m.locals[name] = me
	}
	switch me.state {
	case 2:
		return me.val
	case 1:
		// The locals from name to the top of the stack form a cycle.
		cycle := []string{name}
		if i := slices.Index(m.localStack, name); i >= 0 {
			cycle = m.localStack[i:]
		}
		m.root.addDiags(hcl.Diagnostics{localCycleDiag(m.Module, cycle)})
		return cty.DynamicVal
	}
	me.state = 1
	m.localStack = append(m.localStack, name)
	me.val = m.evalExpr(l.Expr, nil)
	m.localStack = m.localStack[:len(m.localStack)-1]
	me.state = 2
	return me.val
}

// Output returns the value of an output of this module instance.
func (m *ModuleInstance) Output(name string) cty.Value {
	if m.Module == nil {
		return cty.DynamicVal.Mark(Origin{Expr: m.Addr + "." + name})
	}
	o := m.Module.Outputs[name]
	if o == nil || o.Expr == nil {
		return cty.DynamicVal
	}
	me := m.outputs[name]
	if me == nil {
		me = &memo{}
		m.outputs[name] = me
	}
	switch me.state {
	case 2:
		return me.val
	case 1:
		// A cycle through one of this instance's own inputs (module "a"
		// { x = module.a.out }) is reported as such, whichever end
		// evaluation started from.
		for _, v := range slices.Sorted(maps.Keys(m.vars)) {
			if m.vars[v].state == 1 && m.inputCycle(v) {
				return cty.DynamicVal
			}
		}
		m.root.addDiags(hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cycle in module outputs",
			Detail:   fmt.Sprintf("The output %q depends on itself. Break the cycle.", name),
			Subject:  o.DeclRange.Ptr(),
		}})
		return cty.DynamicVal
	}
	me.state = 1
	me.val = m.evalExpr(o.Expr, nil)
	me.state = 2
	return me.val
}

// inputCycle reports that the input variable name of this module
// instance depends on itself, which happens when the module call's
// arguments read the call's own outputs. It reports nothing for root
// variables.
func (m *ModuleInstance) inputCycle(name string) bool {
	if m.Call == nil {
		return false
	}
	a := m.Call.Inputs[name]
	if a == nil {
		return false
	}
	m.root.addDiags(hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Cycle in module inputs",
		Detail: fmt.Sprintf("The argument %q of module %q depends on the module's own outputs, which depend on the argument again, so it has no value. Terraform rejects such a cycle; pass the value from outside the module.",
			name, m.Call.Name),
		Subject: a.Expr.Range().Ptr(),
	}})
	return true
}

// Children returns the module instances called by this one, sorted by
// call name then key.
func (m *ModuleInstance) Children() []*ModuleInstance {
	if m.childrenDone {
		return m.children
	}
	m.childrenDone = true
	if m.Module == nil {
		return nil
	}
	for _, c := range m.Module.SortedCalls() {
		m.children = append(m.children, m.expandCall(c).instances...)
	}
	return m.children
}

func (m *ModuleInstance) callAddr(name string) string {
	if m.Addr == "" {
		return "module." + name
	}
	return m.Addr + ".module." + name
}

// modulePathKey returns the dotted call path used by modules.json.
func (m *ModuleInstance) modulePathKey(name string) string {
	var parts []string
	for c := m; c != nil && c.Call != nil; c = c.Parent {
		parts = append(parts, c.Call.Name)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(append(parts, name), ".")
}

// resolveCall finds and loads the module a call refers to, or returns nil
// with a note or an error explaining why it is not analyzed.
func (m *ModuleInstance) resolveCall(c *parser.ModuleCall) *parser.Module {
	source := c.Source
	if source == "" && c.SourceExpr != nil {
		v := m.evalExpr(c.SourceExpr, nil)
		u, _ := v.UnmarkDeep()
		if !u.IsKnown() || u.IsNull() || u.Type() != cty.String {
			m.root.note(NoteModuleSourceUnknown, "Module source unknown",
				fmt.Sprintf("The source of module %q depends on %s, which has no known value, so the module is not analyzed. Give the variables a value with --var or a tfvars file.", c.Name, originText(Origins(v), c.SourceExpr)),
				c.SourceRange)
			return nil
		}
		source = u.AsString()
	}
	if source == "" {
		return nil
	}
	var dir string
	if parser.IsLocalSource(source) {
		d, ok := m.root.loader.ResolveLocal(m.Module.Dir, source)
		if !ok {
			where, advice := "the scanned tree", "Scan a directory that contains both the caller and the module."
			if m.Module.Vendored && strings.HasPrefix(m.Module.Dir, parser.MountDir+"/") {
				where, advice = "the module package it is part of", "Terraform refuses such a source in a downloaded module as well."
			}
			m.root.note(NoteModuleOutsideTree, "Module outside the scanned tree",
				fmt.Sprintf("The module source %q points outside %s, so spillway does not read it and the call's outputs are unknown. %s", source, where, advice),
				c.SourceRange)
			return nil
		}
		dir = d
	} else {
		d, ok := m.remoteDir(c, source)
		if !ok {
			return nil
		}
		dir = d
	}
	if m.root.loader.Excluded(dir) {
		m.root.note(NoteModuleExcluded, "Module excluded",
			fmt.Sprintf("The module %q (%s) is excluded from the scan (--exclude or the config's exclude), so its resources are not analyzed and its outputs are unknown. Remove the pattern to analyze it.", c.Name, m.root.loader.DisplayName(dir)),
			c.SourceRange)
		return nil
	}
	for a := m; a != nil; a = a.Parent {
		if a.Module != nil && a.Module.Dir == dir {
			m.root.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Module cycle",
				Detail:   fmt.Sprintf("The module %q calls %s, which is already being evaluated higher up the call chain. Terraform cannot load a module that calls itself.", c.Name, path.Clean(source)),
				Subject:  c.SourceRange.Ptr(),
			}})
			return nil
		}
	}
	if m.Depth()+1 > MaxModuleDepth {
		m.root.addDiags(hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Module nesting too deep",
			Detail:   fmt.Sprintf("Module calls nest more than %d levels deep here; spillway stops expanding them.", MaxModuleDepth),
			Subject:  c.SourceRange.Ptr(),
		}})
		return nil
	}
	if !m.isDir(dir) {
		m.root.addDiags(hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Module not found",
			Detail:   fmt.Sprintf("The module source %q resolves to %s, which is not a directory in the scanned tree. Check the source path.", source, m.root.loader.DisplayName(dir)),
			Subject:  c.SourceRange.Ptr(),
		}})
		return nil
	}
	mod := m.root.loader.Module(dir)
	if len(mod.Files) == 0 && !mod.Broken {
		m.root.addDiags(hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Module not found",
			Detail:   fmt.Sprintf("The module source %q resolves to %s, which holds no Terraform configuration files.", source, mod.Name),
			Subject:  c.SourceRange.Ptr(),
		}})
		return nil
	}
	if mod.Broken {
		m.root.addDiags(mod.Diags)
		return nil
	}
	return mod
}

// isDir reports whether dir is a directory of the scanned tree.
func (m *ModuleInstance) isDir(dir string) bool {
	st, err := fs.Stat(m.root.loader.FS(), dir)
	return err == nil && st.IsDir()
}

func (m *ModuleInstance) expandCall(c *parser.ModuleCall) *callExpansion {
	if ce := m.calls[c.Name]; ce != nil {
		return ce
	}
	ce := &callExpansion{}
	m.calls[c.Name] = ce
	mod := m.resolveCall(c)
	if mod != nil {
		names := make([]string, 0, len(c.Inputs))
		for name := range c.Inputs {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			if _, ok := mod.Variables[name]; ok {
				continue
			}
			m.root.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Unsupported argument",
				Detail:   fmt.Sprintf("An argument named %q is not expected here: the module at %s declares no variable %q.", name, mod.Name, name),
				Subject:  c.Inputs[name].NameRange.Ptr(),
			}})
		}
	}
	base := m.callAddr(c.Name)
	reps, keys, mode, uncertain, uexpr := m.expandEnabled(c.Count, c.ForEach, c.Enabled, base)
	ce.mode, ce.uncertain = mode, uncertain
	for i, rep := range reps {
		addr := base + keySuffix(keys[i])
		child := newModuleInstance(m.root, m, c, mod, keys[i], addr)
		child.rep = rep
		child.Uncertain, child.UncertainExpr = uncertain, uexpr
		ce.instances = append(ce.instances, child)
	}
	return ce
}

// keySuffix formats an instance key as Terraform does in addresses.
func keySuffix(k cty.Value) string {
	if k == cty.NilVal {
		return ""
	}
	if !k.IsKnown() {
		return ""
	}
	if k.Type() == cty.Number {
		bf := k.AsBigFloat()
		i, _ := bf.Int64()
		return fmt.Sprintf("[%d]", i)
	}
	return fmt.Sprintf("[%q]", k.AsString())
}

// expandEnabled is expand for blocks that may also carry OpenTofu's
// lifecycle { enabled = ... }: false means no instance, an unknown value
// an uncertain one.
func (m *ModuleInstance) expandEnabled(count, forEach, enabled hcl.Expression, what string) (reps []repetition, keys []cty.Value, mode expansionMode, uncertain bool, uexpr string) {
	reps, keys, mode, uncertain, uexpr = m.expand(count, forEach, what)
	if enabled == nil {
		return reps, keys, mode, uncertain, uexpr
	}
	v := m.evalExpr(enabled, nil)
	origins := Origins(v)
	u, _ := v.UnmarkDeep()
	if u.IsKnown() && !u.IsNull() {
		b, err := convert.Convert(u, cty.Bool)
		if err != nil {
			m.root.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid enabled argument",
				Detail:   "The lifecycle enabled argument must be a bool.",
				Subject:  enabled.Range().Ptr(),
			}})
			return reps, keys, mode, uncertain, uexpr
		}
		if b.False() {
			return nil, nil, mode, false, ""
		}
		return reps, keys, mode, uncertain, uexpr
	}
	if !u.IsKnown() && !uncertain {
		uncertain, uexpr = true, originText(origins, enabled)
	}
	return reps, keys, mode, uncertain, uexpr
}

// expand evaluates count or for_each and returns one repetition per
// instance. When the expansion is unknown it returns a single uncertain
// instance.
func (m *ModuleInstance) expand(count, forEach hcl.Expression, what string) (reps []repetition, keys []cty.Value, mode expansionMode, uncertain bool, uexpr string) {
	switch {
	case count != nil:
		v := m.evalExpr(count, nil)
		origins := Origins(v)
		v, _ = v.UnmarkDeep()
		if !v.IsKnown() {
			why := originText(origins, count)
			return []repetition{{hasCount: true, count: cty.UnknownVal(cty.Number).Mark(Origin{Expr: why})}}, []cty.Value{cty.UnknownVal(cty.Number)}, counted, true, why
		}
		cv, err := convert.Convert(v, cty.Number)
		if err != nil || cv.IsNull() {
			m.root.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid count argument",
				Detail:   "The count argument must be a whole number that is zero or greater.",
				Subject:  count.Range().Ptr(),
			}})
			return nil, nil, counted, false, ""
		}
		bf := cv.AsBigFloat()
		n, acc := bf.Int64()
		if !bf.IsInt() || n < 0 || acc != 0 {
			m.root.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid count argument",
				Detail:   fmt.Sprintf("The count argument must be a whole number that is zero or greater, not %s.", bf.String()),
				Subject:  count.Range().Ptr(),
			}})
			return nil, nil, counted, false, ""
		}
		if n > int64(m.root.opts.MaxInstances) {
			m.root.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Too many instances",
				Detail:   fmt.Sprintf("count expands %s to %d instances, above spillway's limit of %d; its instances are treated as unknown.", what, n, m.root.opts.MaxInstances),
				Subject:  count.Range().Ptr(),
			}})
			return []repetition{{hasCount: true, count: cty.UnknownVal(cty.Number)}}, []cty.Value{cty.UnknownVal(cty.Number)}, counted, true, "count"
		}
		for i := int64(0); i < n; i++ {
			iv := cty.NumberIntVal(i)
			reps = append(reps, repetition{hasCount: true, count: iv})
			keys = append(keys, iv)
		}
		return reps, keys, counted, false, ""
	case forEach != nil:
		v := m.evalExpr(forEach, nil)
		origins := Origins(v)
		top, topMarks := v.Unmark()
		unknownOrigin := Origin{Expr: originText(origins, forEach)}
		unknownRep := []repetition{{hasEach: true, eachKey: cty.UnknownVal(cty.String).Mark(unknownOrigin), eachVal: cty.DynamicVal.Mark(unknownOrigin)}}
		if !top.IsKnown() {
			return unknownRep, []cty.Value{cty.UnknownVal(cty.String)}, keyed, true, originText(origins, forEach)
		}
		ty := top.Type()
		if top.IsNull() || (!ty.IsMapType() && !ty.IsObjectType() && !ty.IsSetType()) {
			m.root.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Invalid for_each argument",
				Detail:   fmt.Sprintf("The for_each argument must be a map, or a set of strings, and you have provided a value of type %s.", ty.FriendlyName()),
				Subject:  forEach.Range().Ptr(),
			}})
			return nil, nil, keyed, false, ""
		}
		if ty.IsSetType() && !top.IsWhollyKnown() {
			return unknownRep, []cty.Value{cty.UnknownVal(cty.String)}, keyed, true, originText(origins, forEach)
		}
		if top.LengthInt() > m.root.opts.MaxInstances {
			m.root.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Too many instances",
				Detail:   fmt.Sprintf("for_each expands %s to %d instances, above spillway's limit of %d; its instances are treated as unknown.", what, top.LengthInt(), m.root.opts.MaxInstances),
				Subject:  forEach.Range().Ptr(),
			}})
			return unknownRep, []cty.Value{cty.UnknownVal(cty.String)}, keyed, true, "for_each"
		}
		for it := top.ElementIterator(); it.Next(); {
			k, ev := it.Element()
			if ty.IsSetType() {
				sk, _ := k.Unmark()
				if sk.Type() != cty.String {
					conv, err := convert.Convert(sk, cty.String)
					if err != nil {
						m.root.addDiags(hcl.Diagnostics{{
							Severity: hcl.DiagError,
							Summary:  "Invalid for_each set argument",
							Detail:   "The given for_each argument value is unsuitable: a set used in for_each must hold strings.",
							Subject:  forEach.Range().Ptr(),
						}})
						return nil, nil, keyed, false, ""
					}
					sk = conv
				}
				k = sk
				ev = sk
			}
			if !ty.IsSetType() {
				ev = withEachOrigins(ev, forEachElement(forEach, k))
			}
			reps = append(reps, repetition{hasEach: true, eachKey: k, eachVal: ev.WithMarks(topMarks)})
			keys = append(keys, k)
		}
		return reps, keys, keyed, false, ""
	}
	return []repetition{{}}, []cty.Value{cty.NilVal}, single, false, ""
}

func originText(origins []string, expr hcl.Expression) string {
	if len(origins) > 0 {
		return strings.Join(origins, ", ")
	}
	return exprText(expr)
}

// ExprText returns a short description of an expression for users: the
// references it makes, such as "var.reserved", or its position.
func ExprText(expr hcl.Expression) string { return exprText(expr) }

// Describe returns what made an evaluated value unknown: the Origin marks
// it carries, or else the references of its expression.
func Describe(v Value) string {
	if v.Val != cty.NilVal {
		if o := Origins(v.Val); len(o) > 0 {
			return strings.Join(o, ", ")
		}
	}
	if v.Expr != nil {
		return exprText(v.Expr)
	}
	return ""
}

func exprText(expr hcl.Expression) string {
	var parts []string
	seen := map[string]bool{}
	for _, t := range expr.Variables() {
		s := traversalString(t)
		if !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	sort.Strings(parts)
	if len(parts) > 0 {
		return strings.Join(parts, ", ")
	}
	return "the expression at " + expr.Range().String()
}

func traversalString(t hcl.Traversal) string {
	var b strings.Builder
	for _, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			b.WriteString(s.Name)
		case hcl.TraverseAttr:
			b.WriteString("." + s.Name)
		case hcl.TraverseIndex:
			switch {
			case s.Key.Type() == cty.String && s.Key.IsKnown():
				fmt.Fprintf(&b, "[%q]", s.Key.AsString())
			case s.Key.Type() == cty.Number && s.Key.IsKnown():
				b.WriteString("[" + s.Key.AsBigFloat().Text('f', -1) + "]")
			default:
				b.WriteString("[...]")
			}
		case hcl.TraverseSplat:
			b.WriteString("[*]")
		}
	}
	return b.String()
}

// remoteDir finds the directory of a remote module: the one terraform
// init installed (.terraform/modules/modules.json), else the package the
// fetcher finds in the module cache or downloads, mounted in the loader.
// When there is none it reports a note and returns false.
func (m *ModuleInstance) remoteDir(c *parser.ModuleCall, source string) (string, bool) {
	installed := m.root.loader.InstalledModules(m.root.Module.Module.Dir)
	if d, ok := installed[m.modulePathKey(c.Name)]; ok && m.isDir(d) {
		return d, true
	}
	// A manifest entry whose directory is gone needs terraform init
	// again; the cache may still have the module.
	f := m.root.opts.Fetcher
	if f == nil {
		m.root.note(NoteModuleNotInstalled, "Remote module not installed",
			fmt.Sprintf("The module %q (source %q) is not installed in .terraform/modules, so its resources are not analyzed and its outputs are unknown. Run terraform init to analyze it.", c.Name, source),
			c.SourceRange)
		return "", false
	}
	ctx := m.root.opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	fm, err := f.Fetch(ctx, source, c.Version)
	switch {
	case err == nil && (fm == nil || fm.FS == nil):
		err = errors.New("the fetcher returned no package")
	case errors.Is(err, ErrModuleNotCached):
		m.root.note(NoteModuleNotInstalled, "Remote module not installed",
			fmt.Sprintf("The module %q (source %q) is neither installed in .terraform/modules nor in spillway's module cache, so its resources are not analyzed and its outputs are unknown. Run terraform init, or scan with --download-modules, to analyze it.", c.Name, source),
			c.SourceRange)
		return "", false
	case errors.Is(err, ErrModuleSourceUnsupported):
		m.root.note(NoteModuleSourceUnsupported, "Module source not supported",
			fmt.Sprintf("The module %q has the source %q, which spillway cannot fetch (%s), so its resources are not analyzed and its outputs are unknown. Run terraform init to install it in .terraform/modules.", c.Name, source, err),
			c.SourceRange)
		return "", false
	}
	if err != nil {
		m.root.note(NoteModuleFetchFailed, "Module download failed",
			fmt.Sprintf("The module %q (source %q) could not be fetched: %s. Its resources are not analyzed and its outputs are unknown.", c.Name, source, strings.TrimSuffix(err.Error(), ".")),
			c.SourceRange)
		return "", false
	}
	sub := path.Clean("/" + fm.Subdir)[1:]
	if sub == "" {
		sub = "."
	}
	if !fs.ValidPath(sub) {
		m.root.note(NoteModuleFetchFailed, "Module download failed",
			fmt.Sprintf("The module %q (source %q) names the directory %q inside its package, which is not a valid path.", c.Name, source, fm.Subdir),
			c.SourceRange)
		return "", false
	}
	dir := path.Join(m.root.loader.Mount(fm.Display, fm.FS), sub)
	if !m.isDir(dir) {
		m.root.note(NoteModuleFetchFailed, "Module download failed",
			fmt.Sprintf("The module %q (source %q) names the directory %q, which its package %s does not have.", c.Name, source, sub, fm.Display),
			c.SourceRange)
		return "", false
	}
	return dir, true
}
