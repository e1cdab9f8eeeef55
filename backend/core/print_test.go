package core_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/report"
	"kembang/backend/store"
)

// pdfText extracts a PDF's text with poppler's pdftotext, skipping the
// test with a reason when it is not installed (Debian: poppler-utils).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (Debian package poppler-utils): cannot read the PDF text")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// Layout mode pads with spaces; compare on single spaces.
	return strings.Join(strings.Fields(string(out)), " ")
}

func mustContain(t *testing.T, doc, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("%s: %q not found in the text", doc, w)
		}
	}
}

// demoCore is a workspace with the demo office (plans, completed events).
func demoCore(t *testing.T) *core.Core {
	t.Helper()
	c := openCore(t)
	if _, err := c.LoadDemo(context.Background(), 30, 1); err != nil {
		t.Fatal(err)
	}
	return c
}

// completedEvent returns an event of the demo with completed participants
// holding certificate numbers, and those participants.
func completedEvent(t *testing.T, c *core.Core) (*core.EventView, []core.ParticipantView) {
	t.Helper()
	ctx := context.Background()
	items, err := c.ListEvents(ctx, core.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Completed == 0 {
			continue
		}
		v, err := c.EventView(ctx, it.Event.ID)
		if err != nil {
			t.Fatal(err)
		}
		var done []core.ParticipantView
		for _, p := range v.Participants {
			if p.Participant.Status == domain.ParticipantCompleted && p.Participant.CertificateNo != "" {
				done = append(done, p)
			}
		}
		if len(done) > 0 {
			return v, done
		}
	}
	t.Fatal("the demo has no completed event with certificates")
	return nil, nil
}

func TestPrintSettingsRoundTripAndValidation(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	s, err := c.PrintSettings(ctx)
	if err != nil || s.VerifyBaseURL != core.DefaultVerifyBaseURL {
		t.Fatalf("defaults = %+v, %v", s, err)
	}
	png := "data:image/png;base64," + base64.StdEncoding.EncodeToString([]byte("\x89PNG\r\n\x1a\nrest"))
	s.Agency, s.Office, s.Place, s.Logo = "  Pemerintah Kabupaten Sleman ", "BKPSDM", "Sleman", png
	s.Approver = core.PrintSignatory{Title: "Kepala BKPSDM", Name: "Dra. Sri Wahyuni, M.Si.", NIP: "19740707 200212 2 008"}
	saved, err := c.SavePrintSettings(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Agency != "Pemerintah Kabupaten Sleman" || strings.HasPrefix(saved.Logo, "data:") || saved.Approver.NIP != "197407072002122008" {
		t.Errorf("not normalised: %+v", saved)
	}
	got, _ := c.PrintSettings(ctx)
	if got.Logo != saved.Logo || got.Approver != saved.Approver {
		t.Errorf("read back %+v", got)
	}

	cases := []struct {
		name  string
		edit  func(*core.PrintSettings)
		field string
	}{
		{"logo that is not an image", func(s *core.PrintSettings) { s.Logo = base64.StdEncoding.EncodeToString([]byte("GIF89a")) }, "logo"},
		{"logo that is not base64", func(s *core.PrintSettings) { s.Logo = "%%%" }, "logo"},
		{"verification address without scheme", func(s *core.PrintSettings) { s.VerifyBaseURL = "kembang.go.id/verifikasi" }, "verifyBaseUrl"},
		{"three certificate signatories", func(s *core.PrintSettings) { s.CertificateSignatories = make([]core.PrintSignatory, 3) }, "certificateSignatories"},
		{"NIP with letters", func(s *core.PrintSettings) { s.RecapSignatory.NIP = "1974O707" }, "recapSignatory.nip"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := core.DefaultPrintSettings()
			tc.edit(&s)
			fe := core.ValidatePrintSettings(&s)
			found := false
			for _, f := range fe {
				found = found || f.Field == tc.field
			}
			if !found {
				t.Errorf("no error on %s: %v", tc.field, fe)
			}
		})
	}
}

