// Package gcpolicy sets how often spillway collects garbage.
//
// A scan allocates far more than it keeps: each root module's syntax,
// evaluation and graph are garbage once its findings are recorded. Go's
// default policy (GOGC=100) collects every time the heap doubles, which for
// a live heap of a few tens of MiB means a collection every few tens of
// MiB allocated. spillway instead lets the heap grow to a soft limit and
// collects there. A fixed limit thrashes once the live heap approaches it
// (every allocation then triggers a collection), so the limit rises with
// the live heap: after every collection it is set to
//
//	max(Floor, Factor × live heap)
//
// so a collection always frees at least half of the limit and the cost of
// collecting stays proportional to what is allocated, however large the
// live heap gets. GOGC or GOMEMLIMIT in the environment turn the policy
// off and leave the Go runtime's own settings in force.
package gcpolicy

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// Floor is the lowest soft memory limit: below it spillway never collects
// because of the limit.
const Floor = 192 << 20

// Factor is how many times the live heap the limit is at least.
const Factor = 2

// Apply installs the policy unless getenv reports GOGC or GOMEMLIMIT set,
// and reports whether it did. It is meant to be called once, by main.
func Apply(getenv func(string) string) bool {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return false
	}
	t := &tuner{floor: Floor, factor: Factor}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(t.floor)
	t.arm()
	return true
}

// tuner raises (or lowers back) the memory limit after each collection.
type tuner struct {
	floor, factor int64
	mu            sync.Mutex
	sample        []metrics.Sample
	// stopped ends the cycle of sentinels (tests).
	stopped atomic.Bool
}

// sentinel is allocated for one collection: its finalizer runs after the
// collection that finds it unreachable. It holds a pointer, and is larger
// than the tiny allocator's blocks, so that it is freed on its own.
type sentinel struct {
	t *tuner
	_ [4]uint64
}

// arm allocates the sentinel of the next collection.
func (t *tuner) arm() {
	s := &sentinel{t: t}
	runtime.SetFinalizer(s, func(s *sentinel) {
		if s.t.stopped.Load() {
			return
		}
		s.t.adjust()
		s.t.arm()
	})
}

// adjust sets the limit from the live heap the last collection measured.
func (t *tuner) adjust() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.sample == nil {
		t.sample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	}
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	debug.SetMemoryLimit(Limit(int64(min(t.sample[0].Value.Uint64(), 1<<62)), t.floor, t.factor))
}

// Limit is the soft memory limit for a live heap of live bytes: factor
// times the live heap, and at least floor.
func Limit(live, floor, factor int64) int64 {
	return max(floor, factor*live)
}
