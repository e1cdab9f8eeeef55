package web_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/report"
	"kembang/backend/server"
	"kembang/backend/server/readmodel"
)

type officeKey struct {
	code string
	pub  ed25519.PublicKey
	priv ed25519.PrivateKey
}

func newKey(t *testing.T) officeKey {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	must(t, err)
	return officeKey{code: core.KeyCode(pub), pub: pub, priv: priv}
}

func (k officeKey) sign(t *testing.T, c report.CertificateClaim) string {
	code, err := report.SignCertificate(c, report.Signer{OfficeID: k.code, Key: k.priv})
	must(t, err)
	return code
}

var claim = report.CertificateClaim{Number: "001/DIKLAT/SLM/2026", NIP: "197407072002121008", Name: "Dra. Siti Aminah, M.Si.",
	Event: "Pelatihan Kepemimpinan Pengawas", Start: "2026-05-04", End: "2026-05-08", JP: 40, Office: "BKPSDM Kabupaten Sleman", IssuedAt: "2026-05-08"}

// registerKey sends a laptop's key the way the sync client does.
func registerKey(t *testing.T, e *env, d device, k officeKey) int {
	body, _ := json.Marshal(server.CertificateKeyRequest{Code: k.code, PublicKey: base64.RawURLEncoding.EncodeToString(k.pub)})
	req, _ := http.NewRequest(http.MethodPost, e.URL+server.PathCertificateKey, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+d.Cred)
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	resp.Body.Close()
	return resp.StatusCode
}

func verifyJSON(t *testing.T, e *env, code string) server.Verification {
	t.Helper()
	resp, err := http.Get(e.URL + server.PathVerify + "?c=" + url.QueryEscape(code))
	must(t, err)
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("verify: %d", resp.StatusCode)
	}
	var v server.Verification
	must(t, json.NewDecoder(resp.Body).Decode(&v))
	return v
}

