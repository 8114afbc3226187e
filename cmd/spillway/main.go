// Command spillway finds AWS serverless designs in Terraform and OpenTofu
// that turn a traffic spike into an outage, a surprise bill or lost events.
package main

import (
	"context"
	"os"
	"runtime/debug"

	"github.com/spillway-iac/spillway/internal/cli"
)

// memoryBudget is the heap spillway grows to before it collects garbage,
// unless GOGC or GOMEMLIMIT say otherwise: a scan allocates much more than
// it keeps (each root module's evaluation is garbage once it is reported),
// so collecting only near a fixed budget is faster than collecting at every
// doubling of the live heap, and keeps peak memory the same however large
// the repository is.
const memoryBudget = 224 << 20

func main() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(memoryBudget)
	}
	// cli.Run cancels the scan on Ctrl-C.
	os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
