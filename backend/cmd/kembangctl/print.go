package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/report"
)

// cmdPrint renders a document to a file (docs/REPORTS.md):
//
//	print idp --nip NIP [--year Y] --out F.pdf
//	print certificates --event ID --out F.pdf
//	print recap jpm [--unit U] [--period P] --out F.pdf|F.xlsx
//	print recap jp [--unit U] [--year Y] --out F.pdf|F.xlsx
//	print attendance --event ID --out F.pdf|F.xlsx
//	print history --nip NIP --out F.pdf|F.xlsx
//
// The format follows the extension of --out. The file is written
// atomically; stdout gets its path and size.
func cmdPrint(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("print", g)
	nip := fs.String("nip", "", "employee NIP (idp, history)")
	employee := fs.String("employee", "", "employee id (instead of --nip)")
	year := fs.Int("year", 0, "year (idp, recap jp; default: the current year)")
	event := fs.String("event", "", "training event id or code (certificates, attendance)")
	unitArg := fs.String("unit", "", "unit id or name (recaps; default: the whole office)")
	period := fs.String("period", "", "assessment period (recap jpm; default: the current year)")
	out := fs.String("out", "", "output file, .pdf or .xlsx")
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(positional) == 0 {
		return usageErr("print: expected idp, certificates, recap jpm|jp, attendance or history (see kembangctl --help)")
	}
	req := core.PrintRequest{NIP: *nip, EmployeeID: *employee, Year: *year, Period: *period}
	switch kind := strings.ToLower(positional[0]); {
	case kind == "idp" && len(positional) == 1:
		req.Doc = core.DocIDP
	case kind == "certificates" && len(positional) == 1:
		req.Doc = core.DocCertificates
	case kind == "attendance" && len(positional) == 1:
		req.Doc = core.DocAttendance
	case kind == "history" && len(positional) == 1:
		req.Doc = core.DocHistory
	case kind == "recap" && len(positional) == 2 && strings.EqualFold(positional[1], "jpm"):
		req.Doc = core.DocRecapJPM
	case kind == "recap" && len(positional) == 2 && strings.EqualFold(positional[1], "jp"):
		req.Doc = core.DocRecapJP
	default:
		return usageErr("print: unknown document %q (idp, certificates, recap jpm|jp, attendance, history)", strings.Join(positional, " "))
	}
	if *out == "" {
		return usageErr("print: --out FILE is required")
	}
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".pdf":
		req.Format = core.FormatPDF
	case ".xlsx":
		req.Format = core.FormatXLSX
	default:
		return usageErr("print: --out must end in .pdf or .xlsx, not %q", filepath.Base(*out))
	}
	switch req.Doc {
	case core.DocIDP, core.DocHistory:
		if req.NIP == "" && req.EmployeeID == "" {
			return usageErr("print %s: --nip NIP is required", positional[0])
		}
	case core.DocCertificates, core.DocAttendance:
		if *event == "" {
			return usageErr("print %s: --event ID is required", positional[0])
		}
	}
	if *year != 0 && (*year < 2000 || *year > 2100) {
		return usageErr("print: --year must be 2000–2100")
	}

	c, err := openCore(ctx, g)
	if err != nil {
		return err
	}
	defer c.Close()
	if *event != "" {
		if req.EventID, err = findEvent(ctx, c, *event); err != nil {
			return &exitError{code: 2, err: err}
		}
	}
	if *unitArg != "" {
		if req.UnitID, err = findUnit(ctx, c, *unitArg); err != nil {
			return &exitError{code: 2, err: err}
		}
	}
	doc, err := c.Print(ctx, req)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if err := core.WriteFileAtomic(*out, doc.Data); err != nil {
		return &exitError{code: 2, err: err}
	}
	if doc.Pages > 0 {
		fmt.Fprintf(stdout, msg(g.lang, "printed_pages")+"\n", *out, doc.Pages, len(doc.Data))
	} else {
		fmt.Fprintf(stdout, msg(g.lang, "printed")+"\n", *out, len(doc.Data))
	}
	return nil
}

