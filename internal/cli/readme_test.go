package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spillway-iac/spillway/internal/cli"
)

// readmeCommand is a spillway command found in a code block of README.md.
type readmeCommand struct {
	line int
	args []string
}

// spillwayCommand matches a spillway command line: the binary, however it
// is invoked ("spillway", "$(go env GOPATH)/bin/spillway", "go run
// ./cmd/spillway"), then its arguments.
var spillwayCommand = regexp.MustCompile(`(?:^|[\s/"])spillway"?((?:\s+\S+)*)`)

var knownCommands = map[string]bool{"scan": true, "rules": true, "explain": true, "init": true, "version": true, "help": true}

// readmeCommands extracts the spillway commands of README.md's code blocks
// (sh, console and unlabelled). Lines that are syntax summaries (with
// placeholders such as PATH, [flags] or SPWnnn) are not commands. Other
// commands (go test, go generate, bench/run.sh, .ci/run) are not run
// here: CI runs them, and the test would run itself.
func readmeCommands(t *testing.T, readme string) []readmeCommand {
	t.Helper()
	var out []readmeCommand
	in, lang := false, ""
	for i, line := range strings.Split(readme, "\n") {
		if strings.HasPrefix(line, "```") {
			if in {
				in = false
				continue
			}
			in, lang = true, strings.TrimPrefix(line, "```")
			continue
		}
		if !in || (lang != "" && lang != "sh" && lang != "console") {
			continue
		}
		text := strings.TrimSpace(line)
		if lang == "console" {
			if !strings.HasPrefix(text, "$ ") {
				continue // output
			}
			text = strings.TrimPrefix(text, "$ ")
		}
		if c, _, ok := strings.Cut(text, " #"); ok {
			text = c
		}
		if strings.HasPrefix(text, "#") || strings.ContainsAny(text, "[]") ||
			placeholder.MatchString(text) {
			continue
		}
		// "go install ./cmd/spillway && .../spillway scan ...": the
		// install is the build this test runs in; the scan runs.
		if _, after, ok := strings.Cut(text, "&&"); ok {
			text = after
		}
		text = strings.Replace(text, "go run ./cmd/spillway", "spillway", 1)
		m := spillwayCommand.FindStringSubmatch(text)
		if m == nil || strings.Contains(text, "spillway-benchgen") || strings.HasPrefix(strings.TrimSpace(text), "go ") {
			continue
		}
		args := strings.Fields(m[1])
		if len(args) == 0 || !knownCommands[args[0]] {
			continue // a table or output that mentions spillway
		}
		out = append(out, readmeCommand{line: i + 1, args: args})
	}
	// Commands in the prose: `spillway explain SPW101`.
	for i, line := range strings.Split(readme, "\n") {
		for _, m := range inlineCommand.FindAllStringSubmatch(line, -1) {
			args := strings.Fields(m[1])
			if knownCommands[args[0]] && !placeholder.MatchString(m[1]) && !strings.ContainsAny(m[1], "[]|") {
				out = append(out, readmeCommand{line: i + 1, args: args})
			}
		}
	}
	return out
}

var (
	inlineCommand = regexp.MustCompile("`spillway ([^`]+)`")
	placeholder   = regexp.MustCompile(`SPWnnn|\bPATH\b|\bFILE\b|\bCOMMAND\b|\.\.\.|\bID\b`)
)

// TestReadmeWalkthrough runs every spillway command of README.md, in
// order, in a fresh copy of the example project (what a clone holds under
// testdata/examples), as a new user would after "go install
// ./cmd/spillway": none may fail (exit 2), the scans of the example report
// findings (exit 1, or 0 with --soft-fail or a baseline) and the fixed
// example scans clean. The README's install command ("go install") and
// "go test -race ./..." are the build and the test run this test is part
// of; no command needs the network (spillway never downloads anything).
// It also checks that the README pins no release tag that does not exist
// (issue 16 item 13 and the acceptance walk-through).
func TestReadmeWalkthrough(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?m)(@v\d+\.\d+\.\d+|rev: v\d+\.\d+\.\d+)`).FindString(string(readme)); m != "" {
		t.Errorf("README pins %q, a release that is not tagged; use main or a commit, and describe tags as v0.x.y", m)
	}
	cmds := readmeCommands(t, string(readme))
	if len(cmds) < 5 {
		t.Fatalf("only %d spillway commands found in README.md: %v", len(cmds), cmds)
	}
	work := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), "testdata", "examples"), filepath.Join(work, "testdata", "examples"))
	env := cli.Env{Cwd: work, Environ: []string{}}
	ran := map[string]bool{}
	for _, c := range cmds {
		// A command the README mentions twice (spillway init) is run
		// once, as a reader would.
		if key := strings.Join(c.args, " "); ran[key] {
			continue
		} else {
			ran[key] = true
		}
		r := spillway(t, env, c.args...)
		t.Logf("README.md:%d: spillway %s: exit %d", c.line, strings.Join(c.args, " "), r.code)
		if r.code == cli.ExitError {
			t.Errorf("README.md:%d: spillway %s: exit 2:\n%s", c.line, strings.Join(c.args, " "), r.stderr)
			continue
		}
		last := c.args[len(c.args)-1]
		switch {
		case last == "testdata/examples/shop-fixed" && r.code != cli.ExitOK:
			t.Errorf("README.md:%d: the fixed example has findings:\n%s", c.line, r.stdout)
		case last == "testdata/examples/shop" && !strings.Contains(strings.Join(c.args, " "), "--soft-fail") && r.code != cli.ExitFindings:
			t.Errorf("README.md:%d: the example has no findings (exit %d)", c.line, r.code)
		}
	}
}
