// Package fuzz holds the fuzz targets that run spillway's whole pipeline
// (internal/checker: parser, eval, graph, every rule and the suppression
// comments) and its test harness parsers on arbitrary input. A panic the
// pipeline recovers into an "Internal error" diagnostic fails a target
// as a crash would. It has no code of its own: the targets are in its
// tests, seeded from the fixtures under testdata, and every crasher they
// found is kept under testdata/fuzz as a regression case.
package fuzz
