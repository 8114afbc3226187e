package modfetch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// gitConfig are the -c options of every git command: no hooks, no
// submodules, no fsmonitor, and only the https, ssh and file transports
// (so no ext:: helper can run a command).
var gitConfig = []string{
	"-c", "core.hooksPath=/dev/null",
	"-c", "core.fsmonitor=false",
	"-c", "submodule.recurse=false",
	"-c", "protocol.allow=never",
	"-c", "protocol.https.allow=always",
	"-c", "protocol.ssh.allow=always",
	"-c", "protocol.file.allow=always",
	"-c", "advice.detachedHead=false",
}

// gitClone clones src into dst (an empty directory), checks out its ref,
// removes .git and the symbolic links that leave the package, and returns
// the commit checked out.
func (f *Fetcher) gitClone(ctx context.Context, src *source, dst string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	remote := src.url.String()
	args := []string{"clone", "--quiet", "--template=", "--no-recurse-submodules", "--depth", "1"}
	if src.ref != "" {
		args = append(args, "--branch", src.ref)
	}
	args = append(args, "--", remote, dst)
	if err := f.git(ctx, "", args...); err != nil {
		if src.ref == "" || !commitRE.MatchString(src.ref) || ctx.Err() != nil {
			return "", fmt.Errorf("git clone %s: %w", src.display(""), err)
		}
		// The ref may be a commit, which --branch does not take: clone
		// everything and check it out.
		if err := emptyDir(dst); err != nil {
			return "", err
		}
		if err := f.git(ctx, "", "clone", "--quiet", "--template=", "--no-recurse-submodules", "--no-checkout", "--", remote, dst); err != nil {
			return "", fmt.Errorf("git clone %s: %w", src.display(""), err)
		}
		if err := f.git(ctx, dst, "checkout", "--quiet", "--detach", src.ref); err != nil {
			return "", fmt.Errorf("git checkout %s in %s: %w", src.ref, src.display(""), err)
		}
	}
	commit, err := f.gitOutput(ctx, dst, "rev-parse", "HEAD")
	if err != nil {
		return "", fmt.Errorf("git rev-parse in %s: %w", src.display(""), err)
	}
	if err := os.RemoveAll(filepath.Join(dst, ".git")); err != nil {
		return "", fmt.Errorf("remove .git: %w", err)
	}
	if err := dropEscapingLinks(dst); err != nil {
		return "", err
	}
	return commit, nil
}

func emptyDir(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("clear %s: %w", dir, err)
	}
	if err := os.Mkdir(dir, 0o750); err != nil {
		return fmt.Errorf("clear %s: %w", dir, err)
	}
	return nil
}

func (f *Fetcher) command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	full := append(append([]string{}, gitConfig...), args...)
	cmd := exec.CommandContext(ctx, f.opts.Git, full...) //nolint:gosec // the git program the user configured, with fixed options; URLs come after "--" and refs are checked
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GIT_TERMINAL_PROMPT=0",
		"GCM_INTERACTIVE=never",
		"GIT_CONFIG_NOSYSTEM=1",
		"LC_ALL=C",
	)
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

func (f *Fetcher) git(ctx context.Context, dir string, args ...string) error {
	_, err := f.gitOutput(ctx, dir, args...)
	return err
}

func (f *Fetcher) gitOutput(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := f.command(ctx, dir, args...)
	var stdout, stderr capped
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err := cmd.Run()
	if err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("%w (%w)", ctx.Err(), err)
		}
		msg := strings.TrimSpace(stderr.String())
		if msg != "" {
			return "", fmt.Errorf("%w: %s", err, msg)
		}
		return "", fmt.Errorf("run git: %w", err)
	}
	return strings.TrimSpace(stdout.String()), nil
}

// capped keeps the first 8 KiB written to it.
type capped struct{ b []byte }

func (c *capped) Write(p []byte) (int, error) {
	if room := 8<<10 - len(c.b); room > 0 {
		c.b = append(c.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (c *capped) String() string { return string(c.b) }

// dropEscapingLinks removes each symbolic link under root whose target
// (followed to the end) is outside root or missing.
func dropEscapingLinks(root string) error {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("resolve %s: %w", root, err)
	}
	var links []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			links = append(links, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("walk the checkout: %w", err)
	}
	// Decide for every link before removing any, then remove; a link to a
	// removed link is caught by a second pass.
	for changed := true; changed; {
		changed = false
		kept := links[:0]
		for _, l := range links {
			real, err := filepath.EvalSymlinks(l)
			if err == nil && within(realRoot, real) {
				kept = append(kept, l)
				continue
			}
			if rerr := os.Remove(l); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
				return fmt.Errorf("remove the symbolic link %s: %w", l, rerr)
			}
			changed = true
		}
		links = kept
	}
	return nil
}
