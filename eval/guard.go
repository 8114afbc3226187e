package eval

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/spillway-iac/spillway/parser"
)

// DefaultMaxEvaluations is the evaluation budget of one root module when
// Options.MaxEvaluations is zero. Steps are weighted to take about a
// microsecond each: an iteration of a for expression costs one and one
// per two nodes of its body, a function call two, evaluating an argument
// or local value four, and values passed
// to functions, iterated by splats, compared or built into strings are
// charged by their size. The example project uses about a thousand
// steps, and a module with 10,000 instances of a resource some hundred
// thousand; nested loops such as
// [for a in local.thousand: [for b in local.thousand: [for c in
// local.thousand: a*b*c]]] need a billion.
const DefaultMaxEvaluations = 600_000

// MaxEvalDepth bounds how deeply the evaluation of values may recurse: a
// local that refers to a local that refers to a local, and so on.
const MaxEvalDepth = 512

// step charges n units to the evaluation budget and reports whether
// evaluation may go on. The first time the budget runs out it reports an
// error at rng.
func (r *Root) step(n int, rng hcl.Range) bool {
	if r.exhausted {
		return false
	}
	if r.opts.Context != nil {
		r.calls++
		if r.calls%stopCheckEvery == 0 || n >= stopCheckEvery {
			if err := r.opts.Context.Err(); err != nil {
				r.stop(err, rng)
				return false
			}
		}
	}
	r.used += n
	if r.used <= r.opts.MaxEvaluations {
		return true
	}
	r.exhausted = true
	r.addDiags(hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  "Evaluation budget exceeded",
		Detail: fmt.Sprintf("Evaluating this root module took more than %d steps (expressions, iterations and function calls, weighted by the size of their values), spillway's limit, here. The rest of the module's values are treated as unknown, so findings may be missing. Configurations this costly are built to exhaust analyzers: avoid nested for expressions over large collections, or split the root module.",
			r.opts.MaxEvaluations),
		Subject: rng.Ptr(),
	}})
	return false
}

// stopCheckEvery is how many budget checks pass between two looks at
// Options.Context: a check takes about a microsecond, so a cancellation
// is seen within a fraction of a millisecond, and a step charging more
// units than this looks at once.
const stopCheckEvery = 256

// SummaryStopped is the summary of the error reported when
// Options.Context stops an evaluation.
const SummaryStopped = "Analysis stopped"

// stop ends the evaluation because its context is done.
func (r *Root) stop(err error, rng hcl.Range) {
	r.exhausted = true
	name := "."
	if r.Module != nil && r.Module.Module != nil {
		name = r.loader.DisplayName(r.Module.Module.Dir)
	}
	reason := "it was canceled"
	if errors.Is(err, context.DeadlineExceeded) {
		reason = "its deadline was exceeded"
	}
	r.addDiags(hcl.Diagnostics{{
		Severity: hcl.DiagError,
		Summary:  SummaryStopped,
		Detail: fmt.Sprintf("The analysis of the root module %s stopped here because %s. The rest of the module's values are treated as unknown, so findings may be missing.",
			name, reason),
		Subject: rng.Ptr(),
	}})
	// From here on the values are cut short, so what goes wrong with
	// them is not reported (see addDiags).
	r.stopped = fmt.Errorf("analysis of root module %s stopped: %w", name, err)
}

// Err returns why the evaluation was stopped by Options.Context (wrapping
// context.Canceled or context.DeadlineExceeded), or nil while it was not.
func (r *Root) Err() error { return r.stopped }

// weight is what passing a value to a function costs the budget on top
// of the call's step, roughly in microseconds: strings by the 256 bytes;
// collections by 8 elements, except tuples and objects whose elements
// have different types, which cty converts to lists and maps in time
// quadratic in their length.
func weight(v cty.Value) int {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return 0
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return len(v.AsString()) / 256
	case ty.IsTupleType() || ty.IsObjectType():
		// Unifying the element types of a tuple or object takes time
		// quadratic in their number unless they are all the same.
		n := v.LengthInt()
		var ets []cty.Type
		if ty.IsTupleType() {
			ets = ty.TupleElementTypes()
		} else {
			for _, at := range ty.AttributeTypes() {
				ets = append(ets, at)
			}
		}
		for _, et := range ets {
			if !et.Equals(ets[0]) {
				return n + n*n/100
			}
		}
		return n / 8
	case ty.IsListType() || ty.IsSetType() || ty.IsMapType():
		return v.LengthInt() / 8
	}
	return 0
}

