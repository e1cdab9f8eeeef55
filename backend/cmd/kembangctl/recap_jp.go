package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"kembang/backend/core"
)

// cmdRecapJP prints the JP compliance of a unit (and its sub-units) or the
// whole office for one year: `recap jp --year Y [--unit U] [--json]`.
// --json prints the Compliance object of docs/API.md
// (DevelopmentDashboardService.Compliance), for scripts.
func cmdRecapJP(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("recap", g)
	unitArg := fs.String("unit", "", "unit id or name (default: the whole office)")
	year := fs.Int("year", 0, "year (required)")
	asJSON := fs.Bool("json", false, "print the recap as one JSON object")
	fs.String("period", "", "not used by recap jp")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *year < 2000 || *year > 2100 {
		return usageErr("recap jp: --year YYYY is required (2000–2100)")
	}
	c, err := openCore(ctx, g)
	if err != nil {
		return err
	}
	defer c.Close()
	unitID := ""
	if *unitArg != "" {
		if unitID, err = findUnit(ctx, c, *unitArg); err != nil {
			return &exitError{code: 2, err: err}
		}
	}
	rc, err := c.Compliance(ctx, *year, unitID)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rc)
	}
	printJPRecap(stdout, g.lang, rc)
	return nil
}

func jpNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// printJPRecap writes the compliance as readable tables.
func printJPRecap(w io.Writer, lang string, rc *core.Compliance) {
	l := func(id, en string) string {
		if lang == "en" {
			return en
		}
		return id
	}
	fmt.Fprintf(w, "%s %d — %s %s JP\n", l("Kepatuhan JP tahun", "JP compliance"), rc.Year, l("target", "target"), jpNum(rc.Target))
	o := rc.Office
	fmt.Fprintf(w, "%s: %d, %s: %d (%s%%), %s: %d, %s: %s JP\n\n", l("Pegawai", "Employees"), o.Count,
		l("memenuhi", "compliant"), o.Compliant, jpNum(o.ComplianceRate), l("di bawah target", "below target"), o.BelowTarget,
		l("rata-rata", "average"), jpNum(o.AverageJP))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join([]string{l("Unit", "Unit"), l("Pegawai", "Employees"), l("Memenuhi", "Compliant"),
		"%", l("Rata-rata JP", "Average JP"), l("Kekurangan JP", "Shortfall JP")}, "\t"))
	for _, u := range rc.Units {
		name := u.UnitName
		if name == "" {
			name = "—"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\n", name, u.Recap.Count, u.Recap.Compliant, jpNum(u.Recap.ComplianceRate),
			jpNum(u.Recap.AverageJP), jpNum(u.Recap.TotalShortfall))
	}
	tw.Flush()
	if len(rc.Below) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", l("Di bawah target", "Below target"))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join([]string{"NIP", l("Nama", "Name"), "Unit", "JP", l("Kurang", "Short"), l("Direncanakan", "Planned")}, "\t"))
	for _, b := range rc.Below {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", b.NIP, b.Name, b.UnitName, jpNum(b.Total), jpNum(b.Shortfall), jpNum(b.PlannedJP))
	}
	tw.Flush()
}
