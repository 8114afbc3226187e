// Package fuzz holds the fuzz targets that run spillway's whole pipeline
// (parser, eval, graph and every rule) and its test harness parsers on
// arbitrary input. It has no code of its own: the targets are in its
// tests, seeded from the fixtures under testdata, and every crasher they
// found is kept under testdata/fuzz as a regression case.
package fuzz