// guard returns the expression to evaluate for expr: a copy of its syntax
// tree in which for and splat expressions count their iterations against
// the budget and templates check the size of what they build. Only native
// syntax can be guarded; other expressions are returned as they are.
func (r *Root) guard(expr hcl.Expression) hcl.Expression {
	se, ok := expr.(hclsyntax.Expression)
	if !ok {
		// JSON expressions with loops are rebuilt in native syntax;
		// the wrappers of dynamic blocks wrap guarded expressions
		// already.
		return r.guardJSON(expr)
	}
	if g, ok := r.guarded[se]; ok {
		return g
	}
	out := expr
	if t, changed := r.transform(se); changed {
		out = t
		r.original[t] = expr
		r.guarded[t] = t
	}
	r.guarded[se] = out
	return out
}

// originalExpr returns the expression a guarded copy was made from.
func (r *Root) originalExpr(expr hcl.Expression) hcl.Expression {
	if se, ok := expr.(hclsyntax.Expression); ok {
		if o, ok := r.original[se]; ok {
			return o
		}
	}
	return expr
}

// guardBody returns a copy of a configuration body whose expressions are
// guarded, so that dynamic blocks and arguments read from it count too.
func (r *Root) guardBody(body hcl.Body) hcl.Body {
	if reflect.ValueOf(body).Kind() != reflect.Pointer {
		return body
	}
	if b, ok := r.guardedBodies[body]; ok {
		return b
	}
	out := parser.MapExpressions(body, func(e hclsyntax.Expression) hclsyntax.Expression {
		g := r.guard(e)
		if ge, ok := g.(hclsyntax.Expression); ok {
			return ge
		}
		return e
	})
	r.guardedBodies[body] = out
	return out
}

