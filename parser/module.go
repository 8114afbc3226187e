package parser

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Mode says which kind of resource block a Resource came from.
type Mode int

// The resource modes.
const (
	Managed Mode = iota
	Data
	Ephemeral
)

// Module is the configuration of one directory.
type Module struct {
	// Dir is the slash-separated directory inside the scanned file system.
	Dir string
	// Name is the directory as shown to users.
	Name string
	// Files are the configuration files in effect, sorted by path.
	Files []*File
	// Tofu reports whether the directory was loaded with OpenTofu's rules.
	Tofu bool
	// Vendored reports that the user does not own the module: terraform
	// init installed it under .terraform, or it was fetched into the
	// module cache and mounted (IsVendored of Dir). Its files must not
	// be edited, and findings in it belong at the user's module call.
	Vendored bool

	Variables   map[string]*Variable
	Locals      map[string]*Local
	Outputs     map[string]*Output
	ModuleCalls map[string]*ModuleCall
	// Resources holds managed resources keyed by "type.name".
	Resources map[string]*Resource
	// DataResources holds data and ephemeral resources keyed by
	// "data.type.name" or "ephemeral.type.name".
	DataResources map[string]*Resource

	// VarFiles are the variable definitions files Terraform reads for a
	// root module in this directory, in precedence order (lowest first):
	// terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json)
	// in name order.
	VarFiles []string
	// Broken reports that a file of the module could not be read or parsed;
	// such a module is reported but not evaluated.
	Broken bool
	// Diags holds every problem found while loading the module.
	Diags hcl.Diagnostics
}

// Variable is a variable block.
type Variable struct {
	Name      string
	Type      hcl.Expression // nil when absent
	Default   hcl.Expression // nil when absent
	Nullable  hcl.Expression // nil when absent
	DeclRange hcl.Range
}

// Local is one local value.
type Local struct {
	Name  string
	Expr  hcl.Expression
	Range hcl.Range
}

// Output is an output block.
type Output struct {
	Name      string
	Expr      hcl.Expression // nil when absent
	DeclRange hcl.Range
}

// ModuleCall is a module block.
type ModuleCall struct {
	Name        string
	Source      string
	SourceRange hcl.Range
	// SourceExpr is the source expression when it is not a literal:
	// OpenTofu evaluates variables and locals in it ("early evaluation").
	SourceExpr hcl.Expression
	// Version is the version constraint of a registry module ("~> 1.0"),
	// "" when absent or not a literal string.
	Version      string
	VersionRange hcl.Range
	Count        hcl.Expression // nil when absent
	ForEach      hcl.Expression // nil when absent
	// Enabled is OpenTofu's lifecycle { enabled = ... }; nil when absent.
	Enabled   hcl.Expression
	Inputs    hcl.Attributes
	DeclRange hcl.Range
	Range     hcl.Range
}

// Resource is a resource, data or ephemeral block.
type Resource struct {
	Mode    Mode
	Type    string
	Name    string
	Count   hcl.Expression // nil when absent
	ForEach hcl.Expression // nil when absent
	// Enabled is OpenTofu's lifecycle { enabled = ... }: false means the
	// resource does not exist. Nil when absent.
	Enabled hcl.Expression
	// Config is the block body with override files merged in.
	Config hcl.Body
	// DeclRange covers the block header; Range the whole block.
	DeclRange hcl.Range
	Range     hcl.Range
	// Order is the position of the block in the module (file order, then
	// source order), for deterministic iteration.
	Order int
}

// Key returns "type.name" (prefixed by "data." or "ephemeral." for those modes).
func (r *Resource) Key() string {
	switch r.Mode {
	case Data:
		return "data." + r.Type + "." + r.Name
	case Ephemeral:
		return "ephemeral." + r.Type + "." + r.Name
	default:
		return r.Type + "." + r.Name
	}
}

