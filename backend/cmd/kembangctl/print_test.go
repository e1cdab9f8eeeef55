package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/report"
)

// demoPrintData loads the demo and returns a plan's employee NIP and year
// and a completed event's id with its participants' certificate claims.
func demoPrintData(t *testing.T, c *cli) (nip string, year int, eventID string, claims []report.CertificateClaim, verifyURL string) {
	t.Helper()
	c.mustRun(0, "demo", "--employees", "30")
	c.withCore(func(co *core.Core) {
		ctx := context.Background()
		plans, err := co.ListPlans(ctx, core.PlanQuery{})
		if err != nil || len(plans) == 0 {
			t.Fatalf("plans: %v", err)
		}
		nip, year = plans[0].NIP, plans[0].Year
		items, err := co.ListEvents(ctx, core.EventQuery{})
		if err != nil {
			t.Fatal(err)
		}
		set, _ := co.PrintSettings(ctx)
		verifyURL = set.VerifyBaseURL
		for _, it := range items {
			if it.Completed == 0 || eventID != "" {
				continue
			}
			v, err := co.EventView(ctx, it.Event.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range v.Participants {
				if p.Participant.Status == domain.ParticipantCompleted && p.Participant.CertificateNo != "" {
					eventID = it.Event.ID
					claims = append(claims, report.CertificateClaim{Number: p.Participant.CertificateNo, NIP: p.Employee.NIP,
						Name: p.Employee.FullName})
				}
			}
		}
	})
	if eventID == "" {
		t.Fatal("no completed event in the demo")
	}
	return nip, year, eventID, claims, verifyURL
}

func TestPrintCommands(t *testing.T) {
	c := newCLI(t)
	nip, year, eventID, claims, verifyURL := demoPrintData(t, c)
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }

	ok := []struct {
		name   string
		args   []string
		file   string
		prefix string
	}{
		{"idp", []string{"print", "idp", "--nip", nip, "--year", strconv.Itoa(year)}, "idp.pdf", "%PDF"},
		{"certificates", []string{"print", "certificates", "--event", eventID}, "cert.pdf", "%PDF"},
		{"recap jpm pdf", []string{"print", "recap", "jpm", "--period", "2025"}, "jpm.pdf", "%PDF"},
		{"recap jpm xlsx", []string{"print", "recap", "jpm"}, "jpm.xlsx", "PK"},
		{"recap jp", []string{"print", "recap", "jp", "--year", "2026"}, "jp.pdf", "%PDF"},
		{"recap jp xlsx", []string{"print", "recap", "jp"}, "jp.xlsx", "PK"},
		{"attendance", []string{"print", "attendance", "--event", eventID}, "att.xlsx", "PK"},
		{"history", []string{"print", "history", "--nip", nip}, "hist.pdf", "%PDF"},
	}
	for _, tc := range ok {
		t.Run(tc.name, func(t *testing.T) {
			stdout, _ := c.mustRun(0, append(tc.args, "--out", out(tc.file))...)
			b, err := os.ReadFile(out(tc.file))
			if err != nil || !strings.HasPrefix(string(b), tc.prefix) {
				t.Fatalf("%s: %v", tc.file, err)
			}
			if !strings.Contains(stdout, out(tc.file)) {
				t.Errorf("stdout %q", stdout)
			}
		})
	}
	if text := pdftotext(t, out("cert.pdf")); text != "" {
		for _, cl := range claims {
			for _, want := range []string{cl.Name, "NIP " + report.FormatNIP(cl.NIP), "Nomor: " + cl.Number} {
				if !strings.Contains(text, want) {
					t.Errorf("certificates: %q missing", want)
				}
			}
		}
	}

	bad := []struct {
		name string
		args []string
		code int
	}{
		{"no document", []string{"print", "--out", out("x.pdf")}, 2},
		{"unknown document", []string{"print", "payslip", "--out", out("x.pdf")}, 2},
		{"no --out", []string{"print", "recap", "jpm"}, 2},
		{"other extension", []string{"print", "recap", "jpm", "--out", out("x.docx")}, 2},
		{"idp without NIP", []string{"print", "idp", "--out", out("x.pdf")}, 2},
		{"idp as xlsx", []string{"print", "idp", "--nip", nip, "--out", out("x.xlsx")}, 2},
		{"unknown event", []string{"print", "certificates", "--event", "NOPE", "--out", out("x.pdf")}, 2},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, _ := c.run(tc.args...); code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
		})
	}

	// verify-certificate: the code of the first certificate (the URL as a
	// scanner reads it, and the bare code) is VALID; a changed one INVALID.
	url := firstCertificateURL(t, c, eventID, verifyURL)
	stdout, _ := c.mustRun(0, "verify-certificate", url)
	if !strings.Contains(stdout, "VALID") || !strings.Contains(stdout, claims[0].Number) {
		t.Errorf("verify stdout:\n%s", stdout)
	}
	code := report.CodeFromInput(url)
	c.mustRun(0, "verify-certificate", code)
	tampered := code[:20] + flip(code[20]) + code[21:]
	stdout, _ = c.mustRun(1, "verify-certificate", tampered)
	if !strings.HasPrefix(stdout, "INVALID") {
		t.Errorf("tampered: %s", stdout)
	}
	stdout, _ = c.mustRun(1, "verify-certificate", "bukan-kode", "--lang", "en")
	if !strings.Contains(stdout, "INVALID") || !strings.Contains(stdout, "cannot be read") {
		t.Errorf("garbage: %s", stdout)
	}
	c.mustRun(2, "verify-certificate")

	// office-key / trust-key: a second office verifies after trusting.
	keyOut, _ := c.mustRun(0, "office-key")
	fields := strings.Fields(keyOut)
	if len(fields) != 2 || len(fields[0]) != 8 {
		t.Fatalf("office-key printed %q", keyOut)
	}
	other := newCLI(t)
	stdout, _ = other.mustRun(1, "verify-certificate", url)
	if !strings.Contains(stdout, fields[0]) {
		t.Errorf("unknown office should name the code: %s", stdout)
	}
	other.mustRun(1, "trust-key", "AAAAAAAA", fields[1])
	other.mustRun(2, "trust-key", fields[0])
	other.mustRun(0, "trust-key", fields[0], fields[1])
	other.mustRun(0, "verify-certificate", url)
}