// transform copies the nodes of e on the way to every for expression,
// splat, template and equality test, wrapping those in guards. It returns
// e itself when nothing needs a guard.
func (r *Root) transform(e hclsyntax.Expression) (hclsyntax.Expression, bool) {
	if e == nil {
		return nil, false
	}
	tr := func(x hclsyntax.Expression, changed *bool) hclsyntax.Expression {
		t, ch := r.transform(x)
		if ch {
			*changed = true
		}
		return t
	}
	changed := false
	switch e := e.(type) {
	case *hclsyntax.ForExpr:
		c := *e
		c.CollExpr = &collGuard{Expression: tr(e.CollExpr, &changed), r: r}
		c.ValExpr = &iterGuard{Expression: tr(e.ValExpr, &changed), r: r, cost: iterCost(e.ValExpr)}
		if e.KeyExpr != nil {
			c.KeyExpr = &iterGuard{Expression: tr(e.KeyExpr, &changed), r: r, cost: iterCost(e.KeyExpr)}
		}
		if e.CondExpr != nil {
			c.CondExpr = &iterGuard{Expression: tr(e.CondExpr, &changed), r: r, cost: iterCost(e.CondExpr)}
		}
		return &forGuard{Expression: &c, r: r}, true
	case *hclsyntax.SplatExpr:
		c := *e
		c.Source = tr(e.Source, &changed)
		c.Each = tr(e.Each, &changed)
		return &splatGuard{Expression: &c, splat: &c, r: r}, true
	case *hclsyntax.TemplateExpr:
		c := *e
		c.Parts = make([]hclsyntax.Expression, len(e.Parts))
		dynamic := 0
		for i, p := range e.Parts {
			c.Parts[i] = tr(p, &changed)
			if _, lit := p.(*hclsyntax.LiteralValueExpr); !lit {
				dynamic++
			}
		}
		if dynamic > 0 && len(e.Parts) > 1 {
			return &templateGuard{Expression: &c, tmpl: &c, r: r}, true
		}
		if !changed {
			return e, false
		}
		return &c, true
	case *hclsyntax.TemplateJoinExpr:
		c := *e
		c.Tuple = tr(e.Tuple, &changed)
		return &joinGuard{Expression: &c, join: &c, r: r}, true
	case *hclsyntax.BinaryOpExpr:
		c := *e
		c.LHS = tr(e.LHS, &changed)
		c.RHS = tr(e.RHS, &changed)
		if e.Op == hclsyntax.OpEqual || e.Op == hclsyntax.OpNotEqual {
			return &eqGuard{Expression: &c, op: &c, r: r}, true
		}
		if !changed {
			return e, false
		}
		return &c, true
	case *hclsyntax.ParenthesesExpr:
		c := *e
		c.Expression = tr(e.Expression, &changed)
		if !changed {
			return e, false
		}
		return &c, true
	case *hclsyntax.RelativeTraversalExpr:
		c := *e
		c.Source = tr(e.Source, &changed)
		if !changed {
			return e, false
		}
		return &c, true
	case *hclsyntax.FunctionCallExpr:
		c := *e
		c.Args = make([]hclsyntax.Expression, len(e.Args))
		for i, a := range e.Args {
			c.Args[i] = tr(a, &changed)
		}
		if e.Name == "try" || e.Name == "can" {
			// Their arguments are expressions, evaluated inside.
			if !changed {
				return e, false
			}
			return &c, true
		}
		return &callGuard{Expression: &c, call: &c, r: r}, true
	case *hclsyntax.ConditionalExpr:
		c := *e
		c.Condition = tr(e.Condition, &changed)
		c.TrueResult = tr(e.TrueResult, &changed)
		c.FalseResult = tr(e.FalseResult, &changed)
		if !changed {
			return e, false
		}
		return &c, true
	case *hclsyntax.IndexExpr:
		c := *e
		c.Collection = tr(e.Collection, &changed)
		c.Key = tr(e.Key, &changed)
		if !changed {
			return e, false
		}
		return &c, true
	case *hclsyntax.TupleConsExpr:
		c := *e
		c.Exprs = make([]hclsyntax.Expression, len(e.Exprs))
		for i, x := range e.Exprs {
			c.Exprs[i] = tr(x, &changed)
		}
		if !changed {
			return e, false
		}
		return &c, true
	case *hclsyntax.ObjectConsExpr:
		c := *e
		c.Items = make([]hclsyntax.ObjectConsItem, len(e.Items))
		for i, it := range e.Items {
			c.Items[i] = hclsyntax.ObjectConsItem{KeyExpr: tr(it.KeyExpr, &changed), ValueExpr: tr(it.ValueExpr, &changed)}
		}
		if !changed {
			return e, false
		}
		return &c, true
	case *hclsyntax.ObjectConsKeyExpr:
		c := *e
		c.Wrapped = tr(e.Wrapped, &changed)
		if !changed {
			return e, false
		}
		return &c, true
	case *hclsyntax.UnaryOpExpr:
		c := *e
		c.Val = tr(e.Val, &changed)
		if !changed {
			return e, false
		}
		return &c, true
	case *hclsyntax.TemplateWrapExpr:
		c := *e
		c.Wrapped = tr(e.Wrapped, &changed)
		if !changed {
			return e, false
		}
		return &c, true
	}
	// Literals, traversals, anonymous splat symbols and syntax errors
	// have no children to guard.
	return e, false
}

// iterGuard counts one step per evaluation: one iteration of a for
// expression. Once the budget is gone it yields unknown values, so the
// remaining iterations cost next to nothing.
type iterGuard struct {
	hclsyntax.Expression
	r    *Root
	cost int
}

// iterCost is what one evaluation of a loop body costs: one step, and one
// more for every two nodes of its syntax tree, since operators, indexes
// and conversions take about a microsecond each.
func iterCost(e hclsyntax.Expression) int {
	n := 0
	_ = hclsyntax.VisitAll(e, func(hclsyntax.Node) hcl.Diagnostics {
		n++
		return nil
	})
	return 1 + n/2
}

func (g *iterGuard) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if !g.r.step(g.cost, g.Range()) {
		return cty.DynamicVal, nil
	}
	return g.Expression.Value(ctx)
}

