package main

import (
	"encoding/json"
	"strings"
	"testing"

	"kembang/backend/core"
)

func TestRecapJPM(t *testing.T) {
	c := newCLI(t)
	c.mustRun(0, "demo", "--employees", "40")
	var units []string
	c.withCore(func(k *core.Core) {
		us, err := k.Store.ListUnits(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range us {
			units = append(units, u.Name)
		}
	})

	out, _ := c.mustRun(0, "recap", "jpm", "--period", core.DemoPeriod, "--json")
	var office core.Recap
	if err := json.Unmarshal([]byte(out), &office); err != nil {
		t.Fatalf("--json output is not a Recap: %v\n%s", err, out)
	}
	if office.Count != 40 || office.Period != core.DemoPeriod || office.UnitID != "" || len(office.People) != 40 {
		t.Errorf("office recap = %d people, period %q, unit %q", office.Count, office.Period, office.UnitID)
	}

	for _, name := range units {
		out, _ := c.mustRun(0, "recap", "jpm", "--unit", strings.ToUpper(name), "--period", core.DemoPeriod, "--json")
		var rc core.Recap
		if err := json.Unmarshal([]byte(out), &rc); err != nil {
			t.Fatal(err)
		}
		if rc.UnitID == "" {
			t.Errorf("unit %q resolved to the whole office", name)
		}
		if len(rc.Heatmap.Units) > 0 && rc.Count == 0 {
			t.Errorf("unit %q: heatmap without people", name)
		}
	}

	text, _ := c.mustRun(0, "recap", "jpm", "--period", core.DemoPeriod)
	for _, want := range []string{"Rekap JPM", "Optimal", "M.1"} {
		if !strings.Contains(text, want) {
			t.Errorf("text recap lacks %q:\n%s", want, text)
		}
	}
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"unknown unit", []string{"recap", "jpm", "--unit", "Tidak Ada"}, 2},
		{"unknown recap", []string{"recap", "ipk"}, 2},
		{"no recap named", []string{"recap"}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, _ := c.run(tc.args...); code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
		})
	}
}
