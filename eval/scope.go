package eval

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/parser"
)

// need records which attributes of a resource or module instance an
// expression reads.
type need struct {
	all   bool
	attrs map[string]bool
}

func (n *need) add(t hcl.Traversal, from int) {
	i := from
	if i < len(t) {
		if _, ok := t[i].(hcl.TraverseIndex); ok {
			i++
		}
	}
	if i < len(t) {
		if a, ok := t[i].(hcl.TraverseAttr); ok {
			if n.attrs == nil {
				n.attrs = map[string]bool{}
			}
			n.attrs[a.Name] = true
			return
		}
	}
	n.all = true
}

func attrName(t hcl.Traversal, i int) (string, bool) {
	if i >= len(t) {
		return "", false
	}
	switch s := t[i].(type) {
	case hcl.TraverseAttr:
		return s.Name, true
	case hcl.TraverseIndex:
		if s.Key.Type() == cty.String && s.Key.IsKnown() {
			return s.Key.AsString(), true
		}
	}
	return "", false
}

// ctxFor builds an evaluation context holding exactly what the given
// traversals refer to, evaluating those values on demand.
func (m *ModuleInstance) ctxFor(trs []hcl.Traversal, rep *repetition) *hcl.EvalContext {
	if len(trs) == 0 {
		// Most arguments are literals: they share one context with the
		// functions and no variables.
		if m.root.static == nil {
			m.root.static = &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: m.root.funcs}
		}
		return m.root.static
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: m.root.funcs}
	if m.Module == nil {
		return ctx
	}
	// Allocated when a reference needs them: an argument usually refers
	// to one kind of thing, and this runs for every argument evaluated.
	var (
		varNames, localNames map[string]bool
		modNeeds             map[string]*need
		resNeeds             map[string]map[string]*need
		dataRefs             map[string]map[string]map[string]bool
	)
	for _, t := range trs {
		root := t.RootName()
		switch root {
		case "var":
			if n, ok := attrName(t, 1); ok {
				if varNames == nil {
					varNames = map[string]bool{}
				}
				varNames[n] = true
			}
		case "local":
			if n, ok := attrName(t, 1); ok {
				if localNames == nil {
					localNames = map[string]bool{}
				}
				localNames[n] = true
			}
		case "module":
			if n, ok := attrName(t, 1); ok {
				if modNeeds == nil {
					modNeeds = map[string]*need{}
				}
				if modNeeds[n] == nil {
					modNeeds[n] = &need{}
				}
				modNeeds[n].add(t, 2)
			}
		case "data", "ephemeral":
			typ, ok1 := attrName(t, 1)
			name, ok2 := attrName(t, 2)
			if ok1 && ok2 {
				if dataRefs == nil {
					dataRefs = map[string]map[string]map[string]bool{}
				}
				if dataRefs[root] == nil {
					dataRefs[root] = map[string]map[string]bool{}
				}
				if dataRefs[root][typ] == nil {
					dataRefs[root][typ] = map[string]bool{}
				}
				dataRefs[root][typ][name] = true
			}
		case "path":
			ctx.Variables["path"] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(m.pathModule()),
				"root":   cty.StringVal("."),
				"cwd":    cty.UnknownVal(cty.String).Mark(Origin{Expr: "path.cwd"}),
			})
		case "terraform":
			ctx.Variables["terraform"] = cty.ObjectVal(map[string]cty.Value{
				"workspace": cty.StringVal(m.root.opts.Workspace),
				"applying":  cty.False,
			})
		case "count":
			if rep != nil && rep.hasCount {
				ctx.Variables["count"] = cty.ObjectVal(map[string]cty.Value{"index": rep.count})
			}
		case "each":
			if rep != nil && rep.hasEach {
				ctx.Variables["each"] = cty.ObjectVal(map[string]cty.Value{"key": rep.eachKey, "value": rep.eachVal})
			}
		case "self":
			ctx.Variables["self"] = cty.DynamicVal
		default:
			if name, ok := attrName(t, 1); ok {
				if _, isRes := m.Module.Resources[root+"."+name]; isRes {
					if resNeeds == nil {
						resNeeds = map[string]map[string]*need{}
					}
					if resNeeds[root] == nil {
						resNeeds[root] = map[string]*need{}
					}
					if resNeeds[root][name] == nil {
						resNeeds[root][name] = &need{}
					}
					resNeeds[root][name].add(t, 2)
				}
			}
		}
	}
	if len(varNames) > 0 {
		obj := map[string]cty.Value{}
		for n := range varNames {
			obj[n] = m.Var(n)
		}
		ctx.Variables["var"] = cty.ObjectVal(obj)
	}
	if len(localNames) > 0 {
		obj := map[string]cty.Value{}
		for n := range localNames {
			obj[n] = m.Local(n)
		}
		ctx.Variables["local"] = cty.ObjectVal(obj)
	}
	if len(modNeeds) > 0 {
		obj := map[string]cty.Value{}
		for n, nd := range modNeeds {
			key := "module " + n + nd.key()
			v, ok := m.values[key]
			if !ok {
				v = m.moduleValue(n, nd)
				if m.root.depth <= 1 {
					// Values built while an outer evaluation is in
					// progress may hold the unknowns of a cycle.
					m.values[key] = v
				}
			}
			obj[n] = v
		}
		ctx.Variables["module"] = cty.ObjectVal(obj)
	}
	for root, byType := range dataRefs {
		types := map[string]cty.Value{}
		for typ, names := range byType {
			objs := map[string]cty.Value{}
			for name := range names {
				objs[name] = cty.DynamicVal.Mark(Origin{Expr: root + "." + typ + "." + name})
			}
			types[typ] = cty.ObjectVal(objs)
		}
		ctx.Variables[root] = cty.ObjectVal(types)
	}
	for typ, names := range resNeeds {
		objs := map[string]cty.Value{}
		for name, nd := range names {
			r := m.Module.Resources[typ+"."+name]
			key := "resource " + r.Key() + nd.key()
			v, ok := m.values[key]
			if !ok {
				v = m.resourceValue(r, nd)
				if rx := m.resources[r.Key()]; rx != nil && rx.state == 2 {
					m.values[key] = v
				}
			}
			objs[name] = v
		}
		ctx.Variables[typ] = cty.ObjectVal(objs)
	}
	return ctx
}