// forGuard turns the long tuples that for expressions build into lists
// (see normalizeTuple), so that converting them later stays cheap.
type forGuard struct {
	hclsyntax.Expression
	r *Root
}

func (g *forGuard) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	v, diags := g.Expression.Value(ctx)
	n, err := normalizeTuple(v)
	if err != nil {
		return cty.DynamicVal, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Too many elements",
			Detail:   fmt.Sprintf("This for expression builds a tuple of %d elements of different types, above spillway's limit of %d, so its value is treated as unknown. Build elements of one type.", lengthOf(v), maxMixedTuple),
			Subject:  g.Range().Ptr(),
		})
	}
	return n, diags
}

// collGuard evaluates the collection of a for expression only while the
// budget lasts, so nested loops stop as soon as it is gone.
type collGuard struct {
	hclsyntax.Expression
	r *Root
}

func (g *collGuard) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if !g.r.step(1, g.Range()) {
		return cty.DynamicVal, nil
	}
	return g.Expression.Value(ctx)
}

// splatGuard charges a splat expression by the size of its source.
type splatGuard struct {
	hclsyntax.Expression
	splat *hclsyntax.SplatExpr
	r     *Root
}

func (g *splatGuard) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	src, diags := g.splat.Source.Value(ctx)
	if !g.r.step(1+lengthOf(src), g.Range()) {
		return cty.DynamicVal, diags
	}
	c := *g.splat
	c.Source = &hclsyntax.LiteralValueExpr{Val: src, SrcRange: g.splat.Source.Range()}
	v, more := c.Value(ctx)
	return v, append(diags, more...)
}

// maxCallElements bounds the values, counted deeply, passed to one
// function call: cty walks all of them before the call.
const maxCallElements = 1 << 20

// callGuard evaluates the arguments of a function call first, so that
// arguments too large to pass (cty walks them whole before each call) are
// refused before the walk, and calls stop once the budget is gone.
type callGuard struct {
	hclsyntax.Expression
	call *hclsyntax.FunctionCallExpr
	r    *Root
}

func (g *callGuard) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	if g.r.exhausted {
		return cty.DynamicVal, nil
	}
	var diags hcl.Diagnostics
	c := *g.call
	c.Args = make([]hclsyntax.Expression, len(g.call.Args))
	n := 0
	for i, a := range g.call.Args {
		v, d := a.Value(ctx)
		diags = append(diags, d...)
		if v == cty.NilVal {
			v = cty.DynamicVal
		}
		n += deepCount(v, maxCallElements-n)
		c.Args[i] = &literal{LiteralValueExpr: &hclsyntax.LiteralValueExpr{Val: v, SrcRange: a.Range()}, start: a.StartRange()}
	}
	if diags.HasErrors() {
		// As hcl does: a call with broken arguments is not made.
		return cty.DynamicVal, diags
	}
	if n >= maxCallElements {
		return cty.DynamicVal, append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Function arguments too large",
			Detail:   fmt.Sprintf("The arguments of this call to %s hold more than %d values, above spillway's limit, so its result is treated as unknown. Pass smaller collections.", g.call.Name, maxCallElements),
			Subject:  g.Range().Ptr(),
		})
	}
	if !g.r.step(n/2, g.Range()) {
		return cty.DynamicVal, diags
	}
	v, more := c.Value(ctx)
	return v, append(diags, more...)
}

// literal is an evaluated argument that keeps the start range of its
// expression, where hcl reports problems with it.
type literal struct {
	*hclsyntax.LiteralValueExpr
	start hcl.Range
}

func (l *literal) StartRange() hcl.Range { return l.start }

// deepCount counts the values in v, stopping at limit.
func deepCount(v cty.Value, limit int) int {
	if limit <= 0 {
		return 0
	}
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
		return 1
	}
	n := 1
	for it := v.ElementIterator(); it.Next() && n < limit; {
		_, e := it.Element()
		n += deepCount(e, limit-n)
	}
	return n
}

// eqGuard charges == and != by the size of their operands, since comparing
// collections walks them.
type eqGuard struct {
	hclsyntax.Expression
	op *hclsyntax.BinaryOpExpr
	r  *Root
}

