package main

import (
	"encoding/json"
	"strings"
	"testing"

	"kembang/backend/core"
)

func TestRecapJP(t *testing.T) {
	c := newCLI(t)
	c.mustRun(0, "demo", "--employees", "40")
	out, _ := c.mustRun(0, "recap", "jp", "--year", core.DemoPeriod, "--json")
	var rc core.Compliance
	if err := json.Unmarshal([]byte(out), &rc); err != nil {
		t.Fatalf("--json output is not a Compliance: %v\n%s", err, out)
	}
	if rc.Office.Count != 40 || rc.Target != 20 || rc.Office.TotalJP <= 0 || len(rc.Units) == 0 ||
		rc.Office.BelowTarget != len(rc.Below) {
		t.Errorf("office JP recap = %+v, %d units, %d below", rc.Office, len(rc.Units), len(rc.Below))
	}
	unit := rc.Units[0]
	out, _ = c.mustRun(0, "recap", "jp", "--unit", unit.UnitID, "--year", core.DemoPeriod, "--json")
	var ru core.Compliance
	if err := json.Unmarshal([]byte(out), &ru); err != nil {
		t.Fatal(err)
	}
	if ru.UnitID != unit.UnitID || ru.Office.Count < unit.Recap.Count {
		t.Errorf("unit recap = %+v", ru.Office)
	}
	text, _ := c.mustRun(0, "recap", "jp", "--year", core.DemoPeriod, "--lang", "en")
	if !strings.Contains(text, "JP compliance 2026") || !strings.Contains(text, "Below target") {
		t.Errorf("text recap:\n%s", text)
	}
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"without a year", []string{"recap", "jp"}, 2},
		{"a year out of range", []string{"recap", "jp", "--year", "99"}, 2},
		{"an unknown unit", []string{"recap", "jp", "--year", "2026", "--unit", "Bidang Antah"}, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, _ := c.run(tc.args...); code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
		})
	}
}
