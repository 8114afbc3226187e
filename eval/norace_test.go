//go:build !race

package eval_test

// raceFactor scales time guards: the race detector slows code down.
const raceFactor = 1
