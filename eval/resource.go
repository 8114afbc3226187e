package eval

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/spillway-iac/spillway/parser"
)

// Value is an evaluated argument.
type Value struct {
	// Val is the value; cty.NilVal when the argument is absent.
	Val cty.Value
	// Expr is the expression; nil when the argument is absent.
	Expr hcl.Expression
	// Range is the expression's range, or the enclosing block's range
	// when the argument is absent.
	Range hcl.Range
}

// Present reports whether the argument is written in the configuration.
func (v Value) Present() bool { return v.Expr != nil }

type resExpansion struct {
	res       *parser.Resource
	mode      expansionMode
	instances []*Instance
	state     int
}

// Instance is one instance of a resource block.
type Instance struct {
	Module *ModuleInstance
	Res    *parser.Resource
	// Addr is the absolute address, such as
	// module.a["k"].aws_lambda_function.f[0].
	Addr string
	// Key is the instance key: NilVal, a number or a string.
	Key cty.Value
	// Uncertain reports that the instance stands for an unknown number of
	// instances (an unknown count or for_each here or on a module call).
	Uncertain bool
	// UncertainExpr is the unknown expression behind Uncertain.
	UncertainExpr string
	// Seq orders instances deterministically within a root.
	Seq int

	rep        repetition
	attrs      map[string]Value
	inProgress map[string]bool
	blocks     map[string][]*Block
	members    *members
}

type members struct {
	attrs, blocks map[string]bool
	attrList      []string
	blockList     []string
}

// Type returns the resource type.
func (i *Instance) Type() string { return i.Res.Type }

// Range returns the whole block's range.
func (i *Instance) Range() hcl.Range { return i.Res.Range }

// Instances returns the instances of every resource block of the given type
// in this module instance, in declaration order.
func (m *ModuleInstance) Instances(typ string) []*Instance {
	if m.Module == nil {
		return nil
	}
	if m.byType == nil {
		m.byType = map[string][]*parser.Resource{}
		for _, r := range m.Module.SortedResources() {
			m.byType[r.Type] = append(m.byType[r.Type], r)
		}
	}
	var out []*Instance
	for _, r := range m.byType[typ] {
		out = append(out, m.expandResource(r).instances...)
	}
	return out
}

func (m *ModuleInstance) resourceAddr(r *parser.Resource) string {
	a := r.Key()
	if m.Addr != "" {
		a = m.Addr + "." + a
	}
	return a
}

func (m *ModuleInstance) expandResource(r *parser.Resource) *resExpansion {
	key := r.Key()
	if rx := m.resources[key]; rx != nil {
		if rx.state == 1 {
			m.root.addDiags(hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Cycle in count or for_each",
				Detail:   fmt.Sprintf("The count or for_each of %s depends on the resource itself.", key),
				Subject:  r.DeclRange.Ptr(),
			}})
		}
		return rx
	}
	rx := &resExpansion{res: r, state: 1}
	m.resources[key] = rx
	base := m.resourceAddr(r)
	reps, keys, mode, uncertain, uexpr := m.expandEnabled(r.Count, r.ForEach, r.Enabled, base)
	if !uncertain {
		uncertain, uexpr = m.IsUncertain()
	}
	rx.mode = mode
	for idx, rep := range reps {
		inst := &Instance{
			Module:        m,
			Res:           r,
			Addr:          base + keySuffix(keys[idx]),
			Key:           keys[idx],
			Uncertain:     uncertain,
			UncertainExpr: uexpr,
			Seq:           m.root.nextSeq(),
			rep:           rep,
			attrs:         map[string]Value{},
		}
		rx.instances = append(rx.instances, inst)
		if _, dup := m.root.byAddr[inst.Addr]; !dup {
			m.root.byAddr[inst.Addr] = inst
		}
	}
	rx.state = 2
	return rx
}

// Attr returns the evaluated argument name of the instance. Each argument
// is evaluated with a context holding only what it refers to, so reading a
// literal costs nothing and reading one reference does not evaluate the
// rest of the resource.
func (i *Instance) Attr(name string) Value {
	if v, ok := i.attrs[name]; ok {
		return v
	}
	a := parser.Attribute(i.Res.Config, name)
	if a == nil {
		v := Value{Range: i.Res.Range}
		i.attrs[name] = v
		return v
	}
	if i.inProgress[name] {
		i.Module.root.addDiags(hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cycle between resources",
			Detail:   fmt.Sprintf("The argument %s of %s refers to itself through other resources. Terraform cannot order a cycle.", name, i.Addr),
			Subject:  a.Expr.Range().Ptr(),
		}})
		return Value{Val: cty.DynamicVal, Expr: a.Expr, Range: a.Expr.Range()}
	}
	if i.inProgress == nil {
		i.inProgress = map[string]bool{}
	}
	i.inProgress[name] = true
	v := i.Module.evalExpr(a.Expr, &i.rep)
	delete(i.inProgress, name)
	out := Value{Val: v, Expr: i.Module.root.originalExpr(a.Expr), Range: a.Expr.Range()}
	i.attrs[name] = out
	return out
}

