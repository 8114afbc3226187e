package cli

import (
	"fmt"
	"io"
	"regexp"
	"runtime/debug"
	"strings"
)

// Build information a release sets with the linker, for example
//
//	go build -ldflags "-X github.com/spillway-iac/spillway/internal/cli.version=0.2.0
//	  -X github.com/spillway-iac/spillway/internal/cli.commit=$(git rev-parse HEAD)
//	  -X github.com/spillway-iac/spillway/internal/cli.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" ./cmd/spillway
//
// Empty values are taken from the build information Go records
// (runtime/debug.ReadBuildInfo): the module version for go install
// ...@v0.2.0, and vcs.revision and vcs.time for a build in a clone.
var (
	version string
	commit  string
	date    string
)

// readBuildInfo is debug.ReadBuildInfo.
var readBuildInfo = debug.ReadBuildInfo

// pseudoVersion matches the version Go stamps on a build from a clone
// without a release tag (v0.0.0-20261202145441-7f0e3a3abcde+dirty): not a
// release, so Version is shown, with the commit beside it.
var pseudoVersion = regexp.MustCompile(`-(0\.)?\d{14}-[0-9a-f]{12}(\+dirty)?$`)

// BuildInfo is what spillway version prints.
type BuildInfo struct {
	// Version has no leading "v" ("0.2.0"); it is Version when the build
	// records none.
	Version string
	// Commit and Date are empty when unknown; Modified is true for a
	// build from a tree with uncommitted changes.
	Commit, Date string
	Modified     bool
}

// Build returns the build information: the -ldflags values, else what
// runtime/debug.ReadBuildInfo recorded, else Version.
func Build() BuildInfo {
	b := BuildInfo{Version: version, Commit: commit, Date: date}
	if info, ok := readBuildInfo(); ok {
		if b.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" && !pseudoVersion.MatchString(info.Main.Version) {
			b.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.Commit == "" {
					b.Commit = s.Value
				}
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			case "vcs.modified":
				b.Modified = s.Value == "true"
			}
		}
	}
	if b.Version == "" {
		b.Version = Version
	}
	b.Version = strings.TrimPrefix(b.Version, "v")
	return b
}

// runVersion prints the version, commit and build date.
func runVersion(stdout io.Writer) int {
	b := Build()
	commit, date := b.Commit, b.Date
	if commit == "" {
		commit = "unknown"
	}
	if b.Modified {
		commit += " (modified)"
	}
	if date == "" {
		date = "unknown"
	}
	fmt.Fprintf(stdout, "spillway %s\ncommit: %s\nbuilt:  %s\n", b.Version, commit, date)
	return ExitOK
}
