// Package parser discovers Terraform and OpenTofu configuration files, parses
// them with hclsyntax and hcl/json, and assembles modules: the blocks of one
// directory after OpenTofu's .tofu replacement rule and Terraform's override
// merging have been applied.
//
// Files are checked before they are parsed: one above Options.MaxFileSize
// is not read, one that is not UTF-8 text is rejected, and one nested
// deeper than MaxNesting (or with expressions deeper than
// MaxExpressionDepth) is refused, since the HCL parsers recurse and a
// stack overflow cannot be recovered. A panic inside a parser becomes an
// error diagnostic naming the file.
//
// The parser never evaluates expressions, except module sources that
// OpenTofu evaluates early. It reads files only through the
// fs.FS it is given, so a scan cannot read outside the scanned tree, and each
// file is read and parsed once however many root modules use it. A
// loader given a context (Options.Context) stops walking and reading once
// the context is done.
package parser