func TestVerification(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			e := start(t, cfg(t))
			d := e.enrol(t, "BKPSDM Sleman")
			k := newKey(t)
			if st := registerKey(t, e, d, k); st != http.StatusOK {
				t.Fatalf("register key: %d", st)
			}
			if st := registerKey(t, e, d, k); st != http.StatusOK {
				t.Fatalf("register the same key again: %d", st)
			}
			// Another office cannot take the key code over.
			other := e.enrol(t, "BKPSDM Bantul")
			if st := registerKey(t, e, other, k); st != http.StatusConflict {
				t.Fatalf("key registered by another office: %d", st)
			}
			bad := k
			bad.code = "AAAAAAAA"
			if st := registerKey(t, e, d, bad); st != http.StatusBadRequest {
				t.Fatalf("key under a code that is not its own: %d", st)
			}
			// Without a device credential there is no registration.
			req, _ := http.NewRequest(http.MethodPost, e.URL+server.PathCertificateKey, strings.NewReader(`{}`))
			resp, err := http.DefaultClient.Do(req)
			must(t, err)
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("anonymous registration: %d", resp.StatusCode)
			}

			valid := k.sign(t, claim)
			v := verifyJSON(t, e, valid)
			if v.Status != server.VerifyValid || v.Name != claim.Name || v.Event != claim.Event || v.JP != 40 || v.Start != claim.Start || v.End != claim.End {
				t.Fatalf("valid certificate: %+v", v)
			}
			// No NIP anywhere in the public answers.
			raw, _ := json.Marshal(v)
			page := e.browser(t).get("/verify?c=" + url.QueryEscape(report.VerificationURL("https://kembang.example.go.id/verifikasi", valid)))
			for _, s := range []string{string(raw), page.Body} {
				if strings.Contains(s, claim.NIP) || strings.Contains(s, report.FormatNIP(claim.NIP)) {
					t.Fatal("the public verification shows the NIP")
				}
			}
			if page.Status != http.StatusOK || !strings.Contains(page.Body, `data-status="valid"`) || !strings.Contains(page.Body, "Dra. Siti Aminah") {
				t.Fatalf("verification page for the QR's URL: %d\n%s", page.Status, page.Body)
			}
			if p := e.browser(t).get("/verifikasi?c=" + url.QueryEscape(valid)); !strings.Contains(p.Body, `data-status="valid"`) {
				t.Fatal("/verifikasi (the default address printed in QR codes) does not verify")
			}

			// Tampered: one changed byte of the payload (the JP).
			tampered := k.sign(t, claim)
			rawCode, _ := base64.RawURLEncoding.DecodeString(tampered)
			i := bytes.Index(rawCode, []byte("Pelatihan"))
			rawCode[i] = 'X'
			if v := verifyJSON(t, e, base64.RawURLEncoding.EncodeToString(rawCode)); v.Status != server.VerifyInvalid || v.Name != "" {
				t.Errorf("tampered certificate: %+v", v)
			}
			if v := verifyJSON(t, e, "not-a-code"); v.Status != server.VerifyInvalid {
				t.Errorf("garbage: %+v", v)
			}
			// Unknown key.
			stranger := newKey(t)
			if v := verifyJSON(t, e, stranger.sign(t, claim)); v.Status != server.VerifyUnknown || v.Name != "" {
				t.Errorf("unknown key: %+v", v)
			}
			// ... until an admin adds it by hand.
			b := e.browser(t)
			tok := b.mustLogin("admin", adminPW)
			a := b.post("/keys", url.Values{"csrf": {tok}, "code": {stranger.code}, "publicKey": {base64.StdEncoding.EncodeToString(stranger.pub)}, "note": {"dari surat"}})
			if a.Status != http.StatusOK || !strings.Contains(a.Body, stranger.code) {
				t.Fatalf("admin adds a key: %d\n%s", a.Status, a.Body)
			}
			if v := verifyJSON(t, e, stranger.sign(t, claim)); v.Status != server.VerifyValid {
				t.Errorf("key added by admin: %+v", v)
			}
			if a := b.post("/keys", url.Values{"csrf": {tok}, "code": {"ABCDEFGH"}, "publicKey": {base64.StdEncoding.EncodeToString(stranger.pub)}}); a.Status != http.StatusBadRequest {
				t.Errorf("key with a wrong code: %d", a.Status)
			}

			// Revoked by an admin.
			c2 := claim
			c2.Number = "002/DIKLAT/SLM/2026"
			code2 := k.sign(t, c2)
			if a := b.post("/certificates/revoke", url.Values{"csrf": {tok}, "number": {c2.Number}, "reason": {"salah nama"}}); a.Status != http.StatusOK {
				t.Fatalf("revoke: %d", a.Status)
			}
			if v := verifyJSON(t, e, code2); v.Status != server.VerifyRevoked || v.Reason != "admin" {
				t.Errorf("revoked certificate: %+v", v)
			}
			if p := e.browser(t).get("/verify?c=" + url.QueryEscape(code2)); !strings.Contains(p.Body, `data-status="revoked"`) || !strings.Contains(p.Body, "DICABUT") {
				t.Errorf("verification page of a revoked certificate:\n%s", p.Body)
			}
			if v := verifyJSON(t, e, valid); v.Status != server.VerifyValid {
				t.Errorf("revoking one number touched another: %+v", v)
			}

			// Revoked because the office deleted its training record.
			c3 := claim
			c3.Number = "003/DIKLAT/SLM/2026"
			code3 := k.sign(t, c3)
			rec := domain.TrainingRecord{EmployeeID: "e1", Name: c3.Event, CertificateNo: c3.Number, Year: 2026, JP: 40}
			rec.ID = "0190aaaa-0000-7000-8000-000000000003"
			payload, _ := json.Marshal(rec)
			must(t, readmodel.Apply(e.S.DB, readmodel.Change{Entity: "training_record", EntityID: rec.ID, OfficeID: d.Office, Payload: payload}))
			if v := verifyJSON(t, e, code3); v.Status != server.VerifyValid {
				t.Fatalf("certificate with a live record: %+v", v)
			}
			rec.Deleted = true
			payload, _ = json.Marshal(rec)
			must(t, readmodel.Apply(e.S.DB, readmodel.Change{Entity: "training_record", EntityID: rec.ID, OfficeID: d.Office, Deleted: true, Payload: payload}))
			if v := verifyJSON(t, e, code3); v.Status != server.VerifyRevoked || v.Reason != "record_deleted" {
				t.Errorf("certificate whose record was deleted: %+v", v)
			}

			audit := b.get("/audit").Body
			for _, s := range []string{"certificate.revoke", "certificate_key.add", c2.Number, stranger.code} {
				if !strings.Contains(audit, s) {
					t.Errorf("audit log lacks %q", s)
				}
			}
		})
	}
}

func TestVerifyRateLimit(t *testing.T) {
	e := start(t, backends(t)["sqlite"](t))
	limited := false
	for i := 0; i < server.VerifyRatePerMinute+1; i++ {
		resp, err := http.Get(e.URL + server.PathVerify + "?c=x")
		must(t, err)
		resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests {
			limited = i == server.VerifyRatePerMinute
			break
		}
	}
	if !limited {
		t.Fatalf("no 429 exactly after %d verifications a minute", server.VerifyRatePerMinute)
	}
	page := e.browser(t).get("/verify?c=x")
	if page.Status != http.StatusTooManyRequests || !strings.Contains(page.Body, "Terlalu banyak permintaan") {
		t.Fatalf("page over the limit: %d", page.Status)
	}
	// A minute later the address may verify again.
	e.Clock.Add(61e9)
	if v := verifyJSON(t, e, "x"); v.Status != server.VerifyInvalid {
		t.Fatalf("after a minute: %+v", v)
	}
}
