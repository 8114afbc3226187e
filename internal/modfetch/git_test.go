package modfetch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// runGit runs the git program for test setup, isolated from the user's
// configuration.
func runGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// makeRepo creates a repository with a tag v1 (first commit), a later
// commit on main, and returns its directory and the first commit.
func makeRepo(t *testing.T) (string, string) {
	t.Helper()
	repo := filepath.Join(t.TempDir(), "repo")
	if err := os.Mkdir(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	runGit(t, repo, "-c", "init.defaultBranch=main", "init", "--quiet")
	writeFiles(t, repo, map[string]string{
		"main.tf":           "# v1\n",
		"modules/x/main.tf": "# x v1\n",
	})
	if err := os.Symlink("main.tf", filepath.Join(repo, "alias.tf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../../../../../../../etc/passwd", filepath.Join(repo, "passwd.tf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc", filepath.Join(repo, "etc")); err != nil {
		t.Fatal(err)
	}
	runGit(t, repo, "add", "-A")
	runGit(t, repo, "commit", "--quiet", "-m", "v1")
	runGit(t, repo, "tag", "v1")
	first := runGit(t, repo, "rev-parse", "HEAD")
	writeFiles(t, repo, map[string]string{"main.tf": "# v2\n"})
	runGit(t, repo, "commit", "--quiet", "-am", "v2")
	runGit(t, repo, "branch", "feature")
	writeFiles(t, repo, map[string]string{"main.tf": "# v3\n"})
	runGit(t, repo, "commit", "--quiet", "-am", "v3")
	return repo, first
}

func requireGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

func TestGitFetch(t *testing.T) {
	requireGit(t)
	repo, first := makeRepo(t)
	parent := t.TempDir()
	cache := filepath.Join(parent, "cache")

	// A hook in the user's configuration writes a marker: it must not run
	// for a fetch (core.hooksPath=/dev/null on the command line wins).
	hooks := filepath.Join(t.TempDir(), "hooks")
	marker := filepath.Join(parent, "hook-ran")
	writeFiles(t, hooks, map[string]string{"post-checkout": "#!/bin/sh\necho ran > '" + marker + "'\n"})
	if err := os.Chmod(filepath.Join(hooks, "post-checkout"), 0o755); err != nil {
		t.Fatal(err)
	}
	gitConfigFile := filepath.Join(t.TempDir(), "gitconfig")
	writeFiles(t, filepath.Dir(gitConfigFile), map[string]string{"gitconfig": "[core]\n\thooksPath = " + hooks + "\n"})
	t.Setenv("GIT_CONFIG_GLOBAL", gitConfigFile)

	f := New(Options{CacheDir: cache, Network: true, Getenv: env(nil)})
	url := "file://" + filepath.ToSlash(repo)
	tests := []struct {
		source, wantVersion, wantFile, wantBody, wantDisplay string
	}{
		{"git::" + url + "?ref=v1", "v1", "main.tf", "# v1\n", "git::" + url + " ref v1"},
		{"git::" + url + "//modules/x?ref=v1", "v1", "main.tf", "# x v1\n", "git::" + url + "//modules/x ref v1"},
		{"git::" + url + "?ref=feature", "feature", "main.tf", "# v2\n", "git::" + url + " ref feature"},
		{"git::" + url, "", "main.tf", "# v3\n", "git::" + url},
		{"git::" + url + "?ref=" + first, first, "main.tf", "# v1\n", "git::" + url + " ref " + first},
		{"git::" + url + "?ref=" + first[:12], first[:12], "main.tf", "# v1\n", "git::" + url + " ref " + first[:12]},
	}
	dirs := map[string]string{}
	for _, tt := range tests {
		m, err := f.Fetch(context.Background(), tt.source, "")
		if err != nil {
			t.Fatalf("Fetch(%q): %v", tt.source, err)
		}
		dirs[tt.source] = m.Dir
		if strings.ContainsAny(m.Package, "?#") || strings.Contains(m.Package, "//") || strings.HasPrefix(m.Package, "/") ||
			(tt.wantVersion != "" && !strings.HasSuffix(m.Package, "@"+tt.wantVersion)) {
			t.Errorf("Fetch(%q).Package = %q for display %q", tt.source, m.Package, tt.wantDisplay)
		}
		if m.Version != tt.wantVersion || m.Display != tt.wantDisplay {
			t.Errorf("Fetch(%q) = version %q display %q, want %q %q", tt.source, m.Version, m.Display, tt.wantVersion, tt.wantDisplay)
		}
		if got := readFile(t, filepath.Join(m.Dir, tt.wantFile)); got != tt.wantBody {
			t.Errorf("Fetch(%q): %s = %q, want %q", tt.source, tt.wantFile, got, tt.wantBody)
		}
		if _, err := os.Stat(filepath.Join(m.Root, ".git")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Fetch(%q): .git kept in the cache (%v)", tt.source, err)
		}
		if !within(cache, m.Root) {
			t.Errorf("Fetch(%q).Root = %s, not in the cache", tt.source, m.Root)
		}
	}

	// Links inside the package stay, links out of it are removed.
	root := filepath.Dir(filepath.Dir(dirs["git::"+url+"//modules/x?ref=v1"]))
	if got := readFile(t, filepath.Join(root, "alias.tf")); got != "# v1\n" {
		t.Errorf("alias.tf = %q, want the linked main.tf", got)
	}
	for _, name := range []string{"passwd.tf", "etc"} {
		if _, err := os.Lstat(filepath.Join(root, name)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("symbolic link %s leaving the package was kept (%v)", name, err)
		}
	}
	if _, err := os.Stat(marker); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a git hook ran during the fetch (%v)", err)
	}

	// Unknown refs fail with git's message and leave nothing behind.
	_, err := f.Fetch(context.Background(), "git::"+url+"?ref=nope", "")
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("Fetch of an unknown ref: %v, want an error naming it", err)
	}
	_, err = f.Fetch(context.Background(), "git::"+url+"?ref=deadbeefdeadbeef", "")
	if err == nil || !strings.Contains(err.Error(), "deadbeefdeadbeef") {
		t.Errorf("Fetch of an unknown commit: %v, want an error naming it", err)
	}

	// Offline, the same module comes from the cache, even with the
	// repository gone.
	if err := os.RemoveAll(repo); err != nil {
		t.Fatal(err)
	}
	offline := New(Options{CacheDir: cache, Getenv: env(nil)})
	for _, tt := range tests {
		m, err := offline.Fetch(context.Background(), tt.source, "")
		if err != nil {
			t.Fatalf("offline Fetch(%q): %v", tt.source, err)
		}
		if m.Dir != dirs[tt.source] {
			t.Errorf("offline Fetch(%q).Dir = %s, want %s", tt.source, m.Dir, dirs[tt.source])
		}
	}
	if _, err := offline.Fetch(context.Background(), "git::"+url+"?ref=v9", ""); !errors.Is(err, ErrNotCached) {
		t.Errorf("offline Fetch of an uncached ref: %v, want ErrNotCached", err)
	}
	assertConfined(t, parent, cache)
}

func TestGitHookConfigIsEffective(t *testing.T) {
	// Guards TestGitFetch: the same configuration does run a hook for a
	// plain clone, so its absence there is due to the fetcher's options.
	requireGit(t)
	repo, _ := makeRepo(t)
	dir := t.TempDir()
	hooks := filepath.Join(dir, "hooks")
	marker := filepath.Join(dir, "hook-ran")
	writeFiles(t, hooks, map[string]string{"post-checkout": "#!/bin/sh\necho ran > '" + marker + "'\n"})
	if err := os.Chmod(filepath.Join(hooks, "post-checkout"), 0o755); err != nil {
		t.Fatal(err)
	}
	runGit(t, dir, "-c", "core.hooksPath="+hooks, "clone", "--quiet", "file://"+filepath.ToSlash(repo), filepath.Join(dir, "clone"))
	if _, err := os.Stat(marker); err != nil {
		t.Skipf("post-checkout hooks do not run here (%v)", err)
	}
}

// fakeGit writes a shell script to use as Options.Git.
func fakeGit(t *testing.T, body string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("needs a POSIX shell")
	}
	p := filepath.Join(t.TempDir(), "git")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGitArguments(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	logFile := filepath.Join(dir, "log")
	git := fakeGit(t, `for a in "$@"; do printf '%s\n' "$a"; done >> '`+logFile+`'
env | grep '^GIT_TERMINAL_PROMPT=' >> '`+logFile+`'
echo "fatal: no such repository" >&2
exit 128`)
	f := New(Options{CacheDir: filepath.Join(dir, "cache"), Network: true, Git: git, Getenv: env(nil)})
	_, err := f.Fetch(context.Background(), "git::https://example.com/acme/repo.git//sub?ref=v1.2.0", "")
	if err == nil || !strings.Contains(err.Error(), "fatal: no such repository") {
		t.Fatalf("Fetch with a failing git: %v, want git's message", err)
	}
	got := readFile(t, logFile)
	for _, want := range []string{
		"-c\ncore.hooksPath=/dev/null\n",
		"-c\nprotocol.allow=never\n",
		"-c\nprotocol.https.allow=always\n",
		"\nclone\n",
		"\n--template=\n",
		"\n--no-recurse-submodules\n",
		"\n--depth\n1\n",
		"\n--branch\nv1.2.0\n",
		"\n--\nhttps://example.com/acme/repo.git\n" + filepath.Join(dir, "cache", tmpDir),
		"GIT_TERMINAL_PROMPT=0\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("git arguments and environment\n%s\nlack %q", got, want)
		}
	}
	if strings.Count(got, "\nclone\n") != 1 {
		t.Errorf("git ran more than once for a ref that is not a commit:\n%s", got)
	}
}

func TestGitTimeout(t *testing.T) {
	t.Parallel()
	git := fakeGit(t, "exec sleep 10")
	f := New(Options{CacheDir: t.TempDir(), Network: true, Git: git, Getenv: env(nil), Timeout: 300 * time.Millisecond})
	start := time.Now()
	_, err := f.Fetch(context.Background(), "git::https://example.com/acme/repo.git", "")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Fetch with a hanging git: %v, want a deadline error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Fetch took %v despite a 300ms timeout", d)
	}
}