// SortedResources returns the managed resources in declaration order.
func (m *Module) SortedResources() []*Resource {
	out := make([]*Resource, 0, len(m.Resources))
	for _, r := range m.Resources {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

// SortedCalls returns the module calls sorted by name.
func (m *Module) SortedCalls() []*ModuleCall {
	out := make([]*ModuleCall, 0, len(m.ModuleCalls))
	for _, c := range m.ModuleCalls {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

var fileSchema = &hcl.BodySchema{
	Blocks: []hcl.BlockHeaderSchema{
		{Type: "terraform"},
		{Type: "provider", LabelNames: []string{"name"}},
		{Type: "variable", LabelNames: []string{"name"}},
		{Type: "locals"},
		{Type: "output", LabelNames: []string{"name"}},
		{Type: "module", LabelNames: []string{"name"}},
		{Type: "resource", LabelNames: []string{"type", "name"}},
		{Type: "data", LabelNames: []string{"type", "name"}},
		{Type: "ephemeral", LabelNames: []string{"type", "name"}},
		{Type: "moved"},
		{Type: "import"},
		{Type: "removed"},
		{Type: "check", LabelNames: []string{"name"}},
	},
}

var resourceMetaSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}},
}

var variableSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "type"}, {Name: "default"}, {Name: "nullable"},
		{Name: "description"}, {Name: "sensitive"}, {Name: "ephemeral"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "validation"}},
}

var outputSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "value"}, {Name: "description"}, {Name: "sensitive"},
		{Name: "depends_on"}, {Name: "ephemeral"},
	},
	Blocks: []hcl.BlockHeaderSchema{{Type: "precondition"}},
}

var moduleMetaNames = map[string]bool{
	"source": true, "version": true, "count": true, "for_each": true,
	"providers": true, "depends_on": true,
}

// isVarFile reports whether Terraform reads a file of this name as root
// variable values.
func isVarFile(name string) bool {
	return name == "terraform.tfvars" || name == "terraform.tfvars.json" ||
		strings.HasSuffix(name, ".auto.tfvars") || strings.HasSuffix(name, ".auto.tfvars.json")
}

// sortVarFiles orders variable files by Terraform's precedence.
func sortVarFiles(names []string) {
	rank := func(n string) int {
		switch n {
		case "terraform.tfvars":
			return 0
		case "terraform.tfvars.json":
			return 1
		}
		return 2
	}
	sort.SliceStable(names, func(i, j int) bool {
		ri, rj := rank(names[i]), rank(names[j])
		if ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
}

// isOverride reports whether a configuration file name is an override file.
func isOverride(name string) bool {
	base := name
	for _, ext := range []string{".tofu.json", ".tf.json", ".tofu", ".tf"} {
		if strings.HasSuffix(base, ext) {
			base = strings.TrimSuffix(base, ext)
			break
		}
	}
	return base == "override" || strings.HasSuffix(base, "_override")
}

// selectFiles applies OpenTofu's replacement rule to the file names of one
// directory: when any .tofu or .tofu.json file exists, x.tofu replaces x.tf
// and x.tofu.json replaces x.tf.json; otherwise .tofu files are ignored.
func selectFiles(names []string) (selected []string, tofu bool) {
	set := map[string]bool{}
	for _, n := range names {
		set[n] = true
		if strings.HasSuffix(n, ".tofu") || strings.HasSuffix(n, ".tofu.json") {
			tofu = true
		}
	}
	for _, n := range names {
		switch {
		case strings.HasSuffix(n, ".tofu"), strings.HasSuffix(n, ".tofu.json"):
			if tofu {
				selected = append(selected, n)
			}
		case strings.HasSuffix(n, ".tf.json"):
			if !tofu || !set[strings.TrimSuffix(n, ".tf.json")+".tofu.json"] {
				selected = append(selected, n)
			}
		case strings.HasSuffix(n, ".tf"):
			if !tofu || !set[strings.TrimSuffix(n, ".tf")+".tofu"] {
				selected = append(selected, n)
			}
		}
	}
	sort.Strings(selected)
	return selected, tofu
}

func (l *Loader) loadModule(dir string) *Module {
	m := &Module{
		Dir:           dir,
		Name:          l.DisplayName(dir),
		Vendored:      IsVendored(dir),
		Variables:     map[string]*Variable{},
		Locals:        map[string]*Local{},
		Outputs:       map[string]*Output{},
		ModuleCalls:   map[string]*ModuleCall{},
		Resources:     map[string]*Resource{},
		DataResources: map[string]*Resource{},
	}
	entries, err := l.readDir(dir)
	if err != nil {
		m.Broken = true
		m.Diags = append(m.Diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unreadable module directory",
			Detail:   fmt.Sprintf("The directory %s could not be read: %s.", m.Name, cleanErr(err)),
			Subject:  &hcl.Range{Filename: m.Name, Start: hcl.InitialPos, End: hcl.InitialPos},
		})
		return m
	}
	var names []string
	regular := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() && isVarFile(e.Name()) {
			m.VarFiles = append(m.VarFiles, e.Name())
		}
		if e.IsDir() || !IsConfigFile(e.Name()) {
			continue
		}
		p := path.Join(dir, e.Name())
		if l.opts.Exclude != nil && packageRoot(p) == "" && l.opts.Exclude(p) {
			continue
		}
		names = append(names, e.Name())
		if e.Type().IsRegular() {
			regular[e.Name()] = true
		}
	}
	sortVarFiles(m.VarFiles)
	names, m.Tofu = selectFiles(names)
	var primary, overrides []*File
	for _, n := range names {
		f := l.readFileOnce(path.Join(dir, n), regular[n])
		m.Files = append(m.Files, f)
		m.Diags = append(m.Diags, f.Diags...)
		if f.HCL == nil || f.Diags.HasErrors() {
			m.Broken = true
			continue
		}
		if isOverride(n) {
			overrides = append(overrides, f)
		} else {
			primary = append(primary, f)
		}
	}
	if m.Broken {
		m.addBrokenCalls()
		return m
	}
	order := 0
	for _, f := range primary {
		m.addFile(f, &order)
	}
	for _, f := range overrides {
		m.mergeFile(f)
	}
	return m
}

