// Package storetest is the one conformance suite for backend/store: every
// repository behaviour, asserted identically on SQLite and PostgreSQL.
package storetest

import (
	"testing"

	"kembang/backend/store"
)

type testCase struct {
	name string
	fn   func(t *testing.T, s *store.Store)
}

// Run runs the suite. open must return a fresh, empty, migrated store for
// each call; Run replaces its clock, device and actor with deterministic ones.
func Run(t *testing.T, open func(t *testing.T) *store.Store) {
	var cases []testCase
	cases = append(cases, syncCases...)
	cases = append(cases, outboxCases()...)
	cases = append(cases, repoCases...)
	cases = append(cases, employeeCases...)
	cases = append(cases, importCases...)
	cases = append(cases, assessmentCases...)
	cases = append(cases, developmentCases...)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			s.Now = NewClock().Now
			s.Device = Device
			s.Actor = Actor
			tc.fn(t, s)
		})
	}
}
