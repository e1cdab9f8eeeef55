package report

import (
	"crypto/ed25519"
	"encoding/base64"
	"reflect"
	"strings"
	"testing"

	"kembang/backend/domain"
)

func fixtureClaim() CertificateClaim {
	return fixtureEvent().Claim(fixtureParticipants()[0])
}

func TestSignVerifyRoundTrip(t *testing.T) {
	s := fixtureSigner()
	c := fixtureClaim()
	code, err := SignCertificate(c, s)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(code, "+/=") {
		t.Errorf("code is not unpadded base64url: %s", code)
	}
	got, err := VerifyCertificate(code, fixtureKeys(s))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, c.Normalize()) {
		t.Errorf("verified claim\n%+v\nwant\n%+v", got, c.Normalize())
	}
	// The full verification URL, as a scanner reads it, verifies too.
	if _, err := VerifyCertificate(VerificationURL(fixtureVerifyURL, code), fixtureKeys(s)); err != nil {
		t.Errorf("URL: %v", err)
	}
	// Signing is deterministic (Ed25519), so golden PDFs are stable.
	again, _ := SignCertificate(c, s)
	if again != code {
		t.Error("signing the same claim twice gave two codes")
	}
	t.Logf("code length %d, URL length %d", len(code), len(VerificationURL(fixtureVerifyURL, code)))
}

func TestNormalisationSignsAlike(t *testing.T) {
	s := fixtureSigner()
	c := fixtureClaim()
	messy := c
	messy.Name = "  Ni Luh Putu\tAyu  Ma'ruf, S.Psi., M.Si. "
	messy.NIP = "19850714 201001 2 003"
	messy.JP = 20.001
	a, _ := SignCertificate(c, s)
	b, err := SignCertificate(messy, s)
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error("whitespace, printed NIP or JP noise changed the code")
	}
}

// mutate changes one field of the payload inside a code while keeping its
// signature, as a forger editing the printed name would.
func mutate(t *testing.T, code string, s Signer, edit func(*CertificateClaim)) string {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(code)
	if err != nil {
		t.Fatal(err)
	}
	sig := raw[len(raw)-ed25519.SignatureSize:]
	c, err := VerifyCertificate(code, fixtureKeys(s))
	if err != nil {
		t.Fatal(err)
	}
	edit(&c)
	payload := encodeClaim(s.OfficeID, c)
	return base64.RawURLEncoding.EncodeToString(append(payload, sig...))
}

func TestVerifyFailsOnEveryChangedField(t *testing.T) {
	s := fixtureSigner()
	code, err := SignCertificate(fixtureClaim(), s)
	if err != nil {
		t.Fatal(err)
	}
	// Every field of the claim, found by reflection so a new field cannot
	// be forgotten here.
	typ := reflect.TypeOf(CertificateClaim{})
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		t.Run(f.Name, func(t *testing.T) {
			forged := mutate(t, code, s, func(c *CertificateClaim) {
				v := reflect.ValueOf(c).Elem().Field(i)
				switch v.Kind() {
				case reflect.String:
					if strings.Contains(f.Name, "Start") || f.Name == "End" || f.Name == "IssuedAt" {
						v.SetString("2026-12-01")
					} else {
						v.SetString(v.String() + "X")
					}
				case reflect.Float64:
					v.SetFloat(v.Float() + 1)
				default:
					t.Fatalf("field %s of kind %s not covered", f.Name, v.Kind())
				}
			})
			_, err := VerifyCertificate(forged, fixtureKeys(s))
			if !domain.IsCode(err, domain.CodeCertificateSignatureInvalid) {
				t.Errorf("changed %s: got %v, want %s", f.Name, err, domain.CodeCertificateSignatureInvalid)
			}
		})
	}
	t.Run("office id", func(t *testing.T) {
		other := fixtureSigner()
		other.OfficeID = "another-office"
		keys := StaticKeys(map[string]ed25519.PublicKey{
			s.OfficeID: s.Key.Public().(ed25519.PublicKey), other.OfficeID: s.Key.Public().(ed25519.PublicKey)})
		raw, _ := base64.RawURLEncoding.DecodeString(code)
		c, _ := VerifyCertificate(code, keys)
		forged := base64.RawURLEncoding.EncodeToString(append(encodeClaim(other.OfficeID, c), raw[len(raw)-64:]...))
		if _, err := VerifyCertificate(forged, keys); !domain.IsCode(err, domain.CodeCertificateSignatureInvalid) {
			t.Errorf("changed office id: %v", err)
		}
	})
	t.Run("every signature byte", func(t *testing.T) {
		raw, _ := base64.RawURLEncoding.DecodeString(code)
		for i := len(raw) - ed25519.SignatureSize; i < len(raw); i++ {
			b := append([]byte(nil), raw...)
			b[i] ^= 0x01
			if _, err := VerifyCertificate(base64.RawURLEncoding.EncodeToString(b), fixtureKeys(s)); !domain.IsCode(err, domain.CodeCertificateSignatureInvalid) {
				t.Fatalf("flipped signature byte %d: %v", i, err)
			}
		}
	})
	t.Run("every payload byte", func(t *testing.T) {
		// Any flipped bit of the payload: either the layout breaks
		// (code_invalid) or the signature does; it never verifies.
		raw, _ := base64.RawURLEncoding.DecodeString(code)
		for i := 0; i < len(raw)-ed25519.SignatureSize; i++ {
			b := append([]byte(nil), raw...)
			b[i] ^= 0x04
			_, err := VerifyCertificate(base64.RawURLEncoding.EncodeToString(b), fixtureKeys(s))
			if err == nil {
				t.Fatalf("flipped payload byte %d still verifies", i)
			}
		}
	})
}

