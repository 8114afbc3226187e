package parser_test

import (
	"context"
	"errors"
	"testing"

	"github.com/spillway-iac/spillway/parser"
)

// TestCanceledLoader: a loader whose context is done walks and reads
// nothing more, and says why.
func TestCanceledLoader(t *testing.T) {
	t.Parallel()
	files := map[string]string{"a/main.tf": "locals {\n  x = 1\n}\n", "b/main.tf": "", "a/t.tftpl": "x"}
	live := parser.NewLoader(mapFS(files), parser.Options{Context: context.Background()})
	if dirs, diags := live.Discover("."); len(dirs) != 2 || len(diags) != 0 {
		t.Fatalf("live loader: dirs %q, diagnostics %v", dirs, diags)
	}
	if m := live.Module("a"); m.Broken || len(m.Locals) != 1 {
		t.Fatalf("live loader: module a %+v", m)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	l := parser.NewLoader(mapFS(files), parser.Options{Context: ctx})
	dirs, diags := l.Discover(".")
	if len(dirs) != 0 || len(diags) != 1 || diags[0].Summary != "Scan canceled" {
		t.Errorf("Discover: dirs %q, diagnostics %v", dirs, diags)
	}
	f := l.ReadFile("a/main.tf")
	if f.HCL != nil || f.Bytes != nil || len(f.Diags) != 1 || f.Diags[0].Summary != "Scan canceled" {
		t.Errorf("ReadFile: %+v", f)
	}
	if _, err := l.ReadBytes("a/t.tftpl"); !errors.Is(err, context.Canceled) {
		t.Errorf("ReadBytes: error %v, want context.Canceled", err)
	}
}