// Blocks returns the nested blocks of the given type, dynamic blocks
// expanded.
func (i *Instance) Blocks(typ string) []*Block {
	if bs, ok := i.blocks[typ]; ok {
		return bs
	}
	bs := blocksOf(i, i.Res.Config, false, typ)
	if i.blocks == nil {
		i.blocks = map[string][]*Block{}
	}
	i.blocks[typ] = bs
	return bs
}

// blocksOf returns the blocks of a type in body. A body that was already
// expanded by dynblock expands nested dynamic blocks itself; a raw body is
// expanded only when it holds dynamic blocks of the type, with a context
// for what those blocks refer to.
func blocksOf(i *Instance, body hcl.Body, expanded bool, typ string) []*Block {
	m := i.Module
	r := m.root
	raw := body
	if !expanded && parser.HasDynamic(body, typ) {
		ctx := m.ctxFor(parser.BlockTraversals(body, typ), &i.rep)
		body = dynblock.Expand(r.guardBody(body), ctx)
		expanded = true
	}
	content, _, diags := body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: typ}}})
	r.addDiags(onlyDynamicDiags(diags))
	var out []*Block
	for _, b := range content.Blocks {
		rng := b.DefRange
		if b.Body != nil {
			rng = hcl.RangeBetween(b.TypeRange, b.Body.MissingItemRange())
		}
		unknown := false
		if ub, ok := b.Body.(hcldec.UnknownBody); ok {
			unknown = ub.Unknown()
		}
		blk := &Block{inst: i, Body: b.Body, expanded: expanded, DefRange: b.DefRange, Range: rng, Unknown: unknown, attrs: map[string]Value{}}
		if unknown {
			blk.ForEach = dynamicForEach(i, raw, typ, b.DefRange)
		}
		out = append(out, blk)
	}
	return out
}

// dynamicForEach describes what makes the for_each of the dynamic block
// of type typ in body unknown (the one whose range holds rng, else the
// only one): the Origin marks its value carries, else its references.
// It returns "" when body is not native syntax or no such block is found.
func dynamicForEach(i *Instance, body hcl.Body, typ string, rng hcl.Range) string {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		return ""
	}
	var found []*hclsyntax.Block
	for _, blk := range sb.Blocks {
		if blk.Type == "dynamic" && len(blk.Labels) > 0 && blk.Labels[0] == typ {
			if blk.Range().Overlaps(rng) {
				found = []*hclsyntax.Block{blk}
				break
			}
			found = append(found, blk)
		}
	}
	if len(found) != 1 {
		return ""
	}
	a := found[0].Body.Attributes["for_each"]
	if a == nil {
		return ""
	}
	return Describe(Value{Val: i.Module.evalExpr(a.Expr, &i.rep), Expr: a.Expr})
}

// onlyDynamicDiags keeps the errors dynblock reports about dynamic blocks
// (a for_each of the wrong type) and drops schema complaints, which come
// from spillway asking for a block the author wrote differently.
func onlyDynamicDiags(diags hcl.Diagnostics) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range diags {
		switch d.Summary {
		case "Invalid dynamic for_each value", "Invalid dynamic iterator name", "Invalid dynamic block label", "Invalid iterator name":
			out = append(out, d)
		}
	}
	return out
}

// Block is one nested block of an instance.
type Block struct {
	inst     *Instance
	Body     hcl.Body
	expanded bool
	DefRange hcl.Range
	Range    hcl.Range
	// Unknown reports a block generated by a dynamic block whose for_each
	// is unknown: there may be any number of such blocks, and all their
	// arguments are unknown.
	Unknown bool
	// ForEach names what makes the for_each of the dynamic block unknown,
	// for an Unknown block; "" when it cannot be told.
	ForEach string
	attrs   map[string]Value
}

// Attr returns the evaluated argument name of the block.
func (b *Block) Attr(name string) Value {
	if v, ok := b.attrs[name]; ok {
		return v
	}
	a := parser.Attribute(b.Body, name)
	if a == nil {
		v := Value{Range: b.Range}
		b.attrs[name] = v
		return v
	}
	m := b.inst.Module
	v := Value{Val: m.evalExpr(a.Expr, &b.inst.rep), Expr: m.root.originalExpr(a.Expr), Range: a.Expr.Range()}
	b.attrs[name] = v
	return v
}

// Blocks returns the nested blocks of the given type.
func (b *Block) Blocks(typ string) []*Block {
	return blocksOf(b.inst, b.Body, b.expanded, typ)
}

func (i *Instance) getMembers() *members {
	if i.members != nil {
		return i.members
	}
	attrs, blocks := parser.Members(i.Res.Config)
	mb := &members{attrs: map[string]bool{}, blocks: map[string]bool{}}
	for _, a := range attrs {
		if a == "count" || a == "for_each" || a == "provider" || a == "depends_on" {
			continue
		}
		mb.attrs[a] = true
		mb.attrList = append(mb.attrList, a)
	}
	for _, b := range blocks {
		if b == "lifecycle" || b == "provisioner" || b == "connection" {
			continue
		}
		mb.blocks[b] = true
		mb.blockList = append(mb.blockList, b)
	}
	i.members = mb
	return mb
}

