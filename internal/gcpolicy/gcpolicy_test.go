package gcpolicy

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestLimit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                      string
		live, floor, factor, want int64
	}{
		{"small heap keeps the floor", 10 << 20, 192 << 20, 2, 192 << 20},
		{"at half the floor", 96 << 20, 192 << 20, 2, 192 << 20},
		{"large heap doubles", 300 << 20, 192 << 20, 2, 600 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Limit(tt.live, tt.floor, tt.factor); got != tt.want {
				t.Errorf("Limit(%d, %d, %d) = %d, want %d", tt.live, tt.floor, tt.factor, got, tt.want)
			}
		})
	}
}

func TestApplyRespectsEnvironment(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		env := func(k string) string {
			if k == name {
				return "100"
			}
			return ""
		}
		if Apply(env) {
			t.Errorf("Apply with %s set installed the policy", name)
		}
	}
}

// TestLimitRisesWithLiveHeap: after a collection the limit is at least
// Factor times the live heap, here well above the (tiny) floor.
func TestLimitRisesWithLiveHeap(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	tu := &tuner{floor: 1 << 20, factor: 2}
	tu.arm()
	defer tu.stopped.Store(true)
	live := make([][]byte, 64)
	for i := range live {
		live[i] = make([]byte, 256<<10) // 16 MiB in all
	}
	deadline := time.Now().Add(10 * time.Second)
	for debug.SetMemoryLimit(-1) < 32<<20 {
		if time.Now().After(deadline) {
			t.Fatalf("limit %d after collections, want at least 32 MiB", debug.SetMemoryLimit(-1))
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(live)
}

// TestLimitNeverGoesDown: a collection that finds a live heap smaller than
// the one the limit was raised for leaves the limit where it is.
func TestLimitNeverGoesDown(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	const high = 512 << 20
	debug.SetMemoryLimit(high)
	tu := &tuner{floor: 1 << 20, factor: 2, cur: high}
	runtime.GC()
	tu.adjust()
	if got := debug.SetMemoryLimit(-1); got != high {
		t.Errorf("limit %d after a collection with a small live heap, want it kept at %d", got, high)
	}
	tu.cur = 0
	tu.adjust()
	if got := debug.SetMemoryLimit(-1); got >= high {
		t.Errorf("limit %d with no limit in force yet, want it set from the live heap", got)
	}
}
