package server

import (
	"fmt"
	"io"
	"sort"
	"sync"
)

// metrics are this instance's counters in the Prometheus text format.
type metrics struct {
	mu       sync.Mutex
	requests map[[2]string]uint64 // route, status class
	seconds  map[string]float64   // route → total seconds
	results  map[string]uint64    // push result → count
	changes  uint64               // changes sent by pulls
}

func newMetrics() *metrics {
	return &metrics{requests: map[[2]string]uint64{}, seconds: map[string]float64{}, results: map[string]uint64{}}
}

func (m *metrics) request(route string, status int, seconds float64) {
	m.mu.Lock()
	m.requests[[2]string{route, fmt.Sprint(status)}]++
	m.seconds[route] += seconds
	m.mu.Unlock()
}

func (m *metrics) pushed(status string) {
	m.mu.Lock()
	m.results[status]++
	m.mu.Unlock()
}

func (m *metrics) pulled(n int) {
	m.mu.Lock()
	m.changes += uint64(n)
	m.mu.Unlock()
}

func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP kembang_http_requests_total HTTP requests by route and status.")
	fmt.Fprintln(w, "# TYPE kembang_http_requests_total counter")
	keys := make([][2]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		fmt.Fprintf(w, "kembang_http_requests_total{route=%q,status=%q} %d\n", k[0], k[1], m.requests[k])
	}
	fmt.Fprintln(w, "# HELP kembang_http_request_seconds_total Time spent serving requests by route.")
	fmt.Fprintln(w, "# TYPE kembang_http_request_seconds_total counter")
	routes := make([]string, 0, len(m.seconds))
	for r := range m.seconds {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		fmt.Fprintf(w, "kembang_http_request_seconds_total{route=%q} %g\n", r, m.seconds[r])
	}
	fmt.Fprintln(w, "# HELP kembang_sync_mutations_total Pushed mutations by result.")
	fmt.Fprintln(w, "# TYPE kembang_sync_mutations_total counter")
	for _, s := range []string{"applied", "duplicate", "rejected"} {
		fmt.Fprintf(w, "kembang_sync_mutations_total{result=%q} %d\n", s, m.results[s])
	}
	fmt.Fprintln(w, "# HELP kembang_sync_pulled_changes_total Changes sent to devices.")
	fmt.Fprintln(w, "# TYPE kembang_sync_pulled_changes_total counter")
	fmt.Fprintf(w, "kembang_sync_pulled_changes_total %d\n", m.changes)
}
