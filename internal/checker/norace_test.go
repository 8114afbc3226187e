//go:build !race

package checker_test

// raceFactor scales time guards: the race detector slows code down.
const raceFactor = 1