// key identifies what a need reads, for memoizing.
func (n *need) key() string {
	if n.all {
		return " *"
	}
	return " " + strings.Join(slices.Sorted(maps.Keys(n.attrs)), ",")
}

// moduleValue is the value of module.NAME: an object of outputs, a tuple
// of them (count) or an object of them (for_each).
func (m *ModuleInstance) moduleValue(name string, n *need) cty.Value {
	c := m.Module.ModuleCalls[name]
	if c == nil {
		return cty.DynamicVal
	}
	ce := m.expandCall(c)
	outputsOf := func(child *ModuleInstance) cty.Value {
		if child.Module == nil {
			return cty.DynamicVal.Mark(Origin{Expr: child.Addr})
		}
		obj := map[string]cty.Value{}
		if n.all {
			for o := range child.Module.Outputs {
				obj[o] = child.Output(o)
			}
		}
		for o := range n.attrs {
			if _, ok := child.Module.Outputs[o]; ok {
				obj[o] = child.Output(o)
			}
		}
		return cty.ObjectVal(obj)
	}
	if ce.uncertain {
		return cty.DynamicVal.Mark(Origin{Expr: ce.instances[0].UncertainExpr})
	}
	switch ce.mode {
	case counted:
		if len(ce.instances) == 0 {
			return cty.EmptyTupleVal
		}
		vals := make([]cty.Value, len(ce.instances))
		for i, child := range ce.instances {
			vals[i] = outputsOf(child)
		}
		return cty.TupleVal(vals)
	case keyed:
		if len(ce.instances) == 0 {
			return cty.EmptyObjectVal
		}
		vals := map[string]cty.Value{}
		for _, child := range ce.instances {
			vals[child.Key.AsString()] = outputsOf(child)
		}
		return cty.ObjectVal(vals)
	default:
		if len(ce.instances) == 0 {
			return cty.DynamicVal
		}
		return outputsOf(ce.instances[0])
	}
}