// findEvent resolves a training event by id, then by its code.
func findEvent(ctx context.Context, c *core.Core, arg string) (string, error) {
	if ev, err := c.Store.GetEvent(ctx, arg); err == nil && !ev.Deleted {
		return ev.ID, nil
	}
	items, err := c.ListEvents(ctx, core.EventQuery{})
	if err != nil {
		return "", err
	}
	for _, it := range items {
		if it.Event.Code != "" && strings.EqualFold(it.Event.Code, strings.TrimSpace(arg)) {
			return it.Event.ID, nil
		}
	}
	return "", domain.E(domain.CodeNotFound, "print", nil, "entity", "training_event", "id", arg)
}

// cmdVerifyCertificate checks a certificate code (or the URL its QR holds)
// offline against this office's key and the imported ones: prints the
// claim and VALID (exit 0), or INVALID with the reason (exit 1).
func cmdVerifyCertificate(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("verify-certificate", g)
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(positional) != 1 || strings.TrimSpace(positional[0]) == "" {
		return usageErr("verify-certificate: expected one CODE or verification URL")
	}
	c, err := openCore(ctx, g)
	if err != nil {
		return err
	}
	defer c.Close()
	v, err := c.VerifyCertificate(ctx, positional[0])
	if err != nil {
		var de *domain.Error
		if errors.As(err, &de) && strings.HasPrefix(de.Code, "certificate.") {
			fmt.Fprintln(stdout, "INVALID — "+describe(g.lang, err))
			return &exitError{code: 1, err: nil}
		}
		return &exitError{code: 2, err: err}
	}
	cl := v.Claim
	l := func(key string) string { return msg(g.lang, key) }
	rows := [][2]string{
		{l("claim_number"), cl.Number},
		{l("claim_name"), cl.Name},
		{"NIP", report.FormatNIP(cl.NIP)},
		{l("claim_event"), cl.Event},
		{l("claim_dates"), report.FormatDateRange(cl.Start, cl.End)},
		{"JP", report.FormatNumber(cl.JP)},
		{l("claim_office"), cl.Office},
		{l("claim_issued"), report.FormatDate(cl.IssuedAt)},
		{l("claim_key"), v.OfficeCode},
	}
	for _, r := range rows {
		fmt.Fprintf(stdout, "%-18s %s\n", r[0]+":", r[1])
	}
	fmt.Fprintln(stdout, "VALID")
	return nil
}

// cmdOfficeKey prints this office's key code and public key (made on first
// use), for other offices' `kembangctl trust-key CODE PUBKEY`.
func cmdOfficeKey(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("office-key", g)
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(positional) != 0 {
		return usageErr("office-key: takes no arguments")
	}
	c, err := openCore(ctx, g)
	if err != nil {
		return err
	}
	defer c.Close()
	k, err := c.OfficeKey(ctx)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	fmt.Fprintf(stdout, "%s %s\n", k.Code, k.PublicKey)
	return nil
}

// cmdTrustKey adds another office's key: `trust-key CODE PUBKEY`.
func cmdTrustKey(ctx context.Context, g *globals, args []string, stdout io.Writer) error {
	fs := newFlags("trust-key", g)
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(positional) != 2 {
		return usageErr("trust-key: expected CODE PUBKEY (as `kembangctl office-key` prints them)")
	}
	c, err := openCore(ctx, g)
	if err != nil {
		return err
	}
	defer c.Close()
	k, err := c.TrustKey(ctx, positional[0], positional[1])
	if err != nil {
		var de *domain.Error
		if errors.As(err, &de) && strings.HasPrefix(de.Code, "certificate.") {
			return &exitError{code: 1, err: err}
		}
		return &exitError{code: 2, err: err}
	}
	fmt.Fprintf(stdout, msg(g.lang, "key_trusted")+"\n", k.Code)
	return nil
}
