// Package bench measures spillway's performance. It holds no code of its
// own, only benchmarks and the tools around them:
//
//   - bench_test.go: go test benchmarks of each stage (BenchmarkLoad,
//     BenchmarkEval, BenchmarkGraph, BenchmarkRules, BenchmarkReport),
//     which call the stages one by one on purpose, and of a whole scan
//     (BenchmarkScan, the command end to end) over a tree written by
//     internal/benchgen, plus a test that spillway reports no errors on
//     generated trees. The reports and that test scan with
//     internal/checker, the pipeline the command runs.
//   - parsebaseline: a command that only walks a tree and parses its
//     configuration files, the physical limit a linter can approach.
//   - timeit: a small stand-in for GNU time -v on systems without it.
//   - run.sh: builds spillway and the baseline, generates corpora of 2,500
//     and 20,000 files and prints wall time, CPU time and peak RSS of both.
//
// Stages are measured as a scan runs them. Evaluation is lazy, so
// BenchmarkEval covers what is evaluated eagerly (root variables, module
// expansion and validation), and BenchmarkGraph and BenchmarkRules include
// the evaluation that graph.Build and the rules ask for. Each stage's
// inputs are prepared with the timer stopped, so the stages add up to
// about BenchmarkScan.
//
// Set SPILLWAY_BENCH_CORPUS to run the benchmarks on an existing tree (for
// example a corpus written by run.sh) instead of a generated one of
// SPILLWAY_BENCH_FILES files (default 400).
package bench
