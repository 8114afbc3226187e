// Package graph builds a typed, per-root-module model of the serverless
// resources in an evaluated configuration and the edges between them:
// functions and their triggers (asynchronous, synchronous public,
// poll-based), failure destinations, queues and their redrive policies,
// event source mappings, API Gateway stages with their method settings,
// usage plans and web ACLs, and CloudWatch alarms with what they watch.
//
// # Edges
//
// The graph owns every relation; rules only judge. Every reference from
// one resource to another is resolved once, when the graph is built, into
// a Target: the resource it names, an external name or ARN, or the reason
// (Target.Why) it could not be resolved. Edges keep their Target, so a
// rule asking "which function does this URL invoke" reads it instead of
// resolving again. References are resolved the way rules/spec defines
// them: through the Ref marks package eval puts on values read from
// resources (so they survive locals, variables, modules and jsonencode),
// through aliases, through literal names and ARNs that match a
// resource's known name, and through names and ARNs whose name part is the
// very template value (eval.TemplateIdentity) a function is named with,
// whatever the unknown partition, region and account are. A reference that cannot be resolved is recorded
// with its reason, never guessed.
//
// # Facts and numbers
//
// Questions about the configuration are answered with a Fact: decided
// true, decided false, or undecided because of an unknown value that
// Fact.Why names ("var.dlq_arn", "the for_each of module.workers").
// Accessors such as Resource.Exists, Value.Set, Graph.FailureDestination,
// Graph.HasRedrive, Mapping.IsStream and Graph.WatchesFunction return
// Facts; rules combine them with And, Or and Not and hand the result to
// lint.Pass.ReportIf. Whole numbers (a function's timeout, a queue's
// visibility timeout or retention) are a Num that carries its reason when
// it is unknown, with the provider default applied in one place, here.
package graph