func TestOfficeKeyIsStableAndTrustKeyChecksTheCode(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	k1, err := c.OfficeKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	k2, _ := c.OfficeKey(ctx)
	if k1 != k2 || len(k1.Code) != 8 || len(k1.PublicKey) != 43 {
		t.Fatalf("office key %+v then %+v", k1, k2)
	}
	pub, _ := base64.RawURLEncoding.DecodeString(k1.PublicKey)
	if core.KeyCode(pub) != k1.Code {
		t.Errorf("code %s is not the key's", k1.Code)
	}

	other, _, _ := ed25519.GenerateKey(rand.Reader)
	code := core.KeyCode(other)
	if _, err := c.TrustKey(ctx, "AAAAAAAA", base64.RawURLEncoding.EncodeToString(other)); !domain.IsCode(err, domain.CodeCertificateKeyInvalid) {
		t.Errorf("wrong code accepted: %v", err)
	}
	if _, err := c.TrustKey(ctx, code, "not a key"); !domain.IsCode(err, domain.CodeCertificateKeyInvalid) {
		t.Errorf("bad key accepted: %v", err)
	}
	if _, err := c.TrustKey(ctx, strings.ToLower(code), base64.StdEncoding.EncodeToString(other)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.TrustKey(ctx, code, base64.RawURLEncoding.EncodeToString(other)); err != nil {
		t.Errorf("trusting twice: %v", err)
	}
	keys, _ := c.TrustedKeys(ctx)
	if len(keys) != 2 || !keys[0].Own || keys[1].Code != code {
		t.Errorf("trusted keys %+v", keys)
	}
}

// Certificates of a printed event carry the participants' names, NIPs,
// numbers and the event; each page's code (as the QR holds it) verifies
// with the office key and fails against another office's key.
func TestPrintCertificatesVerify(t *testing.T) {
	t.Parallel()
	c := demoCore(t)
	ctx := context.Background()
	v, done := completedEvent(t, c)
	doc, err := c.Print(ctx, core.PrintRequest{Doc: core.DocCertificates, EventID: v.Event.ID})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != len(done) || !strings.HasSuffix(doc.FileName, ".pdf") || !strings.HasPrefix(string(doc.Data), "%PDF") {
		t.Fatalf("document %s: %d pages for %d participants", doc.FileName, doc.Pages, len(done))
	}
	set, _ := c.PrintSettings(ctx)
	key, _ := c.OfficeKey(ctx)
	text := pdfText(t, doc.Data)
	for _, p := range done {
		mustContain(t, "certificates", text, p.Employee.FullName, "NIP "+report.FormatNIP(p.Employee.NIP),
			"Nomor: "+p.Participant.CertificateNo)
	}
	mustContain(t, "certificates", text, v.Event.Name)

	// Scan the printed QR code of the first page (names are in order).
	url := scanFirstQR(t, doc.Data)
	if !strings.HasPrefix(url, set.VerifyBaseURL+"?c=") {
		t.Fatalf("QR holds %q", url)
	}
	got, err := c.VerifyCertificate(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if got.OfficeCode != key.Code || got.Claim.Number != done[0].Participant.CertificateNo || got.Claim.NIP != done[0].Employee.NIP {
		t.Errorf("verified %+v", got)
	}
	// Another office's key under the same code must not verify it.
	otherPub, _, _ := ed25519.GenerateKey(rand.Reader)
	_, err = report.VerifyCertificate(url, report.StaticKeys(map[string]ed25519.PublicKey{key.Code: otherPub}))
	if !domain.IsCode(err, domain.CodeCertificateSignatureInvalid) {
		t.Errorf("verified with another key: %v", err)
	}
	// And another workspace (another office) does not know the key.
	c2 := openCore(t)
	if _, err := c2.VerifyCertificate(ctx, url); !domain.IsCode(err, domain.CodeCertificateUnknownOffice) {
		t.Errorf("unknown office: %v", err)
	}
	// Once it trusts the key, it verifies.
	if _, err := c2.TrustKey(ctx, key.Code, key.PublicKey); err != nil {
		t.Fatal(err)
	}
	if _, err := c2.VerifyCertificate(ctx, url); err != nil {
		t.Errorf("after trust-key: %v", err)
	}
}

// scanFirstQR renders the first page and reads its QR code with zbarimg
// (Debian: zbar-tools), skipping with a reason when a tool is missing.
func scanFirstQR(t *testing.T, pdf []byte) string {
	t.Helper()
	pdftoppm, err1 := exec.LookPath("pdftoppm")
	zbarimg, err2 := exec.LookPath("zbarimg")
	if err1 != nil || err2 != nil {
		t.Skip("pdftoppm/zbarimg not installed (poppler-utils, zbar-tools): cannot scan the printed QR code")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "c.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(pdftoppm, "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	out, err := exec.Command(zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", filepath.Join(dir, "p.png")).Output()
	if err != nil {
		t.Fatalf("zbarimg found no QR code: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// Every document prints with the key texts of its data; the recaps,
// attendance list and history also as xlsx.
func TestPrintDocuments(t *testing.T) {
	t.Parallel()
	c := demoCore(t)
	ctx := context.Background()
	if _, err := c.SavePrintSettings(ctx, core.PrintSettings{Agency: "Pemerintah Kabupaten Sleman", Office: "BKPSDM Kabupaten Sleman",
		Place: "Sleman", Approver: core.PrintSignatory{Title: "Kepala BKPSDM", Name: "Dra. Sri Wahyuni, M.Si."}}); err != nil {
		t.Fatal(err)
	}
	plans, err := c.ListPlans(ctx, core.PlanQuery{})
	if err != nil || len(plans) == 0 {
		t.Fatalf("plans: %d, %v", len(plans), err)
	}
	var plan core.PlanSummary
	for _, p := range plans {
		if p.ApproverName != "" {
			plan = p
			break
		}
	}
	if plan.ID == "" {
		plan = plans[0]
	}
	v, _ := completedEvent(t, c)

	idp, err := c.Print(ctx, core.PrintRequest{Doc: core.DocIDP, NIP: domain.FormatNIP(plan.NIP), Year: plan.Year})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, idp.Data)
	mustContain(t, "idp", text, "RENCANA PENGEMBANGAN KOMPETENSI INDIVIDU", plan.Name, report.FormatNIP(plan.NIP),
		"PEMERINTAH KABUPATEN SLEMAN", "Dra. Sri Wahyuni, M.Si.")
	if plan.ApproverName != "" {
		mustContain(t, "idp", text, plan.ApproverName)
	}

	att, err := c.Print(ctx, core.PrintRequest{Doc: core.DocAttendance, EventID: v.Event.ID})
	if err != nil {
		t.Fatal(err)
	}
	attText := pdfText(t, att.Data)
	for _, p := range v.Participants {
		if p.Participant.Status != domain.ParticipantCancelled {
			// Names may wrap in the table's column: check the NIP.
			mustContain(t, "attendance", attText, report.FormatNIP(p.Employee.NIP))
		}
	}
	mustContain(t, "attendance", attText, v.Event.Name)

	hist, err := c.Print(ctx, core.PrintRequest{Doc: core.DocHistory, EmployeeID: v.Participants[0].Employee.ID})
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "history", pdfText(t, hist.Data), v.Participants[0].Employee.FullName, v.Event.Name)

	jpm, err := c.Print(ctx, core.PrintRequest{Doc: core.DocRecapJPM, Period: "2025"})
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "recap jpm", pdfText(t, jpm.Data), "2025", plan.UnitName)
	jp, err := c.Print(ctx, core.PrintRequest{Doc: core.DocRecapJP, Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "recap jp", pdfText(t, jp.Data), "2026", plan.UnitName)

	for _, req := range []core.PrintRequest{
		{Doc: core.DocRecapJPM, Format: "xlsx"}, {Doc: core.DocRecapJP, Format: "xlsx"},
		{Doc: core.DocAttendance, EventID: v.Event.ID, Format: "xlsx"}, {Doc: core.DocHistory, NIP: plan.NIP, Format: "xlsx"},
	} {
		d, err := c.Print(ctx, req)
		if err != nil {
			t.Fatalf("%s xlsx: %v", req.Doc, err)
		}
		if !strings.HasSuffix(d.FileName, ".xlsx") || !strings.HasPrefix(string(d.Data), "PK") {
			t.Errorf("%s xlsx: %s", req.Doc, d.FileName)
		}
	}

	errs := []struct {
		name string
		req  core.PrintRequest
		code string
	}{
		{"unknown document", core.PrintRequest{Doc: "payslip"}, domain.CodePrintDocumentUnknown},
		{"IDP as xlsx", core.PrintRequest{Doc: core.DocIDP, NIP: plan.NIP, Format: "xlsx"}, domain.CodePrintFormatInvalid},
		{"no plan that year", core.PrintRequest{Doc: core.DocIDP, NIP: plan.NIP, Year: 2001}, domain.CodeNotFound},
		{"unknown NIP", core.PrintRequest{Doc: core.DocHistory, NIP: "199001012020011001"}, domain.CodeNotFound},
		{"unknown event", core.PrintRequest{Doc: core.DocCertificates, EventID: store.NewUUIDv7()}, domain.CodeNotFound},
	}
	for _, tc := range errs {
		if _, err := c.Print(ctx, tc.req); !domain.IsCode(err, tc.code) {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.code)
		}
	}
}
