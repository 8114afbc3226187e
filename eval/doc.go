// Package eval evaluates the modules loaded by package parser the way
// Terraform plans them, without providers or state: variables from
// defaults, tfvars files, the command line and the environment; locals in
// any order; count and for_each on resources and module calls; dynamic
// blocks (hcl/ext/dynblock); try and can (hcl/ext/tryfunc); and the
// Terraform functions that real configurations use.
//
// Evaluation is lazy and memoized: a resource instance is expanded and an
// argument evaluated only when a consumer (the graph, or another
// expression) asks for it, and never twice.
//
// Anything that cannot be known before apply (a variable without a value, a
// data source, a computed attribute such as arn) is an unknown value. Values
// read from a resource carry a Ref mark naming the resource instance and
// attribute, and unknown values carry an Origin mark naming the expression
// they came from, so both survive locals, variables, module inputs and
// outputs, conditionals and function calls.
//
// Package eval knows no AWS resource type.
package eval
