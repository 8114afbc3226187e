package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/spillway-iac/spillway/eval"
	"github.com/spillway-iac/spillway/internal/checker"
	"github.com/spillway-iac/spillway/internal/fsread"
	"github.com/spillway-iac/spillway/parser"
)

// varAssign is one value given to a root variable by --var, --var-file or
// the config's var_files, with where it came from.
type varAssign struct {
	name   string
	source string // "--var reserved=10", "prod.tfvars:3:1"
	raw    string // --var's text
	hasRaw bool
	expr   hcl.Expression
}

// varDecl is a declaration of a root variable.
type varDecl struct {
	where string
	ty    hcl.Expression
}

// evalVarArgs reads and checks --var, --var-file and the config's
// var_files before the scan, so that their problems are usage errors with
// their source: a --var that is not NAME=VALUE, a variable file that
// cannot be read or parsed, a name that no root module declares, a value
// that does not convert to the declared type.
func (sf *scanFlags) evalVarArgs(ctx context.Context, env Env) ([]eval.VarArg, error) {
	var args []eval.VarArg
	var assigns []varAssign
	for _, a := range sf.vars {
		if a.kind == "var" {
			name, val, ok := strings.Cut(a.value, "=")
			name = strings.TrimSpace(name)
			if !ok || !hclsyntax.ValidIdentifier(name) {
				return nil, fmt.Errorf("--var %q is not NAME=VALUE with a variable name (for example --var reserved_concurrency=10)", a.value)
			}
			args = append(args, eval.VarArg{Assign: a.value})
			assigns = append(assigns, varAssign{name: name, source: "--var " + a.value, raw: val, hasRaw: true})
			continue
		}
		what := "--var-file " + a.value
		if a.from != "" {
			what = a.from + " " + a.value
		}
		b, err := fsread.Path(checker.AbsPath(env.Cwd, a.value), sf.maxFileSize)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		f := parser.ParseVarFile(filepath.ToSlash(a.value), b)
		if f.Diags.HasErrors() || f.HCL == nil {
			return nil, fmt.Errorf("%s: %s", what, diagText(f.Diags))
		}
		attrs, diags := f.HCL.Body.JustAttributes()
		if diags.HasErrors() {
			return nil, fmt.Errorf("%s: %s", what, diagText(diags))
		}
		names := make([]string, 0, len(attrs))
		for n := range attrs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			at := attrs[n]
			assigns = append(assigns, varAssign{name: n, source: posText(at.NameRange), expr: at.Expr})
		}
		args = append(args, eval.VarArg{File: f})
	}
	if len(assigns) == 0 {
		return args, nil
	}
	decls, ok := sf.rootVariables(ctx, env)
	if !ok {
		return args, nil
	}
	for _, a := range assigns {
		if err := checkAssign(a, decls[a.name], decls); err != nil {
			return nil, err
		}
	}
	return args, nil
}

// checkAssign checks that a is declared by a root module and converts to
// the type of at least one declaration.
func checkAssign(a varAssign, ds []varDecl, all map[string][]varDecl) error {
	if len(ds) == 0 {
		names := make([]string, 0, len(all))
		for n := range all {
			names = append(names, n)
		}
		sort.Strings(names)
		declared := "none"
		if len(names) > 0 {
			declared = strings.Join(names, ", ")
		}
		return fmt.Errorf("%s: no root module declares a variable %q (declared: %s)", a.source, a.name, declared)
	}
	var problem string
	for _, d := range ds {
		ty := cty.DynamicPseudoType
		if d.ty != nil {
			t, diags := typeexpr.TypeConstraint(d.ty)
			if diags.HasErrors() {
				return nil // reported by the scan
			}
			ty = t
		}
		v, err := assignValue(a, ty)
		if err == nil {
			if _, err = convert.Convert(v, ty); err == nil {
				return nil
			}
		}
		problem = fmt.Sprintf("variable %q (%s) is of type %s: %v", a.name, d.where, typeexpr.TypeString(ty), err)
	}
	return fmt.Errorf("%s: %s", a.source, problem)
}

// assignValue evaluates a value as Terraform reads it: a --var of a
// primitive or unset type literally, anything else as an expression that
// may use neither variables nor functions.
func assignValue(a varAssign, ty cty.Type) (cty.Value, error) {
	expr := a.expr
	if a.hasRaw {
		if ty == cty.DynamicPseudoType || ty.IsPrimitiveType() {
			return cty.StringVal(a.raw), nil
		}
		if d := parser.CheckNesting([]byte(a.raw), a.source, hcl.InitialPos, parser.NestExpression); d != nil {
			return cty.NilVal, fmt.Errorf("%s", d.Summary)
		}
		e, diags := hclsyntax.ParseExpression([]byte(a.raw), a.source, hcl.InitialPos)
		if diags.HasErrors() {
			return cty.NilVal, fmt.Errorf("%s", diagText(diags))
		}
		expr = e
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal, fmt.Errorf("%s", diagText(diags))
	}
	return v, nil
}

// rootVariables returns the variables the root modules of the scan
// declare, by name. ok is false when they cannot be known for sure (no
// root module, or one that does not parse): the scan reports that.
func (sf *scanFlags) rootVariables(ctx context.Context, env Env) (map[string][]varDecl, bool) {
	bases := sf.paths
	if sf.root != "" {
		bases = []string{sf.root}
	}
	out := map[string][]varDecl{}
	roots := 0
	for _, p := range bases {
		abs := checker.AbsPath(env.Cwd, p)
		st, err := os.Stat(abs)
		if err != nil {
			return nil, false
		}
		if !st.IsDir() {
			abs = filepath.Dir(abs)
		}
		root, err := os.OpenRoot(abs)
		if err != nil {
			return nil, false
		}
		prefix := abs
		if rel, err := filepath.Rel(env.Cwd, abs); err == nil {
			prefix = rel
		}
		l := parser.NewLoader(root.FS(), parser.Options{Prefix: filepath.ToSlash(prefix), MaxFileSize: sf.maxFileSize, Context: ctx})
		dirs, _ := l.Discover(".")
		for _, dir := range l.RootModules(dirs, sf.allDirs) {
			m := l.Module(dir)
			if m == nil || m.Broken {
				_ = root.Close()
				return nil, false
			}
			roots++
			for name, v := range m.Variables {
				out[name] = append(out[name], varDecl{where: posText(v.DeclRange), ty: v.Type})
			}
		}
		_ = root.Close()
	}
	return out, roots > 0
}

func posText(r hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}

// diagText renders the errors of diags on one line, with their
// positions.
func diagText(diags hcl.Diagnostics) string {
	var parts []string
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		s := d.Summary
		if d.Detail != "" {
			s += ": " + d.Detail
		}
		if d.Subject != nil {
			s = posText(*d.Subject) + ": " + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}
