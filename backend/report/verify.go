package report

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/binary"
	"math"
	"net/url"
	"strings"
	"time"

	"kembang/backend/domain"
)

// Offline verification of certificates.
//
// Each certificate carries a code that holds its claim (number, NIP, name,
// event, dates, JP, issuing office, date of issue), the id of the office
// that issued it and an Ed25519 signature by that office's key over the
// claim. Anyone with the office's public key — the central server, or
// `kembangctl verify-certificate CODE` on a laptop that never went online —
// can check that the printed fields are the ones the office signed.
//
// Canonical encoding, version 1 (stable: codes in circulation must verify
// forever; a change means version 2 beside it, never an edit):
//
//	payload  = 0x01                          version
//	           str(officeID)
//	           str(Number) str(NIP) str(Name) str(Event)
//	           date(Start) date(End)
//	           uvarint(JP in hundredths, rounded half away from zero)
//	           str(Office) date(IssuedAt)
//	str(s)   = uvarint(byte length of s) || s (UTF-8)
//	date(d)  = uvarint(days from 1970-01-01 to d, plus 1), 0 for no date
//	message  = "kembang/certificate/v1" || 0x00 || payload   (what is signed)
//	code     = base64url, no padding, of payload || signature (64 bytes)
//
// Text fields are normalised before encoding: leading and trailing
// whitespace removed and every run of Unicode whitespace or control
// characters turned into one space; the NIP also loses its spaces, so the
// printed form "19740707 200212 1 008" and the 18 digits sign alike. No
// Unicode normalisation (NFC) is applied: the verifier checks the bytes
// the code carries, never re-typed text, so it is not needed. Length
// prefixes make the encoding unambiguous without separators or escaping.
//
// Dates are YYYY-MM-DD (SignCertificate rejects anything else) and packed
// to 3 bytes. A typical code is 350–550 characters, most of them the event
// name; with the verification URL in front it is a version 14–19 QR code
// at error correction M (qr.go), which a phone reads at 36 mm printed.
// Kembang signs with the 8-character key code as office id (core.KeyCode),
// 28 bytes shorter than an office UUID.

const (
	claimVersion  = 1
	claimContext  = "kembang/certificate/v1\x00"
	maxClaimField = 1000 // bytes, generous; protects the decoder
)

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// dateDays packs a YYYY-MM-DD date; "" is 0.
func dateDays(s string) (uint64, bool) {
	if s == "" {
		return 0, true
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Before(epoch) {
		return 0, false
	}
	return uint64(t.Sub(epoch).Hours()/24) + 1, true
}

func daysDate(n uint64) (string, bool) {
	if n == 0 {
		return "", true
	}
	if n > 200_000 { // year 2517: a corrupt code
		return "", false
	}
	return epoch.AddDate(0, 0, int(n-1)).Format(time.DateOnly), true
}

// CertificateClaim is what a certificate states and its code signs.
type CertificateClaim struct {
	Number   string  `json:"number"`   // certificate number
	NIP      string  `json:"nip"`      // 18 digits (spaces are removed)
	Name     string  `json:"name"`     // as printed, with gelar
	Event    string  `json:"event"`    // training name (with angkatan when printed)
	Start    string  `json:"start"`    // YYYY-MM-DD
	End      string  `json:"end"`      // YYYY-MM-DD
	JP       float64 `json:"jp"`       // kept to 2 decimals
	Office   string  `json:"office"`   // issuing office, as printed
	IssuedAt string  `json:"issuedAt"` // YYYY-MM-DD
}

// Signer is an office's signing identity. OfficeID travels in the code so
// the verifier knows which public key to use.
type Signer struct {
	OfficeID string
	Key      ed25519.PrivateKey
}

// Normalize returns c as it is signed and as VerifyCertificate returns it:
// whitespace normalised, NIP without spaces, JP rounded to 2 decimals.
func (c CertificateClaim) Normalize() CertificateClaim {
	c.Number, c.Name, c.Event = clean(c.Number), clean(c.Name), clean(c.Event)
	c.NIP = strings.Join(strings.Fields(c.NIP), "")
	c.Start, c.End, c.IssuedAt = clean(c.Start), clean(c.End), clean(c.IssuedAt)
	c.Office = clean(c.Office)
	c.JP = float64(jpHundredths(c.JP)) / 100
	return c
}

func jpHundredths(jp float64) uint64 {
	if !(jp > 0) || math.IsInf(jp, 0) {
		return 0
	}
	return uint64(math.Round(jp * 100))
}

// encodeClaim is the canonical payload of c (already normalised).
func encodeClaim(officeID string, c CertificateClaim) []byte {
	b := make([]byte, 0, 256)
	b = append(b, claimVersion)
	put := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	put(officeID)
	put(c.Number)
	put(c.NIP)
	put(c.Name)
	put(c.Event)
	date := func(s string) {
		n, _ := dateDays(s) // checked by SignCertificate
		b = binary.AppendUvarint(b, n)
	}
	date(c.Start)
	date(c.End)
	b = binary.AppendUvarint(b, jpHundredths(c.JP))
	put(c.Office)
	date(c.IssuedAt)
	return b
}

func signedMessage(payload []byte) []byte {
	return append([]byte(claimContext), payload...)
}

// SignCertificate signs c with the office key and returns the code printed
// in the certificate's QR (see the encoding above). Errors
// (report.input_invalid, detail "field"): no office id, a key that is not
// an Ed25519 private key, no number, a field longer than 1000 bytes, or a
// date (start, end, issuedAt) that is neither empty nor YYYY-MM-DD.
func SignCertificate(c CertificateClaim, s Signer) (string, error) {
	const op = "certificate.sign"
	officeID := clean(s.OfficeID)
	switch {
	case officeID == "" || len(officeID) > maxClaimField:
		return "", domain.E(domain.CodeReportInputInvalid, op, nil, "field", "signer.officeId")
	case len(s.Key) != ed25519.PrivateKeySize:
		return "", domain.E(domain.CodeReportInputInvalid, op, nil, "field", "signer.key")
	}
	c = c.Normalize()
	if c.Number == "" {
		return "", domain.E(domain.CodeReportInputInvalid, op, nil, "field", "number")
	}
	for _, f := range []struct{ name, v string }{{"number", c.Number}, {"nip", c.NIP}, {"name", c.Name},
		{"event", c.Event}, {"office", c.Office}} {
		if len(f.v) > maxClaimField {
			return "", domain.E(domain.CodeReportInputInvalid, op, nil, "field", f.name)
		}
	}
	for _, f := range []struct{ name, v string }{{"start", c.Start}, {"end", c.End}, {"issuedAt", c.IssuedAt}} {
		if _, ok := dateDays(f.v); !ok {
			return "", domain.E(domain.CodeReportInputInvalid, op, nil, "field", f.name, "value", f.v)
		}
	}
	payload := encodeClaim(officeID, c)
	sig := ed25519.Sign(s.Key, signedMessage(payload))
	return base64.RawURLEncoding.EncodeToString(append(payload, sig...)), nil
}

// VerificationURL is the text of a certificate's QR code: the central
// server's verification page with the code as parameter c.
func VerificationURL(baseURL, code string) string {
	sep := "?"
	if strings.Contains(baseURL, "?") {
		sep = "&"
	}
	return baseURL + sep + "c=" + code
}

// CodeFromInput accepts what a person pastes or a scanner reads: the bare
// code, or the whole verification URL (its c parameter), with surrounding
// whitespace.
func CodeFromInput(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "?&"); i >= 0 {
		if q, err := url.ParseQuery(s[i+1:]); err == nil && q.Get("c") != "" {
			return q.Get("c")
		}
	}
	return s
}

