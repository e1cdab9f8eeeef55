//go:build !windows

package sync

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user + system) the process has used so far: on
// a shared machine it varies far less with other load than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// CPUTime is cpuTime for the benchmarks of package sync_test.
var CPUTime = cpuTime