// blockRange returns the range of a whole block: from its type keyword (or,
// in JSON, its innermost label) to its closing brace.
func blockRange(b *hcl.Block) hcl.Range {
	if sb, ok := b.Body.(*hclsyntax.Body); ok {
		return hcl.RangeBetween(b.TypeRange, sb.SrcRange)
	}
	start := b.DefRange
	if n := len(b.LabelRanges); n > 0 {
		start = b.LabelRanges[n-1]
	}
	return hcl.RangeBetween(start, b.Body.MissingItemRange())
}

// declRange returns the header range of a block (type and labels).
func declRange(b *hcl.Block) hcl.Range {
	if n := len(b.LabelRanges); n > 0 {
		if _, ok := b.Body.(*hclsyntax.Body); ok {
			return hcl.RangeBetween(b.TypeRange, b.LabelRanges[n-1])
		}
		return b.LabelRanges[n-1]
	}
	return b.DefRange
}

func (m *Module) addFile(f *File, order *int) {
	content, _, diags := f.HCL.Body.PartialContent(fileSchema)
	m.Diags = append(m.Diags, diags...)
	for _, b := range content.Blocks {
		switch b.Type {
		case "variable":
			v := decodeVariable(b, &m.Diags)
			if prev, ok := m.Variables[v.Name]; ok {
				m.duplicate("variable", v.Name, v.DeclRange, prev.DeclRange)
				continue
			}
			m.Variables[v.Name] = v
		case "locals":
			attrs, d := b.Body.JustAttributes()
			m.Diags = append(m.Diags, d...)
			for _, name := range sortedAttrNames(attrs) {
				a := attrs[name]
				if prev, ok := m.Locals[name]; ok {
					m.duplicate("local value", name, a.NameRange, prev.Range)
					continue
				}
				m.Locals[name] = &Local{Name: name, Expr: a.Expr, Range: a.Range}
			}
		case "output":
			o := decodeOutput(b, &m.Diags)
			if prev, ok := m.Outputs[o.Name]; ok {
				m.duplicate("output", o.Name, o.DeclRange, prev.DeclRange)
				continue
			}
			m.Outputs[o.Name] = o
		case "module":
			c := decodeModuleCall(b, m.Tofu, &m.Diags)
			if prev, ok := m.ModuleCalls[c.Name]; ok {
				m.duplicate("module call", c.Name, c.DeclRange, prev.DeclRange)
				continue
			}
			m.ModuleCalls[c.Name] = c
		case "resource", "data", "ephemeral":
			r := decodeResource(b, &m.Diags)
			r.Order = *order
			*order++
			target := m.Resources
			if r.Mode != Managed {
				target = m.DataResources
			}
			if prev, ok := target[r.Key()]; ok {
				m.duplicate(b.Type, r.Key(), r.DeclRange, prev.DeclRange)
				continue
			}
			target[r.Key()] = r
		}
	}
}

