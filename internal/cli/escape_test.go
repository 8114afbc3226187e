package cli_test

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spillway-iac/spillway/internal/cli"
)

// TestNothingOutsideTheTreeIsRead puts a secret next to the scanned tree
// and tries every way out of it: relative and absolute paths in file
// functions, a symbolic link to the secret, a symbolic link to a module
// outside, and a module source above the tree. The secret must never
// appear in the output, and every value that would have held it is
// unknown.
func TestNothingOutsideTheTreeIsRead(t *testing.T) {
	buf := make([]byte, 16)
	if _, err := rand.Read(buf); err != nil {
		t.Fatal(err)
	}
	secret := "spillway-sentinel-" + hex.EncodeToString(buf)
	tmp := t.TempDir()
	sentinel := filepath.Join(tmp, "sentinel")
	writeFiles(t, tmp, map[string]string{
		"sentinel":                secret + "\n",
		"sentinel.tftpl":          secret + " ${x}\n",
		"outside/main.tf":         `resource "aws_lambda_function" "leak" { function_name = "` + secret + `" }` + "\n",
		"outside/module/main.tf":  `output "v" { value = "` + secret + `" }` + "\n",
		"root/modules/ok/main.tf": `output "v" { value = "fine" }` + "\n",
	})
	fns := map[string]string{
		"relative":        `file("../sentinel")`,
		"absolute":        `file("` + filepath.ToSlash(sentinel) + `")`,
		"symlink":         `file("link")`,
		"base64":          `filebase64("../sentinel")`,
		"template":        `templatefile("../sentinel.tftpl", { x = 1 })`,
		"template_link":   `templatefile("tmpl_link", { x = 1 })`,
		"fileset":         `fileset("..", "*")`,
		"fileset_pattern": `fileset(".", "../*")`,
		"exists":          `fileexists("../sentinel")`,
		"module_up":       `module.up.v`,
		"module_link":     `module.linked.v`,
	}
	var src strings.Builder
	src.WriteString("module \"up\" {\n  source = \"../outside/module\"\n}\n")
	src.WriteString("module \"linked\" {\n  source = \"./modlink\"\n}\n")
	src.WriteString("module \"above\" {\n  source = \"../../..\"\n}\n")
	for name, expr := range fns {
		src.WriteString(`resource "aws_lambda_function" "` + name + `" {` + "\n")
		src.WriteString(`  function_name                  = "` + name + `"` + "\n")
		src.WriteString(`  reserved_concurrent_executions = length(` + expr + ")\n}\n")
	}
	writeFiles(t, tmp, map[string]string{"root/main.tf": src.String()})
	for link, target := range map[string]string{
		"root/link":         sentinel,
		"root/tmpl_link":    filepath.Join(tmp, "sentinel.tftpl"),
		"root/modlink":      filepath.Join(tmp, "outside", "module"),
		"root/outside_link": filepath.Join(tmp, "outside"),
	} {
		if err := os.Symlink(target, filepath.Join(tmp, filepath.FromSlash(link))); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	env := cli.Env{Cwd: tmp, Environ: []string{"TF_VAR_x=1"}}
	for _, format := range []string{"json", "text", "sarif"} {
		r := spillway(t, env, "scan", "--debug", "--all-dirs", "-f", format, "root")
		if strings.Contains(r.stdout, secret) || strings.Contains(r.stderr, secret) {
			t.Fatalf("%s: the secret outside the tree was read:\n%s\n%s", format, r.stdout, r.stderr)
		}
		if format != "json" {
			continue
		}
		var rep struct {
			Findings []struct {
				RuleID   string `json:"rule_id"`
				Resource string `json:"resource"`
			} `json:"findings"`
			Undetermined []struct {
				RuleID   string `json:"rule_id"`
				Resource string `json:"resource"`
				Unknown  string `json:"unknown"`
			} `json:"undetermined"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
			t.Fatal(err)
		}
		for name := range fns {
			found := false
			for _, u := range rep.Undetermined {
				if u.RuleID == "SPW201" && u.Resource == "aws_lambda_function."+name {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: reserved_concurrent_executions is not unknown (undetermined: %+v)", name, rep.Undetermined)
			}
		}
		for _, f := range rep.Findings {
			if f.RuleID == "SPW201" && f.Resource != "aws_lambda_function.leak" {
				t.Errorf("a finding on a value read from outside: %+v", f)
			}
		}
	}
}

// TestSymlinkLoops: links that loop, and a directory linking to its
// parent, must not hang discovery or module loading.
func TestSymlinkLoops(t *testing.T) {
	tmp := t.TempDir()
	writeFiles(t, tmp, map[string]string{
		"main.tf":       "module \"self\" {\n  source = \"./loop\"\n}\n" + `resource "aws_lambda_function" "f" { function_name = "f" }` + "\n",
		"sub/main.tf":   "module \"up\" {\n  source = \"./parent\"\n}\n",
		"links/main.tf": "locals {\n  a = 1\n}\n",
	})
	for link, target := range map[string]string{
		"links/a.tf": "b.tf",
		"links/b.tf": "a.tf",
		"loop":       ".",
		"sub/parent": "..",
		"sub/self":   "../sub",
	} {
		if err := os.Symlink(target, filepath.Join(tmp, filepath.FromSlash(link))); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	done := make(chan run, 1)
	go func() {
		done <- spillway(t, cli.Env{Cwd: tmp, Environ: []string{}}, "scan", "-f", "json", "--all-dirs", ".")
	}()
	select {
	case r := <-done:
		if r.code != cli.ExitError {
			t.Errorf("exit code %d, want 2 (the looping links are unreadable files)", r.code)
		}
		rep := decode(t, r.stdout)
		var summaries []string
		for _, e := range rep.Errors {
			summaries = append(summaries, e.File+": "+e.Summary)
		}
		joined := strings.Join(summaries, "\n")
		// The module that calls itself through a link stops where the
		// file system stops following links, or at the nesting limit.
		loop := strings.Contains(joined, "Module nesting too deep") || strings.Contains(joined, "loop/main.tf: Module not found")
		if !strings.Contains(joined, "links/a.tf: Unreadable file") || !loop {
			t.Errorf("errors:\n%s", joined)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the scan hangs on symbolic link loops")
	}
}