// StaticKeys looks office public keys up in a map, for VerifyCertificate.
func StaticKeys(keys map[string]ed25519.PublicKey) func(officeID string) (ed25519.PublicKey, bool) {
	return func(id string) (ed25519.PublicKey, bool) {
		k, ok := keys[id]
		return k, ok
	}
}

// VerifyCertificate checks a code (or a verification URL, see
// CodeFromInput) offline and returns the claim it carries, normalised.
// keys returns the public key of an office id.
//
// Errors: certificate.code_invalid (not base64url, truncated, trailing
// bytes, another version: the code was mistyped or is not ours),
// certificate.unknown_office (detail "officeId"), certificate.signature_invalid
// (the code is well-formed but any field or the signature was changed, or
// the office's key is not the one that signed it).
func VerifyCertificate(code string, keys func(officeID string) (ed25519.PublicKey, bool)) (CertificateClaim, error) {
	const op = "certificate.verify"
	invalid := func(reason string) (CertificateClaim, error) {
		return CertificateClaim{}, domain.E(domain.CodeCertificateCodeInvalid, op, nil, "reason", reason)
	}
	raw, err := base64.RawURLEncoding.DecodeString(CodeFromInput(code))
	if err != nil {
		return invalid("encoding")
	}
	if len(raw) < 1+ed25519.SignatureSize {
		return invalid("length")
	}
	payload, sig := raw[:len(raw)-ed25519.SignatureSize], raw[len(raw)-ed25519.SignatureSize:]
	if payload[0] != claimVersion {
		return invalid("version")
	}
	r := claimReader{b: payload[1:]}
	officeID := r.str()
	var c CertificateClaim
	c.Number, c.NIP, c.Name, c.Event = r.str(), r.str(), r.str(), r.str()
	start, end := r.uvarint(), r.uvarint()
	jp := r.uvarint()
	c.Office = r.str()
	issued := r.uvarint()
	if r.bad || len(r.b) != 0 {
		return invalid("layout")
	}
	var ok1, ok2, ok3 bool
	c.Start, ok1 = daysDate(start)
	c.End, ok2 = daysDate(end)
	c.IssuedAt, ok3 = daysDate(issued)
	if !ok1 || !ok2 || !ok3 {
		return invalid("date")
	}
	c.JP = float64(jp) / 100
	if keys == nil {
		return CertificateClaim{}, domain.E(domain.CodeCertificateUnknownOffice, op, nil, "officeId", officeID)
	}
	pub, ok := keys(officeID)
	if !ok || len(pub) != ed25519.PublicKeySize {
		return CertificateClaim{}, domain.E(domain.CodeCertificateUnknownOffice, op, nil, "officeId", officeID)
	}
	if !ed25519.Verify(pub, signedMessage(payload), sig) {
		return CertificateClaim{}, domain.E(domain.CodeCertificateSignatureInvalid, op, nil, "officeId", officeID)
	}
	return c, nil
}

// claimReader reads the payload; any error sets bad.
type claimReader struct {
	b   []byte
	bad bool
}

func (r *claimReader) uvarint() uint64 {
	if r.bad {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *claimReader) str() string {
	n := r.uvarint()
	if r.bad || n > maxClaimField || n > uint64(len(r.b)) {
		r.bad = true
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