func (m *Module) duplicate(kind, name string, rng, prev hcl.Range) {
	m.Diags = append(m.Diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  fmt.Sprintf("Duplicate %s %q", kind, name),
		Detail:   fmt.Sprintf("A %s named %q was already declared at %s. Names must be unique within a module.", kind, name, prev),
		Subject:  rng.Ptr(),
	})
}

func sortedAttrNames(attrs hcl.Attributes) []string {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		ai, aj := attrs[names[i]].Range, attrs[names[j]].Range
		if ai.Filename != aj.Filename {
			return ai.Filename < aj.Filename
		}
		return ai.Start.Byte < aj.Start.Byte
	})
	return names
}

func decodeVariable(b *hcl.Block, diags *hcl.Diagnostics) *Variable {
	v := &Variable{Name: b.Labels[0], DeclRange: declRange(b)}
	content, _, d := b.Body.PartialContent(variableSchema)
	*diags = append(*diags, d...)
	if a, ok := content.Attributes["type"]; ok {
		v.Type = a.Expr
	}
	if a, ok := content.Attributes["default"]; ok {
		v.Default = a.Expr
	}
	if a, ok := content.Attributes["nullable"]; ok {
		v.Nullable = a.Expr
	}
	return v
}

func decodeOutput(b *hcl.Block, diags *hcl.Diagnostics) *Output {
	o := &Output{Name: b.Labels[0], DeclRange: declRange(b)}
	content, _, d := b.Body.PartialContent(outputSchema)
	*diags = append(*diags, d...)
	if a, ok := content.Attributes["value"]; ok {
		o.Expr = a.Expr
	}
	return o
}

func decodeModuleCall(b *hcl.Block, tofu bool, diags *hcl.Diagnostics) *ModuleCall {
	c := &ModuleCall{Name: b.Labels[0], DeclRange: declRange(b), Range: blockRange(b)}
	attrs, d := justAttributes(b.Body)
	*diags = append(*diags, d...)
	c.Inputs = hcl.Attributes{}
	for name, a := range attrs {
		switch name {
		case "source":
			c.SourceRange = a.Expr.Range()
			v, vd := a.Expr.Value(nil)
			if vd.HasErrors() || !v.IsKnown() || v.IsNull() || !v.Type().Equals(ctyString) {
				if tofu && len(a.Expr.Variables()) > 0 {
					// OpenTofu 1.8+ evaluates variables and locals here.
					c.SourceExpr = a.Expr
					continue
				}
				*diags = append(*diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid module source",
					Detail:   "The module source must be a literal string, as Terraform requires (OpenTofu also accepts variables and locals in .tofu files).",
					Subject:  a.Expr.Range().Ptr(),
				})
				continue
			}
			c.Source = v.AsString()
		case "version":
			c.VersionRange = a.Expr.Range()
			if v, vd := a.Expr.Value(nil); !vd.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type().Equals(ctyString) {
				c.Version = v.AsString()
			}
		case "count":
			c.Count = a.Expr
		case "for_each":
			c.ForEach = a.Expr
		default:
			if !moduleMetaNames[name] {
				c.Inputs[name] = a
			}
		}
	}
	c.Enabled = lifecycleEnabled(b.Body)
	if c.Source == "" && c.SourceExpr == nil && !diags.HasErrors() {
		*diags = append(*diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Missing module source",
			Detail:   fmt.Sprintf("The module call %q has no source argument. Every module block needs one.", c.Name),
			Subject:  c.DeclRange.Ptr(),
		})
	}
	return c
}

// justAttributes returns the attributes of a body, ignoring nested blocks
// (module calls have none in valid configuration, but a lifecycle-like block
// must not make the whole call unreadable).
func justAttributes(body hcl.Body) (hcl.Attributes, hcl.Diagnostics) {
	if sb, ok := body.(*hclsyntax.Body); ok {
		out := hcl.Attributes{}
		for name, a := range sb.Attributes {
			out[name] = a.AsHCLAttribute()
		}
		return out, nil
	}
	return body.JustAttributes()
}

