//go:build race

package core_test

// raceEnabled: the crash test builds its child without the race detector,
// which slows the child's database work a hundredfold.
const raceEnabled = true