// evalExpr evaluates an expression in this module instance.
func (m *ModuleInstance) evalExpr(expr hcl.Expression, rep *repetition) cty.Value {
	r := m.root
	if !r.enter(expr.Range()) {
		return cty.DynamicVal
	}
	defer r.leave()
	return m.evalWith(expr, m.ctxFor(expr.Variables(), rep))
}

// enter notes one more level of nested value evaluation; past
// MaxEvalDepth it reports an error at rng and returns false.
func (r *Root) enter(rng hcl.Range) bool {
	if r.depth >= MaxEvalDepth {
		r.addDiags(hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Reference chain too long",
			Detail: fmt.Sprintf("Evaluating this expression needs values that depend on one another more than %d levels deep (local values, variables, outputs or resources referring to the next), so it is treated as unknown. Real configurations do not chain this deep; shorten the chain.",
				MaxEvalDepth),
			Subject: rng.Ptr(),
		}})
		return false
	}
	r.depth++
	return true
}

func (r *Root) leave() { r.depth-- }

// evalWith evaluates an expression with a prepared context, turns the
// errors that come from spillway's partial knowledge (unknown functions,
// attributes of resources that only the provider knows) into unknown
// values, and records the parts of unknown templates.
func (m *ModuleInstance) evalWith(expr hcl.Expression, ctx *hcl.EvalContext) cty.Value {
	r := m.root
	guarded := r.guard(expr)
	expr = r.originalExpr(expr)
	if !r.step(4, expr.Range()) {
		return cty.DynamicVal
	}
	prev := r.cur
	r.cur = expr.Range()
	v, diags := guarded.Value(ctx)
	r.cur = prev
	var kept hcl.Diagnostics
	var origins []string
	var refs []Ref
	for _, d := range diags {
		switch {
		case d.Summary == "Call to unknown function":
			origins = append(origins, m.unknownFuncName(d))
			continue
		case d.Summary == "Unsupported attribute" && d.Subject != nil:
			if ref, ok := resourceObjectAttr(d); ok {
				if ref.Addr != "" {
					refs = append(refs, ref)
				}
				continue
			}
			if m.isResourceTraversalAt(expr, *d.Subject) {
				continue
			}
		}
		kept = append(kept, d)
	}
	m.root.addDiags(kept)
	if kept.HasErrors() {
		v = cty.DynamicVal
	}
	if v == cty.NilVal {
		v = cty.DynamicVal
	}
	for _, o := range origins {
		v = v.Mark(Origin{Expr: o})
	}
	for _, r := range refs {
		v = v.Mark(r)
	}
	if !v.IsKnown() && (v.Type() == cty.String || v.Type() == cty.DynamicPseudoType) {
		if parts, ok := m.templateParts(expr, ctx); ok {
			// The marks of the interpolated values (their own
			// templates) do not describe this one.
			return withoutTemplate(v).Mark(TemplateOf{parts: &parts})
		}
	}
	if templateTainted(expr) {
		v = withoutTemplateDeep(v)
	}
	return v
}

func (m *ModuleInstance) unknownFuncName(d *hcl.Diagnostic) string {
	if d.Subject != nil {
		src := m.root.loader.Source(d.Subject.Filename)
		if s, e := d.Subject.Start.Byte, d.Subject.End.Byte; src != nil && s >= 0 && s < e && e <= len(src) {
			name := string(src[s:e])
			if i := strings.IndexByte(name, '('); i >= 0 {
				name = name[:i]
			}
			return strings.TrimSpace(name) + "()"
		}
	}
	return "a function spillway does not evaluate"
}

