// Package gcpolicy sets how often spillway collects garbage.
//
// A scan allocates far more than it keeps: each root module's syntax,
// evaluation and graph are garbage once its findings are recorded, and
// hclsyntax alone allocates about fifty times the size of the source it
// parses. Go's default policy (GOGC=100) collects every time the heap
// doubles, which for a live heap of a few MiB means a collection every few
// MiB allocated. spillway instead lets the heap grow to a soft limit and
// collects there. After every collection the limit is set to
//
//	max(Floor, Factor × live heap)
//
// and it never goes down again during a scan:
//
//   - A fixed limit thrashes once the live heap approaches it (every
//     allocation then triggers a collection); with the factor a collection
//     always frees at least two thirds of the limit, so the cost of
//     collecting stays proportional to what is allocated however large the
//     live heap gets.
//   - A limit that went down after the live heap shrank would make the
//     runtime return memory to the system only to fault it in again on
//     the next root module (measured: 20% more wall time on 20,000 files).
//   - A high floor is not free either: every page of heap is faulted in
//     and cleared once, and a heap that stays small is reused while it is
//     still in the CPU's caches. With a 192 MiB floor a scan of 2,500 real
//     files took 20% longer than with 96 MiB.
//
// GOGC or GOMEMLIMIT in the environment turn the policy off and leave the
// Go runtime's own settings in force.
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
const Floor = 128 << 20

// Factor is how many times the live heap the limit is at least.
const Factor = 3

// Apply installs the policy unless getenv reports GOGC or GOMEMLIMIT set,
// and reports whether it did. It is meant to be called once, by main.
func Apply(getenv func(string) string) bool {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return false
	}
	t := &tuner{floor: Floor, factor: Factor, cur: Floor}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(t.floor)
	t.arm()
	return true
}

// tuner raises the memory limit after each collection.
type tuner struct {
	floor, factor int64
	// cur is the limit in force; it only rises.
	cur    int64
	mu     sync.Mutex
	sample []metrics.Sample
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

// adjust raises the limit to what the live heap the last collection
// measured calls for, if that is higher than the limit in force.
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
	if l := Limit(int64(min(t.sample[0].Value.Uint64(), 1<<62)), t.floor, t.factor); l > t.cur {
		t.cur = l
		debug.SetMemoryLimit(l)
	}
}

// Limit is the soft memory limit for a live heap of live bytes: factor
// times the live heap, and at least floor.
func Limit(live, floor, factor int64) int64 {
	return max(floor, factor*live)
}
