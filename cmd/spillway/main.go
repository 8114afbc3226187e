// Command spillway finds AWS serverless designs in Terraform and OpenTofu
// that turn a traffic spike into an outage, a surprise bill or lost events.
package main

import (
	"context"
	"os"

	"github.com/spillway-iac/spillway/internal/cli"
	"github.com/spillway-iac/spillway/internal/gcpolicy"
)

func main() {
	// A soft memory limit that rises with the live heap, unless GOGC or
	// GOMEMLIMIT say otherwise (see internal/gcpolicy).
	gcpolicy.Apply(os.Getenv)
	// cli.Run cancels the scan on Ctrl-C.
	os.Exit(cli.Run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