// resourceObjectAttr recognizes an "Unsupported attribute" error raised
// on a whole resource object (see resourceObject): the attribute is one
// only the provider knows. It returns the reference read, with an empty
// address when the object's resource cannot be told.
func resourceObjectAttr(d *hcl.Diagnostic) (Ref, bool) {
	if d.EvalContext == nil {
		return Ref{}, false
	}
	var trav hcl.Traversal
	var src cty.Value // the value a relative traversal starts from
	switch e := d.Expression.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		trav = e.Traversal
	case *hclsyntax.RelativeTraversalExpr:
		trav = e.Traversal
		v, diags := e.Source.Value(d.EvalContext)
		if diags.HasErrors() {
			return Ref{}, false
		}
		src = v
	default:
		return Ref{}, false
	}
	for i, step := range trav {
		attr, ok := step.(hcl.TraverseAttr)
		if !ok || attr.SrcRange != *d.Subject {
			continue
		}
		var obj, parent cty.Value
		var diags hcl.Diagnostics
		if src == cty.NilVal {
			if i == 0 {
				return Ref{}, false
			}
			obj, diags = trav[:i].TraverseAbs(d.EvalContext)
			if i > 1 {
				parent, _ = trav[:i-1].TraverseAbs(d.EvalContext)
			}
		} else {
			obj, diags = trav[:i].TraverseRel(src)
			if i > 0 {
				parent, _ = trav[:i-1].TraverseRel(src)
			}
		}
		if diags.HasErrors() {
			return Ref{}, false
		}
		addrs := resourceObjectAddrs(obj)
		if len(addrs) == 0 {
			return Ref{}, false
		}
		if len(addrs) > 1 && parent != cty.NilVal {
			// Marks pass from an object to its attributes: the
			// object read is the one whose mark is new at this step.
			inParent := map[string]bool{}
			for _, a := range resourceObjectAddrs(parent) {
				inParent[a] = true
			}
			var fresh []string
			for _, a := range addrs {
				if !inParent[a] {
					fresh = append(fresh, a)
				}
			}
			addrs = fresh
		}
		if len(addrs) != 1 {
			return Ref{Attr: attr.Name}, true
		}
		return Ref{Addr: addrs[0], Attr: attr.Name}, true
	}
	return Ref{}, false
}

// resourceObjectAddrs returns the addresses of the resourceObject marks on
// the top level of v, sorted.
func resourceObjectAddrs(v cty.Value) []string {
	var out []string
	for mk := range v.Marks() {
		if ro, ok := mk.(resourceObject); ok {
			out = append(out, ro.addr)
		}
	}
	sort.Strings(out)
	return out
}

// isResourceTraversalAt reports whether the "Unsupported attribute" error
// at subject comes from a splat over resources of this module, such as
// aws_sqs_queue.q[*].url: the objects of a splat are no longer at hand
// when the error is seen (other reads of whole resource objects are
// recognized by resourceObjectAttr), and the attribute is one only the
// provider knows. Expressions without a native syntax tree (JSON, dynamic
// block content) fall back to whether they refer to a resource at all.
func (m *ModuleInstance) isResourceTraversalAt(expr hcl.Expression, subject hcl.Range) bool {
	if m.Module == nil {
		return false
	}
	se, ok := expr.(hclsyntax.Expression)
	if !ok {
		return m.refersToResource(expr)
	}
	found := false
	_ = hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
		sp, ok := n.(*hclsyntax.SplatExpr)
		if ok && !found && rangeContains(sp.Range(), subject) && !rangeContains(sp.Source.Range(), subject) &&
			m.refersToResource(sp.Source) {
			found = true
		}
		return nil
	})
	return found
}

// refersToResource reports whether expr refers to a managed resource of
// this module.
func (m *ModuleInstance) refersToResource(expr hcl.Expression) bool {
	for _, t := range expr.Variables() {
		name, ok := attrName(t, 1)
		if !ok {
			continue
		}
		if _, isRes := m.Module.Resources[t.RootName()+"."+name]; isRes {
			return true
		}
	}
	return false
}