// computedAttrs are attribute names that resources commonly export and
// that a whole-object reference (a splat, a for expression) may read.
var computedAttrs = []string{
	"alias_arn", "api_endpoint", "arn", "arn_suffix", "bucket", "bucket_domain_name",
	"bucket_regional_domain_name", "dns_name", "domain_name", "endpoint", "execution_arn",
	"function_name", "function_url", "id", "invoke_arn", "invoke_url", "key_id", "name",
	"owner_id", "qualified_arn", "qualified_invoke_arn", "root_resource_id", "stream_arn",
	"stream_label", "tags_all", "url", "url_id", "version", "zone_id",
}

// refValue is the value of instance.attr as seen by another expression:
// the configured value, or an unknown, marked with a Ref either way.
func (i *Instance) refValue(attr string) cty.Value {
	ref := Ref{Addr: i.Addr, Attr: attr}
	mb := i.getMembers()
	if mb.attrs[attr] {
		v := i.Attr(attr).Val
		if v == cty.NilVal {
			v = cty.DynamicVal
		}
		return v.Mark(ref)
	}
	if identityAttrs[attr] {
		if arnAttrs[attr] && i.Res.Mode == parser.Managed && strings.HasPrefix(i.Res.Type, "aws_") {
			// An AWS resource's ARN is never empty: "arn:..." decides
			// compact([...]) and comparisons with "".
			return cty.UnknownVal(cty.String).Refine().NotNull().StringPrefixFull("arn:").NewValue().Mark(ref)
		}
		return cty.UnknownVal(cty.String).RefineNotNull().Mark(ref)
	}
	return cty.DynamicVal.Mark(ref)
}

// identityAttrs are computed attributes that every resource exporting them
// sets to a non-null string (its ARN, ID, name or URL), so a comparison
// with null decides before apply.
var identityAttrs = map[string]bool{
	"arn": true, "id": true, "invoke_arn": true, "qualified_arn": true, "qualified_invoke_arn": true,
	"url": true, "stream_arn": true, "execution_arn": true, "root_resource_id": true,
	"api_endpoint": true, "invoke_url": true, "function_url": true, "url_id": true,
	"arn_suffix": true, "dns_name": true, "key_id": true, "bucket_domain_name": true,
	"bucket_regional_domain_name": true,
}

// arnAttrs are the identity attributes that hold an ARN whenever the
// resource exists (not stream_arn: a table without a stream has "").
var arnAttrs = map[string]bool{
	"arn": true, "invoke_arn": true, "qualified_arn": true, "qualified_invoke_arn": true,
	"execution_arn": true,
}

// objectValue is the instance as an object holding the named attributes,
// or every configured and commonly computed attribute when all is set.
func (i *Instance) objectValue(n *need) cty.Value {
	names := map[string]bool{}
	if n.all {
		mb := i.getMembers()
		for _, a := range mb.attrList {
			names[a] = true
		}
		for _, b := range mb.blockList {
			names[b] = true
		}
		for _, a := range computedAttrs {
			names[a] = true
		}
	}
	for a := range n.attrs {
		names[a] = true
	}
	sorted := make([]string, 0, len(names))
	for a := range names {
		sorted = append(sorted, a)
	}
	sort.Strings(sorted)
	obj := make(map[string]cty.Value, len(sorted))
	for _, a := range sorted {
		obj[a] = i.refValue(a)
	}
	if n.all {
		return cty.ObjectVal(obj).Mark(resourceObject{addr: i.Addr})
	}
	return cty.ObjectVal(obj)
}

// resourceValue is the value of a reference to a whole resource block:
// an object, a tuple of objects (count) or an object of objects
// (for_each).
func (m *ModuleInstance) resourceValue(r *parser.Resource, n *need) cty.Value {
	rx := m.expandResource(r)
	if rx.state == 1 {
		return cty.DynamicVal
	}
	if !m.root.step(len(rx.instances), r.DeclRange) {
		return cty.DynamicVal
	}
	if len(rx.instances) == 1 && rx.instances[0].Uncertain && rx.mode != single {
		inst := rx.instances[0]
		return cty.DynamicVal.Mark(Ref{Addr: inst.Addr}).Mark(Origin{Expr: inst.UncertainExpr})
	}
	switch rx.mode {
	case counted:
		if len(rx.instances) == 0 {
			return cty.EmptyTupleVal
		}
		vals := make([]cty.Value, len(rx.instances))
		for idx, inst := range rx.instances {
			vals[idx] = inst.objectValue(n)
		}
		return cty.TupleVal(vals)
	case keyed:
		if len(rx.instances) == 0 {
			return cty.EmptyObjectVal
		}
		vals := make(map[string]cty.Value, len(rx.instances))
		for _, inst := range rx.instances {
			vals[inst.Key.AsString()] = inst.objectValue(n)
		}
		return cty.ObjectVal(vals)
	default:
		if len(rx.instances) == 0 {
			// Disabled with lifecycle { enabled = false }: Terraform
			// and OpenTofu evaluate the reference to null.
			return cty.NullVal(cty.DynamicPseudoType)
		}
		return rx.instances[0].objectValue(n)
	}
}
