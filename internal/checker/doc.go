// Package checker is the one composition of spillway's pipeline:
//
//	parser.Loader ─► eval.Root ─► graph.Build ─► lint.RunGraph ─► suppressions, baseline ─► report.Result
//
// in the role x/tools' checker plays for go/analysis drivers. The CLI,
// the rule test harness (internal/ruletest), the fuzz targets and the
// end-to-end benchmarks all call it, so every test of a rule exercises the
// pipeline users run.
//
// # API
//
//   - Run(ctx, opts) scans the directories opts.Paths on disk (or, with
//     opts.Root, the tree at Root restricted to the directories Paths
//     select) and returns a *report.Result: findings sorted and with
//     suppressions and the baseline applied, undetermined checks,
//     diagnostics, statistics and a Source function for snippets and
//     fixes.
//   - RunFS(ctx, fsys, opts) scans one tree given as an fs.FS (an
//     fstest.MapFS in tests); file names are paths inside fsys.
//   - Graphs(ctx, fsys, opts) returns the graph of every root module of a
//     tree instead of running rules, for tests of package graph.
//   - RunTopologies(ctx, opts, build) is Run that also builds each root
//     module's exposure and capacity topology from its graph (spillway
//     graph, the markdown report) into res.Topologies.
//
// File names in the result are relative to Options.Cwd, as users see
// them; fingerprints hash paths relative to Options.SourceRoot (see
// SourceRoot: the repository root, else the config or baseline directory,
// else the scan root), so they do not depend on the working directory.
// Findings keep the fingerprints earlier versions gave them (rule,
// resource, root module as shown) in LegacyFingerprints, so baselines of
// earlier versions still match.
//
// Options carry what a scan needs and nothing about flags: the rules and
// their settings, the evaluation options (variables, environment, budget),
// parallelism, exclusions, the per-root timeout, the baseline and the date
// suppressions expire against.
//
// # How a scan runs
//
// Each module directory is parsed once, by one of Options.Jobs workers,
// and analyzed as a root module right away unless a directory processed
// earlier calls it. After its analysis a directory that nothing calls is
// released from the loader, so memory follows the modules in use rather
// than the size of the tree; shared (called) modules stay cached, and
// one eval.Cache serves every root.
//
// # Cancellation
//
// The context flows into the loader (no new file is read once it is
// done) and into each root's evaluation budget (eval.Options.Context).
// Options.RootTimeout becomes a deadline per root module: past it the
// evaluation stops in the worker that runs it (no goroutine is left
// behind), the root's findings are dropped and one "Analysis timed out"
// error names it, and the scan goes on. When ctx itself is done, Run
// stops the workers and returns an error wrapping ctx.Err().
package checker
