package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/lint"
)

// loadScanOptions decodes the top-level fail_on, min_severity and
// var_files arguments.
func (c *Config) loadScanOptions(attrs hcl.Attributes) hcl.Diagnostics {
	var diags hcl.Diagnostics
	if attr := attrs["fail_on"]; attr != nil {
		if v, d := severityAttr(attr, true); d != nil {
			diags = append(diags, d...)
		} else {
			c.failOn = v
		}
	}
	if attr := attrs["min_severity"]; attr != nil {
		if v, d := severityAttr(attr, false); d != nil {
			diags = append(diags, d...)
		} else if v != "" {
			c.minSeverity, _ = lint.ParseSeverity(v)
		}
	}
	if attr := attrs["var_files"]; attr != nil {
		var files []string
		d := decode(attr.Expr, &files, `Set var_files to a list of paths relative to the config file, such as ["prod.tfvars"].`)
		diags = append(diags, d...)
		if !d.HasErrors() {
			for _, f := range files {
				if strings.TrimSpace(f) == "" {
					diags = append(diags, &hcl.Diagnostic{
						Severity: hcl.DiagError,
						Summary:  "Empty variable file name",
						Detail:   "An entry of var_files is empty. Remove it, or write the path of a .tfvars file relative to the config file.",
						Subject:  attr.Expr.Range().Ptr(),
					})
					continue
				}
				c.varFiles = append(c.varFiles, f)
			}
		}
	}
	return diags
}

// severityAttr decodes a severity string: low, medium, high, and none
// when allowNone.
func severityAttr(attr *hcl.Attribute, allowNone bool) (string, hcl.Diagnostics) {
	choices := `"low", "medium" or "high"`
	if allowNone {
		choices = `"low", "medium", "high" or "none"`
	}
	var v *string
	if d := decode(attr.Expr, &v, fmt.Sprintf("Set %s to %s.", attr.Name, choices)); d.HasErrors() {
		return "", d
	}
	if v == nil {
		return "", nil
	}
	s := strings.ToLower(strings.TrimSpace(*v))
	if allowNone && s == "none" {
		return s, nil
	}
	if _, err := lint.ParseSeverity(s); err != nil {
		return "", hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid " + strings.ReplaceAll(attr.Name, "_", " "),
			Detail:   fmt.Sprintf("The value %q is not a severity. Set %s to %s.", *v, attr.Name, choices),
			Subject:  attr.Expr.Range().Ptr(),
			Context:  attr.Range.Ptr(),
		}}
	}
	return s, nil
}

// FailOn returns the fail_on value ("low", "medium", "high" or "none")
// and whether the file sets it.
func (c *Config) FailOn() (string, bool) {
	if c == nil || c.failOn == "" {
		return "", false
	}
	return c.failOn, true
}

// MinSeverity returns the min_severity value and whether the file sets
// it.
func (c *Config) MinSeverity() (lint.Severity, bool) {
	if c == nil || c.minSeverity == 0 {
		return 0, false
	}
	return c.minSeverity, true
}

// VarFiles returns the var_files entries in file order, as written:
// paths relative to the directory of the config file.
func (c *Config) VarFiles() []string {
	if c == nil {
		return nil
	}
	return slices.Clone(c.varFiles)
}
