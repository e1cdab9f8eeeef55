package report

import (
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kembang/backend/domain"
)

// The QR payload handed to the encoder is exactly the verification URL of
// the signed claim of that page's participant, in page order.
func TestCertificateQRPayload(t *testing.T) {
	people := fixtureParticipants()
	var got []string
	err := certificates(io.Discard, fixtureCertificateTemplate(), fixtureEvent(), people, fixtureSigner(), fixtureVerifyURL,
		func(p string) { got = append(got, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(people) {
		t.Fatalf("%d payloads for %d people", len(got), len(people))
	}
	for i, p := range people {
		code, err := SignCertificate(fixtureEvent().Claim(p), fixtureSigner())
		if err != nil {
			t.Fatal(err)
		}
		if want := fixtureVerifyURL + "?c=" + code; got[i] != want {
			t.Errorf("page %d payload\n%s\nwant\n%s", i+1, got[i], want)
		}
		c, err := VerifyCertificate(got[i], fixtureKeys(fixtureSigner()))
		if err != nil {
			t.Fatalf("page %d: %v", i+1, err)
		}
		if c.Name != clean(p.Name) || c.NIP != p.NIP || c.Number != p.Number {
			t.Errorf("page %d verifies as %+v", i+1, c)
		}
	}
}

// The QR printed on each page decodes (zbarimg) to the right URL, and the
// code in it verifies to that page's participant.
func TestCertificateQRScans(t *testing.T) {
	pdftoppm := needTool(t, "pdftoppm")
	zbarimg := needTool(t, "zbarimg")
	path := renderToFile(t, "certificates")
	dir := t.TempDir()
	// 150 dpi: a phone camera sees at least this much detail.
	if out, err := exec.Command(pdftoppm, "-png", "-r", "150", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	people := fixtureParticipants()
	if len(pngs) != len(people) {
		t.Fatalf("%d pages rendered, want %d", len(pngs), len(people))
	}
	for i, p := range people {
		out, err := exec.Command(zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", pngs[i]).Output()
		if err != nil {
			t.Fatalf("page %d: zbarimg found no QR code: %v", i+1, err)
		}
		scanned := strings.TrimSpace(string(out))
		code, _ := SignCertificate(fixtureEvent().Claim(p), fixtureSigner())
		if want := VerificationURL(fixtureVerifyURL, code); scanned != want {
			t.Errorf("page %d scans as\n%s\nwant\n%s", i+1, scanned, want)
		}
		c, err := VerifyCertificate(scanned, fixtureKeys(fixtureSigner()))
		if err != nil || c.Number != p.Number {
			t.Errorf("page %d: scanned code verifies as %+v, %v", i+1, c, err)
		}
	}
}

var imageObject = regexp.MustCompile(`/Subtype /Image`)

// The background is embedded once, whatever the number of pages.
func TestCertificateBackgroundEmbeddedOnce(t *testing.T) {
	tpl := fixtureCertificateTemplate()
	tpl.Logo = nil
	tpl.Signatories[0].Signature = nil
	bg := testBackground()
	tpl.Background = bg
	people := manyParticipants(50)
	var buf bytes.Buffer
	if err := Certificates(&buf, tpl, fixtureEvent(), people, fixtureSigner(), fixtureVerifyURL); err != nil {
		t.Fatal(err)
	}
	if n := len(imageObject.FindAll(buf.Bytes(), -1)); n != 1 {
		t.Errorf("%d image objects in the PDF, want 1 (the background)", n)
	}
	if buf.Len() > len(bg)+50*15_000 {
		t.Errorf("PDF of 50 pages is %d bytes with a %d-byte background", buf.Len(), len(bg))
	}
}

func TestCertificateInputErrors(t *testing.T) {
	ok := fixtureCertificateTemplate()
	three := fixtureCertificateTemplate()
	three.Signatories = append(three.Signatories, three.Signatories[0], three.Signatories[0])
	none := fixtureCertificateTemplate()
	none.Signatories = nil
	badBg := fixtureCertificateTemplate()
	badBg.Background = []byte("GIF89a not supported")
	cases := []struct {
		name   string
		tpl    CertificateTemplate
		people []CertificateParticipant
		url    string
		signer Signer
		want   string
	}{
		{"no signatory", none, fixtureParticipants(), fixtureVerifyURL, fixtureSigner(), domain.CodeReportInputInvalid},
		{"three signatories", three, fixtureParticipants(), fixtureVerifyURL, fixtureSigner(), domain.CodeReportInputInvalid},
		{"no people", ok, nil, fixtureVerifyURL, fixtureSigner(), domain.CodeReportInputInvalid},
		{"no verification URL", ok, fixtureParticipants(), " ", fixtureSigner(), domain.CodeReportInputInvalid},
		{"no key", ok, fixtureParticipants(), fixtureVerifyURL, Signer{OfficeID: "x"}, domain.CodeReportInputInvalid},
		{"background not an image", badBg, fixtureParticipants(), fixtureVerifyURL, fixtureSigner(), domain.CodeReportImageInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := Certificates(io.Discard, tc.tpl, fixtureEvent(), tc.people, tc.signer, tc.url)
			if !domain.IsCode(err, tc.want) {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

func TestDocumentsRejectBadLogo(t *testing.T) {
	d := fixtureIDP()
	d.Letterhead.Logo = []byte("not an image")
	if err := IDP(io.Discard, d); !domain.IsCode(err, domain.CodeReportImageInvalid) {
		t.Errorf("IDP with a broken logo: %v", err)
	}
}

func manyParticipants(n int) []CertificateParticipant {
	base := fixtureParticipants()
	out := make([]CertificateParticipant, n)
	for i := range out {
		p := base[i%len(base)]
		p.Number = fmt.Sprintf("800/BKPSDM-07/A/XI/2026/%04d", i+1)
		out[i] = p
	}
	return out
}

// Documents with no optional data still render.
func TestMinimalDocuments(t *testing.T) {
	docs := map[string]func(io.Writer) error{
		"idp":        func(w io.Writer) error { return IDP(w, IDPData{Year: 2026}) },
		"recap-jpm":  func(w io.Writer) error { return RecapJPM(w, RecapJPMData{}) },
		"recap-jp":   func(w io.Writer) error { return RecapJP(w, RecapJPData{Year: 2026}) },
		"attendance": func(w io.Writer) error { return AttendanceList(w, AttendanceData{}) },
		"history":    func(w io.Writer) error { return TrainingHistory(w, HistoryData{}) },
		"xlsx-jpm":   func(w io.Writer) error { return RecapJPMXLSX(w, RecapJPMData{}) },
		"xlsx-jp":    func(w io.Writer) error { return RecapJPXLSX(w, RecapJPData{}) },
		"xlsx-att":   func(w io.Writer) error { return AttendanceXLSX(w, AttendanceData{}) },
		"xlsx-hist":  func(w io.Writer) error { return TrainingHistoryXLSX(w, HistoryData{}) },
	}
	for name, fn := range docs {
		var buf bytes.Buffer
		if err := fn(&buf); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if buf.Len() == 0 {
			t.Errorf("%s: empty output", name)
		}
	}
}
