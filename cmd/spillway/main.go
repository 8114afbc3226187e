// Command spillway finds AWS serverless designs in Terraform and OpenTofu
// that turn a traffic spike into an outage, a surprise bill or lost events.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/spillway-iac/spillway/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