func rangeContains(outer, inner hcl.Range) bool {
	return outer.Filename == inner.Filename && outer.Start.Byte <= inner.Start.Byte && inner.End.Byte <= outer.End.Byte
}

// jsonString returns the text of a JSON string expression, decoded from
// the source of its file.
func (r *Root) jsonString(expr hcl.Expression) (string, bool) {
	if !hcljson.IsJSONExpression(expr) {
		return "", false
	}
	rng := expr.Range()
	src := r.loader.Source(rng.Filename)
	if src == nil || rng.Start.Byte >= rng.End.Byte || rng.End.Byte > len(src) {
		return "", false
	}
	var s string
	if json.Unmarshal(src[rng.Start.Byte:rng.End.Byte], &s) != nil {
		return "", false
	}
	return s, true
}

// templateParts evaluates the parts of a string template separately, for
// expressions that are templates in native syntax or strings in JSON.
func (m *ModuleInstance) templateParts(expr hcl.Expression, ctx *hcl.EvalContext) ([]cty.Value, bool) {
	var tmpl *hclsyntax.TemplateExpr
	switch e := expr.(type) {
	case *hclsyntax.TemplateExpr:
		tmpl = e
	default:
		s, ok := m.root.jsonString(expr)
		if !ok {
			return nil, false
		}
		rng := expr.Range()
		parsed, diags := hclsyntax.ParseTemplate([]byte(s), rng.Filename, rng.Start)
		if diags.HasErrors() {
			return nil, false
		}
		te, ok := parsed.(*hclsyntax.TemplateExpr)
		if !ok {
			return nil, false
		}
		tmpl = te
	}
	parts := make([]cty.Value, 0, len(tmpl.Parts))
	for _, p := range tmpl.Parts {
		pv, _ := p.Value(ctx)
		if pv == cty.NilVal {
			pv = cty.DynamicVal
		}
		if templateTainted(p) {
			pv = withoutTemplateDeep(pv)
		}
		parts = append(parts, pv)
	}
	return parts, true
}

// validateModule reports references to variables, locals and module calls
// that the module does not declare. It evaluates nothing.
func validateModule(mod *parser.Module) hcl.Diagnostics {
	var trs []hcl.Traversal
	for _, r := range mod.Resources {
		trs = append(trs, parser.Traversals(r.Config)...)
	}
	for _, r := range mod.DataResources {
		trs = append(trs, parser.Traversals(r.Config)...)
	}
	for _, l := range mod.Locals {
		trs = append(trs, l.Expr.Variables()...)
	}
	for _, o := range mod.Outputs {
		if o.Expr != nil {
			trs = append(trs, o.Expr.Variables()...)
		}
	}
	for _, c := range mod.ModuleCalls {
		for _, a := range c.Inputs {
			trs = append(trs, a.Expr.Variables()...)
		}
		if c.Count != nil {
			trs = append(trs, c.Count.Variables()...)
		}
		if c.ForEach != nil {
			trs = append(trs, c.ForEach.Variables()...)
		}
	}
	iterators := map[string]bool{}
	for _, r := range mod.Resources {
		for _, it := range parser.DynamicIterators(r.Config) {
			iterators[it] = true
		}
	}
	for _, r := range mod.DataResources {
		for _, it := range parser.DynamicIterators(r.Config) {
			iterators[it] = true
		}
	}
	var diags hcl.Diagnostics
	for _, t := range trs {
		name, ok := attrName(t, 1)
		if !ok {
			continue
		}
		rng := t.SourceRange()
		switch t.RootName() {
		case "var":
			if _, ok := mod.Variables[name]; !ok {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Reference to undeclared input variable",
					Detail:   "An input variable with the name \"" + name + "\" has not been declared. Declare it with a variable \"" + name + "\" {} block.",
					Subject:  &rng,
				})
			}
		case "local":
			if _, ok := mod.Locals[name]; !ok {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Reference to undeclared local value",
					Detail:   "A local value with the name \"" + name + "\" has not been declared. Declare it in a locals block.",
					Subject:  &rng,
				})
			}
		case "module":
			if _, ok := mod.ModuleCalls[name]; !ok {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Reference to undeclared module",
					Detail:   "No module call named \"" + name + "\" is declared in " + mod.Name + ".",
					Subject:  &rng,
				})
			}
		case "data", "ephemeral":
			rname, ok := attrName(t, 2)
			if !ok {
				continue
			}
			key := t.RootName() + "." + name + "." + rname
			if _, ok := mod.DataResources[key]; !ok {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Reference to undeclared resource",
					Detail:   "A " + t.RootName() + " resource \"" + name + "\" \"" + rname + "\" has not been declared in " + mod.Name + ".",
					Subject:  &rng,
				})
			}
		default:
			root := t.RootName()
			if !strings.Contains(root, "_") || iterators[root] || strings.HasSuffix(rng.Filename, ".json") {
				continue
			}
			if _, ok := mod.Resources[root+"."+name]; !ok {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Reference to undeclared resource",
					Detail:   "A managed resource \"" + root + "\" \"" + name + "\" has not been declared in " + mod.Name + ".",
					Subject:  &rng,
				})
			}
		}
	}
	diags = append(diags, localCycles(mod)...)
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i].Subject, diags[j].Subject
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Start.Byte < b.Start.Byte
	})
	return diags
}