func decodeResource(b *hcl.Block, diags *hcl.Diagnostics) *Resource {
	r := &Resource{Type: b.Labels[0], Name: b.Labels[1], Config: b.Body, DeclRange: declRange(b), Range: blockRange(b)}
	switch b.Type {
	case "data":
		r.Mode = Data
	case "ephemeral":
		r.Mode = Ephemeral
	}
	r.Count, r.ForEach = metaExprs(b.Body, diags)
	r.Enabled = lifecycleEnabled(b.Body)
	return r
}

var lifecycleSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "lifecycle"}}}

// lifecycleEnabled returns OpenTofu's lifecycle { enabled = ... } argument,
// or nil.
func lifecycleEnabled(body hcl.Body) hcl.Expression {
	content, _, _ := body.PartialContent(lifecycleSchema)
	for _, b := range content.Blocks {
		lc, _, _ := b.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "enabled"}}})
		if a, ok := lc.Attributes["enabled"]; ok {
			return a.Expr
		}
	}
	return nil
}

func metaExprs(body hcl.Body, diags *hcl.Diagnostics) (count, forEach hcl.Expression) {
	content, _, d := body.PartialContent(resourceMetaSchema)
	*diags = append(*diags, d...)
	if a, ok := content.Attributes["count"]; ok {
		count = a.Expr
	}
	if a, ok := content.Attributes["for_each"]; ok {
		forEach = a.Expr
	}
	if count != nil && forEach != nil {
		*diags = append(*diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  `Invalid combination of "count" and "for_each"`,
			Detail:   `The "count" and "for_each" meta-arguments are mutually-exclusive, only one should be used to be explicit about the number of resources to be created.`,
			Subject:  forEach.Range().Ptr(),
		})
		forEach = nil
	}
	return count, forEach
}

// mergeFile applies one override file to the module, as Terraform does:
// each block merges into the block of the same kind and name, with the
// override's arguments and nested block types winning.
func (m *Module) mergeFile(f *File) {
	content, _, diags := f.HCL.Body.PartialContent(fileSchema)
	m.Diags = append(m.Diags, diags...)
	for _, b := range content.Blocks {
		switch b.Type {
		case "variable":
			base, ok := m.Variables[b.Labels[0]]
			if !ok {
				m.missingBase("variable", b.Labels[0], b)
				continue
			}
			ov := decodeVariable(b, &m.Diags)
			if ov.Type != nil {
				base.Type = ov.Type
			}
			if ov.Default != nil {
				base.Default = ov.Default
			}
			if ov.Nullable != nil {
				base.Nullable = ov.Nullable
			}
		case "locals":
			attrs, d := b.Body.JustAttributes()
			m.Diags = append(m.Diags, d...)
			for _, name := range sortedAttrNames(attrs) {
				a := attrs[name]
				if _, ok := m.Locals[name]; !ok {
					m.missingBaseAt("local value", name, a.NameRange)
					continue
				}
				m.Locals[name] = &Local{Name: name, Expr: a.Expr, Range: a.Range}
			}
		case "output":
			base, ok := m.Outputs[b.Labels[0]]
			if !ok {
				m.missingBase("output", b.Labels[0], b)
				continue
			}
			if ov := decodeOutput(b, &m.Diags); ov.Expr != nil {
				base.Expr = ov.Expr
			}
		case "module":
			base, ok := m.ModuleCalls[b.Labels[0]]
			if !ok {
				m.missingBase("module call", b.Labels[0], b)
				continue
			}
			attrs, d := justAttributes(b.Body)
			m.Diags = append(m.Diags, d...)
			for name, a := range attrs {
				switch name {
				case "source":
					if v, vd := a.Expr.Value(nil); !vd.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type().Equals(ctyString) {
						base.Source, base.SourceExpr = v.AsString(), nil
						base.SourceRange = a.Expr.Range()
					} else if m.Tofu && len(a.Expr.Variables()) > 0 {
						base.Source, base.SourceExpr = "", a.Expr
						base.SourceRange = a.Expr.Range()
					}
				case "count":
					base.Count, base.ForEach = a.Expr, nil
				case "for_each":
					base.ForEach, base.Count = a.Expr, nil
				default:
					if !moduleMetaNames[name] {
						base.Inputs[name] = a
					}
				}
			}
			if e := lifecycleEnabled(b.Body); e != nil {
				base.Enabled = e
			}
		case "resource", "data", "ephemeral":
			key := b.Labels[0] + "." + b.Labels[1]
			target := m.Resources
			kind := "resource"
			if b.Type != "resource" {
				key = b.Type + "." + key
				target = m.DataResources
				kind = b.Type + " resource"
			}
			base, ok := target[key]
			if !ok {
				m.missingBase(kind, key, b)
				continue
			}
			base.Config = MergeBodies(base.Config, b.Body)
			count, forEach := metaExprs(b.Body, &m.Diags)
			if count != nil {
				base.Count, base.ForEach = count, nil
			}
			if forEach != nil {
				base.ForEach, base.Count = forEach, nil
			}
			if e := lifecycleEnabled(b.Body); e != nil {
				base.Enabled = e
			}
		}
	}
}

