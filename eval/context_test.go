package eval_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/spillway-iac/spillway/eval"
)

// TestContextStopsEvaluation: an evaluation that would run for minutes
// with the budget lifted stops soon after its context is done, with one
// error at the loop it was in and Err naming the root module and the
// reason.
func TestContextStopsEvaluation(t *testing.T) {
	t.Parallel()
	const src = `
locals {
  n = range(1000)
  v = [for a in local.n : [for b in local.n : [for c in local.n : c if c < 0]]]
}
`
	for _, tt := range []struct {
		name   string
		cancel func(context.Context) (context.Context, context.CancelFunc)
		want   error
		reason string
	}{
		{"deadline", func(ctx context.Context) (context.Context, context.CancelFunc) {
			return context.WithTimeout(ctx, 200*time.Millisecond)
		}, context.DeadlineExceeded, "its deadline was exceeded"},
		{"cancel", func(ctx context.Context) (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(ctx)
			time.AfterFunc(200*time.Millisecond, cancel)
			return ctx, cancel
		}, context.Canceled, "it was canceled"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := tt.cancel(context.Background())
			defer cancel()
			l := mapLoader(map[string]string{"main.tf": src})
			r := newRoot(t, l, ".", eval.Options{MaxEvaluations: 1 << 62, Context: ctx})
			start := time.Now()
			v := local(r, "v")
			if d := time.Since(start); d > time.Second*raceFactor {
				t.Errorf("evaluation took %s", d)
			}
			if v.IsWhollyKnown() {
				t.Error("value is known")
			}
			if err := r.Err(); !errors.Is(err, tt.want) || !strings.Contains(err.Error(), "analysis of root module . stopped") {
				t.Errorf("Err() = %v, want analysis of root module . stopped: %v", err, tt.want)
			}
			diags := r.Diagnostics()
			if len(diags) != 1 || diags[0].Severity != hcl.DiagError || diags[0].Summary != eval.SummaryStopped ||
				!strings.Contains(diags[0].Detail, tt.reason) || diags[0].Subject == nil || diags[0].Subject.Start.Line != 4 {
				t.Errorf("diagnostics %v, want one %q on line 4 saying %q", diags, eval.SummaryStopped, tt.reason)
			}
		})
	}
}

// TestContextNotDone: a context that is never done changes nothing.
func TestContextNotDone(t *testing.T) {
	t.Parallel()
	l := mapLoader(map[string]string{"main.tf": "locals {\n  v = [for i in range(1000) : i * 2]\n}\n"})
	r := newRoot(t, l, ".", eval.Options{Context: context.Background()})
	if v := local(r, "v"); !v.IsWhollyKnown() || v.LengthInt() != 1000 {
		t.Errorf("value %#v", v)
	}
	if r.Err() != nil || len(r.Diagnostics()) != 0 {
		t.Errorf("Err() = %v, diagnostics %v", r.Err(), r.Diagnostics())
	}
}