func TestVerifyErrors(t *testing.T) {
	s := fixtureSigner()
	code, _ := SignCertificate(fixtureClaim(), s)
	other := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))
	cases := []struct {
		name string
		code string
		keys func(string) (ed25519.PublicKey, bool)
		want string
	}{
		{"not base64url", "!!not a code!!", fixtureKeys(s), domain.CodeCertificateCodeInvalid},
		{"empty", "", fixtureKeys(s), domain.CodeCertificateCodeInvalid},
		{"truncated", code[:len(code)-10], fixtureKeys(s), domain.CodeCertificateCodeInvalid},
		{"trailing bytes", base64.RawURLEncoding.EncodeToString(append(mustDecode(code)[:len(mustDecode(code))-64], append([]byte{0}, mustDecode(code)[len(mustDecode(code))-64:]...)...)), fixtureKeys(s), domain.CodeCertificateCodeInvalid},
		{"other version", base64.RawURLEncoding.EncodeToString(append([]byte{2}, mustDecode(code)[1:]...)), fixtureKeys(s), domain.CodeCertificateCodeInvalid},
		{"unknown office", code, StaticKeys(nil), domain.CodeCertificateUnknownOffice},
		{"no key lookup", code, nil, domain.CodeCertificateUnknownOffice},
		{"another office's key", code, StaticKeys(map[string]ed25519.PublicKey{s.OfficeID: other.Public().(ed25519.PublicKey)}), domain.CodeCertificateSignatureInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := VerifyCertificate(tc.code, tc.keys)
			if !domain.IsCode(err, tc.want) {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

func mustDecode(code string) []byte {
	b, err := base64.RawURLEncoding.DecodeString(code)
	if err != nil {
		panic(err)
	}
	return b
}

func TestSignRejectsBadInput(t *testing.T) {
	s := fixtureSigner()
	cases := []struct {
		name  string
		claim func(*CertificateClaim)
		sign  func(*Signer)
		field string
	}{
		{"no office id", nil, func(s *Signer) { s.OfficeID = " " }, "signer.officeId"},
		{"no key", nil, func(s *Signer) { s.Key = nil }, "signer.key"},
		{"no number", func(c *CertificateClaim) { c.Number = "" }, nil, "number"},
		{"start not a date", func(c *CertificateClaim) { c.Start = "3 November 2026" }, nil, "start"},
		{"issued not a date", func(c *CertificateClaim) { c.IssuedAt = "2026-13-01" }, nil, "issuedAt"},
		{"huge name", func(c *CertificateClaim) { c.Name = strings.Repeat("a", 1001) }, nil, "name"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, sg := fixtureClaim(), s
			if tc.claim != nil {
				tc.claim(&c)
			}
			if tc.sign != nil {
				tc.sign(&sg)
			}
			_, err := SignCertificate(c, sg)
			var de *domain.Error
			if !domain.IsCode(err, domain.CodeReportInputInvalid) || !asErr(err, &de) || de.Details["field"] != tc.field {
				t.Errorf("got %v, want %s field=%s", err, domain.CodeReportInputInvalid, tc.field)
			}
		})
	}
}

func asErr(err error, target **domain.Error) bool {
	e, ok := err.(*domain.Error)
	if ok {
		*target = e
	}
	return ok
}

func TestCodeFromInput(t *testing.T) {
	for in, want := range map[string]string{
		"  abc_-9 \n":                                "abc_-9",
		"https://x.go.id/verifikasi?c=abc_-9":        "abc_-9",
		"https://x.go.id/verifikasi?lang=id&c=abc-9": "abc-9",
	} {
		if got := CodeFromInput(in); got != want {
			t.Errorf("CodeFromInput(%q) = %q, want %q", in, got, want)
		}
	}
	if got := VerificationURL("https://x/v?lang=id", "C"); got != "https://x/v?lang=id&c=C" {
		t.Errorf("VerificationURL with a query: %s", got)
	}
}
