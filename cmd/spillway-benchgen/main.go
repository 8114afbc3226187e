// Command spillway-benchgen writes a synthetic Terraform tree for
// benchmarks: root modules under envs/<env>/<service>/ calling shared
// modules under modules/. The same -n and -seed always give the same tree.
//
//	spillway-benchgen -n 2500 -seed 1 -o bench/out/corpus-2500
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/spillway-iac/spillway/internal/benchgen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) //nolint:forbidigo // the command's exit code
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("spillway-benchgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 2500, "number of configuration files (.tf and .tf.json) to write")
	seed := fs.Uint64("seed", 1, "seed selecting the tree")
	out := fs.String("o", "", "output `directory`; must not exist or be empty (required)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: spillway-benchgen -n FILES [-seed N] -o DIR\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	st, err := benchgen.Generate(*out, benchgen.Options{Files: *n, Seed: *seed})
	if err != nil {
		fmt.Fprintf(stderr, "spillway-benchgen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: %d configuration files (%d .tf.json) and %d other files, %d root modules, %d shared modules, %d lines, %.1f MiB; %d resource blocks, %d serverless (%.1f%%)\n",
		*out, st.ConfigFiles, st.JSONFiles, st.OtherFiles, st.RootModules, st.SharedModules, st.Lines, float64(st.Bytes)/(1<<20),
		st.Resources, st.Serverless, 100*st.ServerlessShare())
	return 0
}
