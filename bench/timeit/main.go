//go:build unix

// Command timeit runs a command and reports its wall time, CPU time and
// peak resident set size in the format of GNU time -v, for bench/run.sh on
// systems without GNU time (macOS, Alpine without the time package).
//
//	timeit [-o FILE] COMMAND [ARG...]
//
// The report goes to FILE (default stderr); timeit exits with the
// command's exit code.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) //nolint:forbidigo // the command's exit code
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("timeit", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("o", "", "write the report to `FILE` instead of stderr")
	if err := flags.Parse(args); err != nil || flags.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: timeit [-o FILE] COMMAND [ARG...]")
		return 2
	}
	cmd := exec.Command(flags.Arg(0), flags.Args()[1:]...) //nolint:gosec // running the given command is the point
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		fmt.Fprintf(stderr, "timeit: %v\n", err)
		return 127
	}
	code := cmd.ProcessState.ExitCode()
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		fmt.Fprintln(stderr, "timeit: no resource usage on this system")
		return 2
	}
	maxRSS := int64(ru.Maxrss) //nolint:unconvert // int32 on 32-bit platforms; kilobytes on Linux and the BSDs
	if runtime.GOOS == "darwin" {
		maxRSS /= 1024 // bytes on macOS
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\tCommand being timed: %q\n", strings.Join(flags.Args(), " "))
	fmt.Fprintf(&b, "\tUser time (seconds): %.2f\n", tv(ru.Utime))
	fmt.Fprintf(&b, "\tSystem time (seconds): %.2f\n", tv(ru.Stime))
	fmt.Fprintf(&b, "\tElapsed (wall clock) time (h:mm:ss or m:ss): %d:%05.2f\n", int(wall.Minutes()), wall.Seconds()-60*float64(int(wall.Minutes())))
	fmt.Fprintf(&b, "\tMaximum resident set size (kbytes): %d\n", maxRSS)
	fmt.Fprintf(&b, "\tExit status: %d\n", code)
	if *out == "" {
		fmt.Fprint(stderr, b.String())
		return code
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		fmt.Fprintf(stderr, "timeit: %v\n", err)
		return 2
	}
	return code
}

func tv(t syscall.Timeval) float64 {
	return float64(t.Sec) + float64(t.Usec)/1e6
}
