package server

import (
	"testing"

	"kembang/backend/syncproto"
)

// Laptops keep a merge base only for the entities syncproto.MergesWithBase
// names; every rule that reads a mutation's Base must be among them, and
// every entity named must be one the server merges that way.
func TestMergesWithBaseMatchesRules(t *testing.T) {
	for entity, r := range rules {
		usesBase := r.merge == "fields" || r.merge == "plan"
		if got := syncproto.MergesWithBase(entity); got != usesBase {
			t.Errorf("%s: MergesWithBase = %v, but its rule merges %q", entity, got, r.merge)
		}
	}
	for _, entity := range []string{"employee", "development_plan", "assessment", "unit", "position"} {
		if _, ok := rules[entity]; !ok {
			t.Errorf("%s: no rule", entity)
		}
	}
}
