// Package graph builds a typed, per-root-module model of the serverless
// resources in an evaluated configuration and the edges between them:
// functions and their triggers (asynchronous, synchronous public,
// poll-based), failure destinations, queues and their redrive policies,
// event source mappings, API Gateway stages with their method settings,
// usage plans and web ACLs, and CloudWatch alarms with what they watch.
//
// References are resolved the way rules/spec defines them: through the Ref
// marks package eval puts on values read from resources (so they survive
// locals, variables, modules and jsonencode), through aliases, and through
// literal names and ARNs that match a resource's known name. A reference
// that cannot be resolved is reported as unknown, never guessed.
package graph
