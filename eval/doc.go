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
// Evaluation is bounded, since spillway runs on untrusted code: each root
// module has a budget of evaluation steps (Options.MaxEvaluations),
// counted for every expression, every iteration of a for or splat
// expression and every function call, weighted by the size of the values
// involved; when it runs out, the remaining values are unknown and one
// error says so. To count iterations inside a single expression, native
// syntax (and JSON expressions whose templates loop) is evaluated from a
// guarded copy of its syntax tree. Functions may not build strings longer
// than MaxStringLength or collections larger than MaxCollectionLength,
// count and for_each expand to at most Options.MaxInstances instances,
// module calls nest at most MaxModuleDepth deep and references at most
// MaxEvalDepth deep, and cycles between locals, module inputs and outputs
// are errors. File functions read only inside the scanned tree; a path
// outside it gives an unknown value and a note.
//
// Evaluation can also be stopped from outside: with Options.Context set,
// the budget checks the context every few hundred steps, and once it is
// done the evaluation ends as if the budget had run out, with one error
// (SummaryStopped) and Root.Err saying whether it was canceled or its
// deadline passed. This is how a scan's per-root timeout and Ctrl-C stop
// the work instead of abandoning it.
//
// Package eval knows no AWS resource type.
package eval