func (g *eqGuard) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	lhs, diags := g.op.LHS.Value(ctx)
	rhs, more := g.op.RHS.Value(ctx)
	diags = append(diags, more...)
	if !g.r.step(1+lengthOf(lhs)+lengthOf(rhs), g.Range()) {
		return cty.UnknownVal(cty.Bool), diags
	}
	c := *g.op
	c.LHS = &hclsyntax.LiteralValueExpr{Val: lhs, SrcRange: g.op.LHS.Range()}
	c.RHS = &hclsyntax.LiteralValueExpr{Val: rhs, SrcRange: g.op.RHS.Range()}
	v, more := c.Value(ctx)
	return v, append(diags, more...)
}

// templateGuard evaluates the parts of a string template first and builds
// the string only when it stays within MaxStringLength.
type templateGuard struct {
	hclsyntax.Expression
	tmpl *hclsyntax.TemplateExpr
	r    *Root
}

func (g *templateGuard) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	var diags hcl.Diagnostics
	parts := make([]hclsyntax.Expression, len(g.tmpl.Parts))
	total := 0
	for i, p := range g.tmpl.Parts {
		v, d := p.Value(ctx)
		diags = append(diags, d...)
		if v == cty.NilVal {
			v = cty.DynamicVal
		}
		total += stringSize(v)
		parts[i] = &hclsyntax.LiteralValueExpr{Val: v, SrcRange: p.Range()}
	}
	if total > MaxStringLength {
		return cty.UnknownVal(cty.String), append(diags, tooLongDiag(g.Range(), total))
	}
	if !g.r.step(1+total/256, g.Range()) {
		return cty.UnknownVal(cty.String), diags
	}
	c := *g.tmpl
	c.Parts = parts
	v, more := c.Value(ctx)
	return v, append(diags, more...)
}

// joinGuard is templateGuard for the loops of a template (%{ for }).
type joinGuard struct {
	hclsyntax.Expression
	join *hclsyntax.TemplateJoinExpr
	r    *Root
}

func (g *joinGuard) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	tuple, diags := g.join.Tuple.Value(ctx)
	u, marks := tuple.Unmark()
	if u.IsNull() || !u.IsKnown() || (!u.Type().IsTupleType() && !u.Type().IsListType()) {
		return cty.UnknownVal(cty.String), diags
	}
	if u.Type().IsListType() {
		// forGuard made a long loop's tuple a list; the join wants
		// the tuple back.
		var elems []cty.Value
		for it := u.ElementIterator(); it.Next(); {
			_, e := it.Element()
			elems = append(elems, e)
		}
		tuple = cty.TupleVal(elems).WithMarks(marks)
	}
	total := 0
	for it := u.ElementIterator(); it.Next(); {
		_, e := it.Element()
		total += stringSize(e)
		if total > MaxStringLength {
			return cty.UnknownVal(cty.String), append(diags, tooLongDiag(g.Range(), total))
		}
	}
	if !g.r.step(1+total/256, g.Range()) {
		return cty.UnknownVal(cty.String), diags
	}
	c := *g.join
	c.Tuple = &hclsyntax.LiteralValueExpr{Val: tuple, SrcRange: g.join.Tuple.Range()}
	v, more := c.Value(ctx)
	return v, append(diags, more...)
}

// stringSize is the length of v as a template part.
func stringSize(v cty.Value) int {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return 0
	}
	if v.Type() == cty.String {
		return len(v.AsString())
	}
	if v.Type().IsPrimitiveType() {
		s, err := convert.Convert(v, cty.String)
		if err == nil {
			return len(s.AsString())
		}
	}
	return 0
}

func tooLongDiag(rng hcl.Range, n int) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "String too long",
		Detail: fmt.Sprintf("This template would build a string of %d bytes, above spillway's limit of %d bytes, so its value is treated as unknown. Strings this long come from configurations built to exhaust memory; build smaller strings.",
			n, MaxStringLength),
		Subject: rng.Ptr(),
	}
}

// Steps returns the evaluation budget used so far.
func (r *Root) Steps() int { return r.used }
