package fix_test

import "runtime"

// testingMemStats reads the bytes allocated so far.
type testingMemStats struct{ total uint64 }

func (m *testingMemStats) read() {
	var s runtime.MemStats
	runtime.ReadMemStats(&s)
	m.total = s.TotalAlloc
}
