// Package parser discovers Terraform and OpenTofu configuration files, parses
// them with hclsyntax and hcl/json, and assembles modules: the blocks of one
// directory after OpenTofu's .tofu replacement rule and Terraform's override
// merging have been applied.
//
// The parser never evaluates expressions. It reads files only through the
// fs.FS it is given, so a scan cannot read outside the scanned tree, and each
// file is read and parsed once however many root modules use it.
package parser