// firstCertificateURL prints the event's certificates and reads the QR
// code of the first page (pdftoppm + zbarimg; the test skips with a
// reason without them).
func firstCertificateURL(t *testing.T, c *cli, eventID, base string) string {
	t.Helper()
	pdf := filepath.Join(t.TempDir(), "c.pdf")
	c.mustRun(0, "print", "certificates", "--event", eventID, "--out", pdf)
	pdftoppm, err1 := exec.LookPath("pdftoppm")
	zbarimg, err2 := exec.LookPath("zbarimg")
	if err1 != nil || err2 != nil {
		t.Skip("pdftoppm/zbarimg not installed (poppler-utils, zbar-tools): cannot read the printed code")
	}
	png := filepath.Join(filepath.Dir(pdf), "p")
	if b, err := exec.Command(pdftoppm, "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, png).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, b)
	}
	b, err := exec.Command(zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png+".png").Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	url := strings.TrimSpace(string(b))
	if !strings.HasPrefix(url, base+"?c=") {
		t.Fatalf("QR holds %q", url)
	}
	return url
}

func pdftotext(t *testing.T, path string) string {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("pdftotext not installed (poppler-utils): certificate texts not checked")
		return ""
	}
	b, err := exec.Command(bin, "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(b)), " ")
}

func flip(b byte) string {
	if b == 'A' {
		return "B"
	}
	return "A"
}