// localCycles reports every cycle among the local values of a module, as
// Terraform does whether or not anything uses them. Each cycle (strongly
// connected component) is reported once, at its first member in source
// order, which is also where evaluation reports it.
func localCycles(mod *parser.Module) hcl.Diagnostics {
	deps := map[string][]string{}
	for name, l := range mod.Locals {
		seen := map[string]bool{}
		for _, t := range l.Expr.Variables() {
			if t.RootName() != "local" {
				continue
			}
			if dep, ok := attrName(t, 1); ok && mod.Locals[dep] != nil && !seen[dep] {
				seen[dep] = true
				deps[name] = append(deps[name], dep)
			}
		}
		sort.Strings(deps[name])
	}
	names := make([]string, 0, len(mod.Locals))
	for n := range mod.Locals {
		names = append(names, n)
	}
	sort.Strings(names)

	// Tarjan's algorithm.
	index := map[string]int{}
	low := map[string]int{}
	onStack := map[string]bool{}
	var stack []string
	var sccs [][]string
	var connect func(v string)
	connect = func(v string) {
		index[v] = len(index)
		low[v] = index[v]
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range deps[v] {
			if _, ok := index[w]; !ok {
				connect(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var scc []string
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				scc = append(scc, w)
				if w == v {
					break
				}
			}
			sccs = append(sccs, scc)
		}
	}
	for _, n := range names {
		if _, ok := index[n]; !ok {
			connect(n)
		}
	}
	var diags hcl.Diagnostics
	for _, scc := range sccs {
		if len(scc) == 1 && !slices.Contains(deps[scc[0]], scc[0]) {
			continue
		}
		diags = append(diags, localCycleDiag(mod, scc))
	}
	return diags
}

// localCycleDiag describes a cycle among the named local values, at the
// first of them in source order.
func localCycleDiag(mod *parser.Module, members []string) *hcl.Diagnostic {
	sorted := append([]string(nil), members...)
	sort.Slice(sorted, func(i, j int) bool {
		a, b := mod.Locals[sorted[i]].Range, mod.Locals[sorted[j]].Range
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Start.Byte < b.Start.Byte
	})
	refs := make([]string, len(sorted))
	for i, n := range sorted {
		refs[i] = "local." + n
	}
	detail := fmt.Sprintf("The local value %q refers to itself. Break the cycle.", sorted[0])
	if len(refs) > 1 {
		detail = fmt.Sprintf("The local values %s refer to each other in a cycle, so none of them has a value. Break the cycle.", strings.Join(refs, ", "))
	}
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Cycle in local values",
		Detail:   detail,
		Subject:  mod.Locals[sorted[0]].Range.Ptr(),
	}
}
