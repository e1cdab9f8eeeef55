package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"kembang/backend/core"
	"kembang/backend/domain"
)

// cmdRecap prints the JPM recap of a unit (and its sub-units) or of the
// whole office: `recap jpm [--unit U] [--period P] [--json]`. U is a unit
// id or name (case-insensitive); P defaults to the current year. --json
// prints the Recap object of docs/API.md.
func cmdRecap(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("recap", g)
	unitArg := fs.String("unit", "", "unit id or name (default: the whole office)")
	period := fs.String("period", "", "assessment period (default: the current year)")
	asJSON := fs.Bool("json", false, "print the recap as one JSON object")
	fs.Int("year", 0, "year (recap jp only)")
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(positional) == 1 && strings.ToLower(positional[0]) == "jp" {
		return cmdRecapJP(ctx, g, args, stdout)
	}
	if len(positional) != 1 || strings.ToLower(positional[0]) != "jpm" {
		return usageErr("recap: expected \"jpm\" or \"jp\" (see kembangctl --help)")
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
	p := strings.TrimSpace(*period)
	if p == "" {
		p = c.CurrentPeriod()
	}
	rc, err := c.Recap(ctx, unitID, p)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rc)
	}
	printRecap(stdout, rc)
	return nil
}

// findUnit resolves a unit by id, then by name.
func findUnit(ctx context.Context, c *core.Core, arg string) (string, error) {
	units, err := c.Store.ListUnits(ctx)
	if err != nil {
		return "", err
	}
	for _, u := range units {
		if u.ID == arg {
			return u.ID, nil
		}
	}
	key := strings.ToLower(strings.Join(strings.Fields(arg), " "))
	for _, u := range units {
		if strings.ToLower(u.Name) == key {
			return u.ID, nil
		}
	}
	return "", domain.E(domain.CodeNotFound, "recap", nil, "entity", "unit", "id", arg)
}

// printRecap writes the recap as readable tables (the category and column
// labels are the printed recap's, as in the xlsx export).
func printRecap(w io.Writer, rc *core.Recap) {
	th := rc.Thresholds
	fmt.Fprintf(w, "Rekap JPM — periode %s\n", rc.Period)
	fmt.Fprintf(w, "Pegawai: %d   Rata-rata JPM: %.2f%%   Belum dikategorikan: %d   Belum lengkap: %d\n\n",
		rc.Count, rc.AverageJPM, rc.Uncategorised, rc.Incomplete)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Kategori\tJumlah")
	for _, code := range []string{th.HighCode, th.MidCode, th.LowCode} {
		fmt.Fprintf(tw, "%s\t%d\n", core.CategoryLabel(code), rc.ByCategory[code])
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Kode\tKompetensi\tRata-rata kesenjangan")
	for _, g := range rc.AverageGap {
		fmt.Fprintf(tw, "%s\t%s\t%+.2f\n", g.Code, g.Name, g.Gap)
	}
	tw.Flush()
	if len(rc.LargestGaps) > 0 {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Kesenjangan terbesar\tUnit\tKode\tStandar\tAktual\tKesenjangan")
		for i, g := range rc.LargestGaps {
			if i == 10 {
				break
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%.2f\t%+.2f\n", g.Name, g.UnitName, g.Code, g.Standard, g.Actual, g.Gap)
		}
		tw.Flush()
	}
	boxes := 0
	for _, n := range rc.NineBox.Counts {
		boxes += n
	}
	if boxes > 0 {
		fmt.Fprintf(w, "\n9-box:")
		for b := 1; b <= 9; b++ {
			fmt.Fprintf(w, " [%d] %d", b, rc.NineBox.Counts[b])
		}
		fmt.Fprintln(w)
	}
}