func (m *Module) missingBase(kind, name string, b *hcl.Block) {
	m.missingBaseAt(kind, name, declRange(b))
}

// missingBaseAt reports an override of something no primary file
// declares; Terraform rejects it rather than adding it.
func (m *Module) missingBaseAt(kind, name string, rng hcl.Range) {
	m.Diags = append(m.Diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  fmt.Sprintf("Missing base %s to override", kind),
		Detail:   fmt.Sprintf("There is no %s named %q. An override file can only override a block defined in a primary configuration file.", kind, name),
		Subject:  rng.Ptr(),
	})
}

// StaticSource evaluates an OpenTofu module source that uses variables and
// locals ("early evaluation"), with variable defaults only, so that
// discovery can tell which directory a call loads. It returns "" when the
// source is not known from defaults alone; evaluation with the real
// variable values happens in package eval. Only the locals the source
// refers to are evaluated, and none with loops (for or splat
// expressions), so that a hostile module cannot make discovery slow.
func (m *Module) StaticSource(expr hcl.Expression) string {
	vars := map[string]cty.Value{}
	for name, v := range m.Variables {
		if v.Default == nil || hasLoop(v.Default) {
			continue
		}
		if val, diags := v.Default.Value(nil); !diags.HasErrors() {
			vars[name] = val
		}
	}
	locals := map[string]cty.Value{}
	state := map[string]int{}
	var eval func(e hcl.Expression) (cty.Value, bool)
	evalLocal := func(name string) {
		l := m.Locals[name]
		if l == nil || state[name] != 0 || len(state) > 256 {
			return
		}
		state[name] = 1
		if v, ok := eval(l.Expr); ok && v.IsWhollyKnown() {
			locals[name] = v
		}
		state[name] = 2
	}
	eval = func(e hcl.Expression) (cty.Value, bool) {
		if hasLoop(e) {
			return cty.NilVal, false
		}
		for _, t := range e.Variables() {
			if t.RootName() != "local" || len(t) < 2 {
				continue
			}
			if a, ok := t[1].(hcl.TraverseAttr); ok {
				evalLocal(a.Name)
			}
		}
		ctx := &hcl.EvalContext{Variables: map[string]cty.Value{
			"var":   cty.ObjectVal(vars),
			"local": cty.ObjectVal(locals),
		}}
		v, diags := e.Value(ctx)
		return v, !diags.HasErrors()
	}
	v, ok := eval(expr)
	if !ok || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return ""
	}
	return v.AsString()
}

// hasLoop reports whether an expression may hold a for or splat
// expression. JSON expressions are not looked into (their templates are
// parsed only when evaluated), so they count as loops: discovery leaves
// such sources to package eval.
func hasLoop(e hcl.Expression) bool {
	se, ok := e.(hclsyntax.Expression)
	if !ok {
		return true
	}
	found := false
	_ = hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
		switch n.(type) {
		case *hclsyntax.ForExpr, *hclsyntax.SplatExpr:
			found = true
		}
		return nil
	})
	return found
}
