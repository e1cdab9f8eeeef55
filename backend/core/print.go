package core

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"kembang/backend/domain"
	"kembang/backend/report"
	"kembang/backend/store"
)

// Printed documents (docs/REPORTS.md): the settings they share (letterhead,
// logo, signatories, certificate design, verification address), the
// office's certificate signing key, and one builder per document that
// gathers the data from the store and the analysis and hands it to
// backend/report. The desktop PrintService and `kembangctl print` both
// call Print, so the app and the CLI print the same document.

// Local settings keys (never synced: settings belong to this laptop).
const (
	settingPrint     = "report.settings"
	settingOfficeKey = "report.office_key" // secret: sealed by store.SetSecret
	// settingOfficePublic is the code and public key of the office key
	// (OfficeKey JSON): not secret, kept so the key's identity survives a
	// private key that cannot be read here.
	settingOfficePublic = "report.office_key_public"
	settingTrustedKeys  = "report.trusted_keys"
)

// DefaultVerifyBaseURL is the central server's verification page until the
// admin sets the real one.
const DefaultVerifyBaseURL = "https://kembang.example.go.id/verifikasi"

// Size limits of the images kept in the settings (decoded bytes): the
// settings are one row, read on every print.
const (
	maxLogoBytes       = 1 << 20
	maxBackgroundBytes = 5 << 20
	maxSignatureBytes  = 512 << 10
)

// PrintSignatory is a person who signs documents. Signature is an optional
// scanned signature, PNG or JPEG, base64 (standard alphabet).
type PrintSignatory struct {
	Title     string `json:"title"` // e.g. "Kepala BKPSDM"
	Name      string `json:"name"`  // with gelar, as printed
	NIP       string `json:"nip"`
	Signature string `json:"signature"`
}

// PrintSettings are the document settings of this office, kept in the
// local settings. Images are base64 (standard alphabet) PNG or JPEG.
type PrintSettings struct {
	// Letterhead (kop surat).
	Agency  string `json:"agency"`  // "Pemerintah Kabupaten Sleman"
	Office  string `json:"office"`  // "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
	Address string `json:"address"` // street, town, postcode
	Contact string `json:"contact"` // telephone, e-mail, website
	Logo    string `json:"logo"`
	// Place is the town of the date line ("Sleman, 23 November 2026").
	Place string `json:"place"`
	// Approver signs IDPs as the approving officer (kepegawaian / PPK);
	// RecapSignatory signs the recaps, attendance lists and histories.
	Approver       PrintSignatory `json:"approver"`
	RecapSignatory PrintSignatory `json:"recapSignatory"`
	// Certificates: one or two signatories (none: the approver signs), an
	// optional full-page background (the agency's designed blank), the
	// heading, and the issuing office as printed and signed (default: the
	// letterhead's office).
	CertificateSignatories []PrintSignatory `json:"certificateSignatories"`
	CertificateBackground  string           `json:"certificateBackground"`
	CertificateHeading     string           `json:"certificateHeading"`
	IssuingOffice          string           `json:"issuingOffice"`
	// VerifyBaseURL is the central server's verification page the QR code
	// points to; the code goes in its "c" parameter.
	VerifyBaseURL string `json:"verifyBaseUrl"`
	// CertificateLayout moves the certificate's fields (positions in mm,
	// font sizes) to fit the office's own design; see print_layout.go.
	CertificateLayout map[string]LayoutBox `json:"certificateLayout"`
}

// DefaultPrintSettings is what an office starts with.
func DefaultPrintSettings() PrintSettings {
	return PrintSettings{VerifyBaseURL: DefaultVerifyBaseURL, CertificateSignatories: []PrintSignatory{},
		CertificateLayout: DefaultCertificateLayout()}
}

// decodeImage decodes a base64 PNG or JPEG; "" is no image.
func decodeImage(s string) ([]byte, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, true
	}
	// Accept a data URL as the browser's FileReader makes it.
	if strings.HasPrefix(s, "data:") {
		if i := strings.Index(s, ","); i > 0 {
			s = s[i+1:]
		}
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(s); err != nil {
			return nil, false
		}
	}
	isPNG := bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n"))
	isJPEG := bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF})
	return b, isPNG || isJPEG
}

// ValidatePrintSettings normalises s (trims text, turns data URLs into
// plain base64) and returns every problem.
func ValidatePrintSettings(s *PrintSettings) domain.FieldErrors {
	var errs domain.FieldErrors
	add := func(field, code, value string) {
		errs = append(errs, domain.FieldError{Field: field, Code: code, Value: value})
	}
	for _, f := range []struct {
		name string
		v    *string
		max  int
	}{{"agency", &s.Agency, 200}, {"office", &s.Office, 200}, {"address", &s.Address, 300}, {"contact", &s.Contact, 300},
		{"place", &s.Place, 100}, {"certificateHeading", &s.CertificateHeading, 100}, {"issuingOffice", &s.IssuingOffice, 300}} {
		*f.v = strings.TrimSpace(*f.v)
		if len(*f.v) > f.max {
			add(f.name, domain.CodeTooLong, "")
		}
	}
	image := func(field string, v *string, max int) {
		b, ok := decodeImage(*v)
		switch {
		case !ok:
			add(field, domain.CodeReportImageInvalid, "")
		case len(b) > max:
			add(field, domain.CodeTooLong, strconv.Itoa(len(b)))
		case len(b) > 0:
			*v = base64.StdEncoding.EncodeToString(b)
		default:
			*v = ""
		}
	}
	image("logo", &s.Logo, maxLogoBytes)
	image("certificateBackground", &s.CertificateBackground, maxBackgroundBytes)
	sig := func(field string, p *PrintSignatory) {
		p.Title, p.Name = strings.TrimSpace(p.Title), strings.TrimSpace(p.Name)
		p.NIP = strings.Join(strings.Fields(p.NIP), "")
		if len(p.Title) > 200 || len(p.Name) > 200 {
			add(field, domain.CodeTooLong, "")
		}
		if p.NIP != "" && !allDigits(p.NIP) {
			add(field+".nip", domain.CodeNIPInvalid, p.NIP)
		}
		image(field+".signature", &p.Signature, maxSignatureBytes)
	}
	sig("approver", &s.Approver)
	sig("recapSignatory", &s.RecapSignatory)
	if s.CertificateSignatories == nil {
		s.CertificateSignatories = []PrintSignatory{}
	}
	if len(s.CertificateSignatories) > 2 {
		add("certificateSignatories", domain.CodeInvalid, strconv.Itoa(len(s.CertificateSignatories)))
	}
	for i := range s.CertificateSignatories {
		sig("certificateSignatories."+strconv.Itoa(i), &s.CertificateSignatories[i])
	}
	s.VerifyBaseURL = strings.TrimSpace(s.VerifyBaseURL)
	if s.VerifyBaseURL == "" {
		s.VerifyBaseURL = DefaultVerifyBaseURL
	}
	if u, err := url.Parse(s.VerifyBaseURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		u.Fragment != "" || len(s.VerifyBaseURL) > 200 {
		add("verifyBaseUrl", domain.CodeInvalid, s.VerifyBaseURL)
	}
	if len(s.CertificateLayout) == 0 {
		s.CertificateLayout = DefaultCertificateLayout()
	}
	validateCertificateLayout(s.CertificateLayout, add)
	return errs
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// PrintSettings reads the document settings (defaults for what was never
// saved; a damaged setting reads as the defaults rather than blocking
// every print).
func (c *Core) PrintSettings(ctx context.Context) (PrintSettings, error) {
	s := DefaultPrintSettings()
	raw, ok, err := c.Store.GetSetting(ctx, settingPrint)
	if err != nil || !ok {
		return s, err
	}
	if json.Unmarshal([]byte(raw), &s) != nil {
		return DefaultPrintSettings(), nil
	}
	if s.VerifyBaseURL == "" {
		s.VerifyBaseURL = DefaultVerifyBaseURL
	}
	if s.CertificateSignatories == nil {
		s.CertificateSignatories = []PrintSignatory{}
	}
	if len(s.CertificateLayout) == 0 {
		s.CertificateLayout = DefaultCertificateLayout()
	}
	return s, nil
}

// SavePrintSettings validates and stores the document settings.
func (c *Core) SavePrintSettings(ctx context.Context, s PrintSettings) (PrintSettings, error) {
	const op = "print.save_settings"
	if fe := ValidatePrintSettings(&s); len(fe) > 0 {
		return s, fe.AsError(op)
	}
	b, err := json.Marshal(s)
	if err != nil {
		return s, domain.E(domain.CodeInternal, op, err)
	}
	return s, c.Store.SetSetting(ctx, settingPrint, string(b))
}

// printAssets are the decoded settings a document needs.
type printAssets struct {
	set        PrintSettings
	letterhead report.Letterhead
}

func (c *Core) printAssets(ctx context.Context) (*printAssets, error) {
	set, err := c.PrintSettings(ctx)
	if err != nil {
		return nil, err
	}
	a := &printAssets{set: set}
	logo, _ := decodeImage(set.Logo)
	a.letterhead = report.Letterhead{Agency: set.Agency, Office: set.Office, Address: set.Address, Contact: set.Contact, Logo: logo}
	if a.letterhead.Office == "" {
		if o, err := c.Store.LocalOffice(ctx); err == nil {
			a.letterhead.Office = o.Name
		}
	}
	return a, nil
}

func signatoryOf(p PrintSignatory, defaultTitle string) report.Signatory {
	img, _ := decodeImage(p.Signature)
	title := p.Title
	if title == "" {
		title = defaultTitle
	}
	return report.Signatory{Title: title, Name: p.Name, NIP: p.NIP, Signature: img}
}

// ---- The office signing key ------------------------------------------------

// OfficeKey is this office's (this installation's) certificate signing
// identity as others need it to verify: the short code that travels in
// every certificate code, and the Ed25519 public key (base64url, no
// padding: 43 characters).
type OfficeKey struct {
	Code      string `json:"code"`
	PublicKey string `json:"publicKey"`
}

// TrustedKey is a key this installation verifies certificates with.
type TrustedKey struct {
	Code      string `json:"code"`
	PublicKey string `json:"publicKey"`
	Own       bool   `json:"own"`
	AddedAt   string `json:"addedAt"`
}

// storedOfficeKey is the private key as kept in the local settings.
type storedOfficeKey struct {
	Code      string `json:"code"`
	Seed      []byte `json:"seed"` // the 32-byte Ed25519 seed
	CreatedAt string `json:"createdAt"`
}

// keyCodeEncoding is RFC 4648 base32: capitals and 2–7 only, so a code
// reads aloud and fits the QR alphanumeric mode.
var keyCodeEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// KeyCode is the 8-character code of a public key: the first 40 bits of
// SHA-256("kembang/office-key/" || key) in base32. The code names the key
// itself rather than the office, so it is self-certifying (trust-key
// checks that a code and a key belong together) and two laptops of one
// office, each with its own key, never share a code.
func KeyCode(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(append([]byte("kembang/office-key/"), pub...))
	return keyCodeEncoding.EncodeToString(sum[:5])
}

// officeKeyMu makes the first-use generation of the key happen once when
// the app asks from several goroutines.
var officeKeyMu sync.Mutex

// The private key is a secret setting (store.GetSecret: sealed by the
// Windows user's DPAPI). Its code and public key are kept beside it in the
// clear (settingOfficePublic), so a laptop whose database was restored on
// another Windows account or computer still knows which key it used to
// sign with, keeps trusting it, and never makes a new key silently.

// officeKeyUnreadable is the error of a private key this user on this
// computer cannot read.
func officeKeyUnreadable(op string, err error) error {
	return domain.E(domain.CodeOfficeKeyUnreadable, op, err, "setting", settingOfficeKey)
}

// readOfficeKey returns the stored private key, ok false when there is
// none. A key that exists but cannot be read is
// certificate.office_key_unreadable; a damaged one internal.
func readOfficeKey(ctx context.Context, st *store.Store) (storedOfficeKey, bool, error) {
	const op = "print.office_key"
	var k storedOfficeKey
	raw, ok, err := st.GetSecret(ctx, settingOfficeKey)
	if store.IsSecretUnreadable(err) {
		return k, false, officeKeyUnreadable(op, err)
	}
	if err != nil {
		return k, false, err
	}
	pub, hasPub, err := readOfficePublic(ctx, st)
	if err != nil {
		return k, false, err
	}
	if !ok || raw == "" {
		if hasPub {
			// The public half without the private one: the key was lost,
			// not never made.
			return k, false, officeKeyUnreadable(op, errors.New("the private key is missing"))
		}
		return k, false, nil
	}
	if err := json.Unmarshal([]byte(raw), &k); err != nil || len(k.Seed) != ed25519.SeedSize {
		// Never replace a damaged key silently: certificates already
		// issued would stop verifying against the published key.
		return k, false, domain.E(domain.CodeInternal, op, err, "setting", settingOfficeKey)
	}
	if !hasPub || pub != k.public() {
		// Written before the public half was kept: keep it now.
		b, _ := json.Marshal(k.public())
		if err := st.SetSetting(ctx, settingOfficePublic, string(b)); err != nil {
			return k, false, err
		}
	}
	return k, true, nil
}

func (k storedOfficeKey) public() OfficeKey {
	pub := ed25519.NewKeyFromSeed(k.Seed).Public().(ed25519.PublicKey)
	return OfficeKey{Code: k.Code, PublicKey: base64.RawURLEncoding.EncodeToString(pub)}
}

func readOfficePublic(ctx context.Context, st *store.Store) (OfficeKey, bool, error) {
	raw, ok, err := st.GetSetting(ctx, settingOfficePublic)
	if err != nil || !ok {
		return OfficeKey{}, false, err
	}
	var k OfficeKey
	if json.Unmarshal([]byte(raw), &k) != nil || k.Code == "" {
		return OfficeKey{}, false, nil // rebuilt from the private key when it is readable
	}
	return k, true, nil
}

// officeKeySettings are the settings that store k: the sealed private key
// and its public half, to be written together.
func officeKeySettings(st *store.Store, k storedOfficeKey) (map[string]string, error) {
	b, _ := json.Marshal(k)
	sealed, err := st.SealSecret(string(b))
	if err != nil {
		return nil, err
	}
	pub, _ := json.Marshal(k.public())
	return map[string]string{settingOfficeKey: sealed, settingOfficePublic: string(pub)}, nil
}

// StoredOfficeKey returns this laptop's office key code and public key when
// a key exists, without making one. It answers from the public half, so
// it works even when the private key cannot be read here; ok is false
// when there is no key yet. It also seals a key stored before secrets were
// protected.
func StoredOfficeKey(ctx context.Context, st *store.Store) (OfficeKey, bool, error) {
	if pub, ok, err := readOfficePublic(ctx, st); err != nil || ok {
		if ok {
			// Seal a legacy private key in place (a read does it).
			_, _, _ = st.GetSecret(ctx, settingOfficeKey)
		}
		return pub, ok, err
	}
	k, ok, err := readOfficeKey(ctx, st)
	if err != nil || !ok {
		return OfficeKey{}, false, err
	}
	return k.public(), true, nil
}

// officeSigner returns the signing key, generating and storing it on
// first use. A key that exists but cannot be read here is
// certificate.office_key_unreadable: the user imports it from a settings
// file exported with the key, or makes a new one (NewOfficeKey).
func (c *Core) officeSigner(ctx context.Context) (report.Signer, error) {
	const op = "print.office_key"
	officeKeyMu.Lock()
	defer officeKeyMu.Unlock()
	k, ok, err := readOfficeKey(ctx, c.Store)
	if err != nil {
		return report.Signer{}, err
	}
	if !ok {
		if k, err = c.generateOfficeKey(); err != nil {
			return report.Signer{}, domain.E(domain.CodeInternal, op, err)
		}
		values, err := officeKeySettings(c.Store, k)
		if err != nil {
			return report.Signer{}, err
		}
		if err := c.Store.SetSettings(ctx, values); err != nil {
			return report.Signer{}, err
		}
	}
	return report.Signer{OfficeID: k.Code, Key: ed25519.NewKeyFromSeed(k.Seed)}, nil
}

func (c *Core) generateOfficeKey() (storedOfficeKey, error) {
	k := storedOfficeKey{Seed: make([]byte, ed25519.SeedSize)}
	if _, err := rand.Read(k.Seed); err != nil {
		return k, err
	}
	k.CreatedAt = c.Store.Now().UTC().Format(time.RFC3339)
	k.Code = KeyCode(ed25519.NewKeyFromSeed(k.Seed).Public().(ed25519.PublicKey))
	return k, nil
}

// OfficeKey returns this office's code and public key (made on first use).
// Errors: certificate.office_key_unreadable when the key exists but cannot
// be read by this Windows user on this computer.
func (c *Core) OfficeKey(ctx context.Context) (OfficeKey, error) {
	s, err := c.officeSigner(ctx)
	if err != nil {
		return OfficeKey{}, err
	}
	return OfficeKey{Code: s.OfficeID, PublicKey: base64.RawURLEncoding.EncodeToString(s.Key.Public().(ed25519.PublicKey))}, nil
}

// NewOfficeKey replaces an office key that cannot be read here (the
// database came from another Windows account or computer) with a new one.
// The old key stays trusted on this laptop when its public half is known,
// so the certificates it signed still verify; the new key's certificates
// verify on the central server once sync registered it. A key that can be
// read is never replaced (conflict): that would only make new certificates
// carry another code for no reason.
func (c *Core) NewOfficeKey(ctx context.Context) (OfficeKey, error) {
	const op = "print.new_office_key"
	officeKeyMu.Lock()
	defer officeKeyMu.Unlock()
	_, ok, err := readOfficeKey(ctx, c.Store)
	switch {
	case err == nil && ok:
		return OfficeKey{}, domain.E(domain.CodeConflict, op, nil, "reason", "office_key_readable")
	case err != nil && !domain.IsCode(err, domain.CodeOfficeKeyUnreadable):
		return OfficeKey{}, err
	}
	old, hadOld, err := readOfficePublic(ctx, c.Store)
	if err != nil {
		return OfficeKey{}, err
	}
	k, err := c.generateOfficeKey()
	if err != nil {
		return OfficeKey{}, domain.E(domain.CodeInternal, op, err)
	}
	values, err := officeKeySettings(c.Store, k)
	if err != nil {
		return OfficeKey{}, err
	}
	if hadOld && old.Code != k.Code {
		trusted, err := c.importedKeys(ctx)
		if err != nil {
			return OfficeKey{}, err
		}
		known := false
		for _, t := range trusted {
			known = known || t.Code == old.Code
		}
		if !known {
			trusted = append(trusted, TrustedKey{Code: old.Code, PublicKey: old.PublicKey, AddedAt: c.Store.Now().UTC().Format(time.RFC3339)})
			b, _ := json.Marshal(trusted)
			values[settingTrustedKeys] = string(b)
		}
	}
	if err := c.Store.SetSettings(ctx, values); err != nil {
		return OfficeKey{}, err
	}
	return k.public(), nil
}

// parsePublicKey reads a public key in base64url or standard base64, with
// or without padding.
func parsePublicKey(s string) (ed25519.PublicKey, bool) {
	s = strings.TrimSpace(s)
	for _, enc := range []*base64.Encoding{base64.RawURLEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.StdEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) == ed25519.PublicKeySize {
			return ed25519.PublicKey(b), true
		}
	}
	return nil, false
}

func (c *Core) importedKeys(ctx context.Context) ([]TrustedKey, error) {
	raw, ok, err := c.Store.GetSetting(ctx, settingTrustedKeys)
	if err != nil || !ok {
		return nil, err
	}
	var out []TrustedKey
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		return nil, domain.E(domain.CodeInternal, "print.trusted_keys", err, "setting", settingTrustedKeys)
	}
	return out, nil
}

// TrustedKeys lists the keys certificates verify with here: this office's
// own first, then the imported ones by code.
//
// The own key is listed from its public half even when the private key
// cannot be read here, so verifying keeps working while printing does not.
func (c *Core) TrustedKeys(ctx context.Context) ([]TrustedKey, error) {
	own, ok, err := StoredOfficeKey(ctx, c.Store)
	if err != nil && !domain.IsCode(err, domain.CodeOfficeKeyUnreadable) {
		return nil, err
	}
	if err == nil && !ok {
		if own, err = c.OfficeKey(ctx); err != nil {
			return nil, err
		}
		ok = true
	}
	imported, err := c.importedKeys(ctx)
	if err != nil {
		return nil, err
	}
	var out []TrustedKey
	if ok {
		out = append(out, TrustedKey{Code: own.Code, PublicKey: own.PublicKey, Own: true})
	}
	sort.Slice(imported, func(i, j int) bool { return imported[i].Code < imported[j].Code })
	return append(out, imported...), nil
}

// TrustKey adds another office's key (as its `kembangctl office-key`
// printed it). The code must be the key's KeyCode, so a typo in either is
// caught here rather than when a genuine certificate fails to verify.
// Adding a key that is already trusted is not an error.
func (c *Core) TrustKey(ctx context.Context, code, publicKey string) (TrustedKey, error) {
	const op = "print.trust_key"
	code = strings.ToUpper(strings.TrimSpace(code))
	pub, ok := parsePublicKey(publicKey)
	if !ok {
		return TrustedKey{}, domain.E(domain.CodeCertificateKeyInvalid, op, nil, "field", "publicKey")
	}
	if KeyCode(pub) != code {
		return TrustedKey{}, domain.E(domain.CodeCertificateKeyInvalid, op, nil, "field", "code", "code", code)
	}
	keys, err := c.TrustedKeys(ctx)
	if err != nil {
		return TrustedKey{}, err
	}
	enc := base64.RawURLEncoding.EncodeToString(pub)
	for _, k := range keys {
		if k.Code == code {
			if k.PublicKey == enc {
				return k, nil
			}
			return TrustedKey{}, domain.E(domain.CodeCertificateKeyConflict, op, nil, "code", code)
		}
	}
	imported, err := c.importedKeys(ctx)
	if err != nil {
		return TrustedKey{}, err
	}
	k := TrustedKey{Code: code, PublicKey: enc, AddedAt: c.Store.Now().UTC().Format(time.RFC3339)}
	imported = append(imported, k)
	b, _ := json.Marshal(imported)
	return k, c.Store.SetSetting(ctx, settingTrustedKeys, string(b))
}

// VerifiedCertificate is a certificate code that verified.
type VerifiedCertificate struct {
	Claim      report.CertificateClaim `json:"claim"`
	OfficeCode string                  `json:"officeCode"`
}

// VerifyCertificate checks a certificate code, or the URL its QR holds,
// offline against the trusted keys. Errors: report.VerifyCertificate's
// (certificate.code_invalid, certificate.unknown_office,
// certificate.signature_invalid).
func (c *Core) VerifyCertificate(ctx context.Context, code string) (*VerifiedCertificate, error) {
	keys, err := c.TrustedKeys(ctx)
	if err != nil {
		return nil, err
	}
	byCode := make(map[string]ed25519.PublicKey, len(keys))
	for _, k := range keys {
		if pub, ok := parsePublicKey(k.PublicKey); ok {
			byCode[k.Code] = pub
		}
	}
	var office string
	claim, err := report.VerifyCertificate(code, func(id string) (ed25519.PublicKey, bool) {
		office = id
		k, ok := byCode[id]
		return k, ok
	})
	if err != nil {
		return nil, err
	}
	return &VerifiedCertificate{Claim: claim, OfficeCode: office}, nil
}

// ---- Documents -------------------------------------------------------------

// Printable documents (PrintRequest.Doc).
const (
	DocIDP          = "idp"
	DocCertificates = "certificates"
	DocRecapJPM     = "recap-jpm"
	DocRecapJP      = "recap-jp"
	DocAttendance   = "attendance"
	DocHistory      = "history"
)

// Formats.
const (
	FormatPDF  = "pdf"
	FormatXLSX = "xlsx"
)

// PrintRequest says which document to print and for what. Employee
// documents take EmployeeID or NIP; event documents EventID; recaps an
// optional UnitID ("" = the whole office) and Period (JPM; default the
// current period) or Year (JP, IDP; default the current year).
type PrintRequest struct {
	Doc        string `json:"doc"`
	Format     string `json:"format"` // "pdf" (default) or "xlsx" (recaps, attendance, history)
	EmployeeID string `json:"employeeId"`
	NIP        string `json:"nip"`
	EventID    string `json:"eventId"`
	UnitID     string `json:"unitId"`
	Period     string `json:"period"`
	Year       int    `json:"year"`
}

// Document is a rendered document.
type Document struct {
	FileName string `json:"fileName"`
	Format   string `json:"format"`
	Data     []byte `json:"-"`
	Pages    int    `json:"pages"` // certificates only (one page each); 0 when not counted
}

// Print renders the document req asks for. Errors: print.document_unknown,
// print.format_invalid, not_found (employee, plan, event, unit),
// print.nothing, and the report package's.
func (c *Core) Print(ctx context.Context, req PrintRequest) (*Document, error) {
	const op = "print"
	req.Format = strings.ToLower(strings.TrimSpace(req.Format))
	if req.Format == "" {
		req.Format = FormatPDF
	}
	if req.Format != FormatPDF && req.Format != FormatXLSX {
		return nil, domain.E(domain.CodePrintFormatInvalid, op, nil, "format", req.Format)
	}
	xlsxOK := map[string]bool{DocRecapJPM: true, DocRecapJP: true, DocAttendance: true, DocHistory: true}
	switch req.Doc {
	case DocIDP, DocCertificates, DocRecapJPM, DocRecapJP, DocAttendance, DocHistory:
	default:
		return nil, domain.E(domain.CodePrintDocumentUnknown, op, nil, "doc", req.Doc)
	}
	if req.Format == FormatXLSX && !xlsxOK[req.Doc] {
		return nil, domain.E(domain.CodePrintFormatInvalid, op, nil, "format", req.Format, "doc", req.Doc)
	}
	a, err := c.printAssets(ctx)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	doc := &Document{Format: req.Format}
	xlsx := req.Format == FormatXLSX
	switch req.Doc {
	case DocIDP:
		empID, err := c.employeeOf(ctx, req)
		if err != nil {
			return nil, err
		}
		data, name, err := c.idpData(ctx, a, empID, c.yearOr(req.Year))
		if err != nil {
			return nil, err
		}
		doc.FileName = name
		err = report.IDP(&buf, data)
		if err != nil {
			return nil, err
		}
	case DocCertificates:
		n, name, err := c.certificates(ctx, a, req.EventID, &buf)
		if err != nil {
			return nil, err
		}
		doc.FileName, doc.Pages = name, n
	case DocRecapJPM:
		data, name, err := c.recapJPMData(ctx, a, req.UnitID, req.Period)
		if err != nil {
			return nil, err
		}
		doc.FileName = name
		if xlsx {
			err = report.RecapJPMXLSX(&buf, data)
		} else {
			err = report.RecapJPM(&buf, data)
		}
		if err != nil {
			return nil, err
		}
	case DocRecapJP:
		data, name, err := c.recapJPData(ctx, a, req.UnitID, c.yearOr(req.Year))
		if err != nil {
			return nil, err
		}
		doc.FileName = name
		if xlsx {
			err = report.RecapJPXLSX(&buf, data)
		} else {
			err = report.RecapJP(&buf, data)
		}
		if err != nil {
			return nil, err
		}
	case DocAttendance:
		data, name, err := c.attendanceData(ctx, a, req.EventID)
		if err != nil {
			return nil, err
		}
		doc.FileName = name
		if xlsx {
			err = report.AttendanceXLSX(&buf, data)
		} else {
			err = report.AttendanceList(&buf, data)
		}
		if err != nil {
			return nil, err
		}
	case DocHistory:
		empID, err := c.employeeOf(ctx, req)
		if err != nil {
			return nil, err
		}
		data, name, err := c.historyData(ctx, a, empID)
		if err != nil {
			return nil, err
		}
		doc.FileName = name
		if xlsx {
			err = report.TrainingHistoryXLSX(&buf, data)
		} else {
			err = report.TrainingHistory(&buf, data)
		}
		if err != nil {
			return nil, err
		}
	}
	doc.FileName += "." + req.Format
	doc.Data = buf.Bytes()
	return doc, nil
}

// IDP renders an employee's development plan of year (PDF).
func (c *Core) IDP(ctx context.Context, employeeID string, year int) ([]byte, error) {
	return c.printBytes(ctx, PrintRequest{Doc: DocIDP, EmployeeID: employeeID, Year: year})
}

// Certificates renders the certificates of an event's completed
// participants (PDF, one page each).
func (c *Core) Certificates(ctx context.Context, eventID string) ([]byte, error) {
	return c.printBytes(ctx, PrintRequest{Doc: DocCertificates, EventID: eventID})
}

// RecapJPM renders the JPM recap per unit of a unit subtree ("" = office).
func (c *Core) RecapJPM(ctx context.Context, unitID, period, format string) ([]byte, error) {
	return c.printBytes(ctx, PrintRequest{Doc: DocRecapJPM, UnitID: unitID, Period: period, Format: format})
}

// RecapJP renders the JP compliance recap per unit.
func (c *Core) RecapJP(ctx context.Context, unitID string, year int, format string) ([]byte, error) {
	return c.printBytes(ctx, PrintRequest{Doc: DocRecapJP, UnitID: unitID, Year: year, Format: format})
}

// Attendance renders an event's attendance list (daftar hadir).
func (c *Core) Attendance(ctx context.Context, eventID, format string) ([]byte, error) {
	return c.printBytes(ctx, PrintRequest{Doc: DocAttendance, EventID: eventID, Format: format})
}

// History renders an employee's training history.
func (c *Core) History(ctx context.Context, employeeID, format string) ([]byte, error) {
	return c.printBytes(ctx, PrintRequest{Doc: DocHistory, EmployeeID: employeeID, Format: format})
}

func (c *Core) printBytes(ctx context.Context, req PrintRequest) ([]byte, error) {
	d, err := c.Print(ctx, req)
	if err != nil {
		return nil, err
	}
	return d.Data, nil
}

func (c *Core) yearOr(y int) int {
	if y == 0 {
		return c.Store.Now().Year()
	}
	return y
}

func (c *Core) today() string { return c.Store.Now().Format(time.DateOnly) }

// employeeOf resolves the request's employee: the id, else the NIP.
func (c *Core) employeeOf(ctx context.Context, req PrintRequest) (string, error) {
	if req.EmployeeID != "" {
		return req.EmployeeID, nil
	}
	if strings.TrimSpace(req.NIP) == "" {
		return "", domain.E(domain.CodeRequired, "print", nil, "field", "employeeId")
	}
	e, err := c.Store.GetEmployeeByNIP(ctx, req.NIP)
	if err != nil {
		return "", err
	}
	return e.ID, nil
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// fileName makes a file name from parts: letters, digits, dots and hyphens.
func fileName(parts ...string) string {
	var keep []string
	for _, p := range parts {
		p = strings.Trim(unsafeName.ReplaceAllString(p, "-"), "-.")
		if p != "" {
			keep = append(keep, p)
		}
	}
	s := strings.Join(keep, "_")
	if len(s) > 100 {
		s = s[:100]
	}
	return s
}

func (c *Core) employeeIdentity(ctx context.Context, employeeID string) (*report.Identity, error) {
	e, err := c.Store.GetEmployee(ctx, employeeID)
	if err != nil {
		return nil, err
	}
	if e.Deleted {
		return nil, domain.E(domain.CodeNotFound, "print", nil, "entity", "employee", "id", employeeID)
	}
	id := report.IdentityOf(e.Employee, e.PositionName, e.UnitName)
	return &id, nil
}

// idpData gathers the IDP: the plan, the gaps of the analysis it was
// drafted from, the employee, and the signatories (the employee, the
// supervisor who approved the plan, the approving officer of the
// settings).
func (c *Core) idpData(ctx context.Context, a *printAssets, employeeID string, year int) (report.IDPData, string, error) {
	v, err := c.FindPlan(ctx, employeeID, year)
	if err != nil {
		return report.IDPData{}, "", err
	}
	if v == nil {
		return report.IDPData{}, "", domain.E(domain.CodeNotFound, "print.idp", nil, "entity", "development_plan",
			"employeeId", employeeID, "year", year)
	}
	ident, err := c.employeeIdentity(ctx, employeeID)
	if err != nil {
		return report.IDPData{}, "", err
	}
	dev, err := c.DevelopmentSettings(ctx)
	if err != nil {
		return report.IDPData{}, "", err
	}
	comps, err := c.competencyIndex(ctx)
	if err != nil {
		return report.IDPData{}, "", err
	}
	p := v.Plan
	data := report.IDPData{Letterhead: a.letterhead, Year: year, Employee: *ident, CareerTarget: v.TargetPositionName,
		JPTarget: dev.AnnualJPTarget, Note: p.Note, Place: a.set.Place, Date: c.today(),
		EmployeeSign: report.Signatory{Title: "Pegawai yang bersangkutan", Name: ident.Name, NIP: ident.NIP},
		Supervisor:   report.Signatory{Title: "Atasan Langsung", Name: p.ApproverName, NIP: p.ApproverNIP},
		Approver:     signatoryOf(a.set.Approver, "Pejabat yang Menyetujui"),
	}
	if p.ApprovedAt != nil {
		data.Date = p.ApprovedAt.In(time.Local).Format(time.DateOnly)
	}
	if v.AnalysisPeriod != "" {
		an, err := c.Analyse(ctx, employeeID, v.AnalysisPeriod)
		if err != nil {
			return report.IDPData{}, "", err
		}
		for _, l := range an.Lines {
			data.Competencies = append(data.Competencies, report.IDPCompetency{Code: l.Code, Name: orCode(l.Name, l.Code),
				Standard: l.Standard, Actual: l.Actual, Assessed: l.Assessed, Gap: l.Gap})
		}
		data.JPM, data.Category = an.JPM, an.Category
		data.Period = "Tahun " + strconv.Itoa(year) + " (hasil penilaian periode " + v.AnalysisPeriod + ")"
	}
	for _, l := range p.Lines {
		if l.Status == domain.LineCancelled {
			continue
		}
		name := ""
		if l.CompetencyCode != "" {
			name = orCode(comps[l.CompetencyCode].Name, l.CompetencyCode)
		}
		data.Lines = append(data.Lines, report.IDPLineOf(l, name, methodName(l.MethodCode)))
	}
	return data, fileName("IDP", strconv.Itoa(year), ident.NIP), nil
}

func orCode(name, code string) string {
	if name == "" {
		return code
	}
	return name
}

// certificates renders the certificates of the event's completed
// participants with a certificate number, in name order. The date of
// issue is the completion date (the event's end), never "today": a
// reprint then carries the very same signed code.
func (c *Core) certificates(ctx context.Context, a *printAssets, eventID string, w *bytes.Buffer) (int, string, error) {
	v, err := c.EventView(ctx, eventID)
	if err != nil {
		return 0, "", err
	}
	signer, err := c.officeSigner(ctx)
	if err != nil {
		return 0, "", err
	}
	ev := v.Event
	issued := ev.EndDate
	var people []report.CertificateParticipant
	for _, p := range v.Participants {
		if p.Participant.Status != domain.ParticipantCompleted || p.Participant.CertificateNo == "" {
			continue
		}
		cp := report.CertificateParticipant{Number: p.Participant.CertificateNo, Name: p.Employee.FullName,
			NIP: p.Employee.NIP, Position: p.Employee.PositionName, Unit: p.Employee.UnitName}
		if e, err := c.Store.GetEmployee(ctx, p.Participant.EmployeeID); err == nil {
			cp.Golongan = e.Golongan
		}
		if p.Participant.CompletedOn > issued {
			issued = p.Participant.CompletedOn
		}
		people = append(people, cp)
	}
	if len(people) == 0 {
		return 0, "", domain.E(domain.CodePrintNothing, "print.certificates", nil, "what", "completed_participants", "eventId", eventID)
	}
	set := a.set
	t := report.DefaultCertificateTemplate()
	t.Background, _ = decodeImage(set.CertificateBackground)
	t.Logo = a.letterhead.Logo
	if set.CertificateHeading != "" {
		t.Heading = set.CertificateHeading
	}
	applyCertificateLayout(&t, set.CertificateLayout)
	for _, s := range set.CertificateSignatories {
		t.Signatories = append(t.Signatories, signatoryOf(s, ""))
	}
	if len(t.Signatories) == 0 {
		t.Signatories = []report.Signatory{signatoryOf(set.Approver, "Pimpinan")}
	}
	office := set.IssuingOffice
	if office == "" {
		office = strings.TrimSpace(strings.Join([]string{a.letterhead.Office, a.letterhead.Agency}, " "))
	}
	cev := report.CertificateEvent{Name: ev.Name, Batch: ev.Batch, Provider: ev.Provider, Venue: ev.Venue,
		Start: ev.StartDate, End: ev.EndDate, JP: ev.JP, Office: office, Place: set.Place, IssuedAt: issued}
	if err := report.Certificates(w, t, cev, people, signer, set.VerifyBaseURL); err != nil {
		return 0, "", err
	}
	return len(people), fileName("Sertifikat", orCode(ev.Code, ev.Name)), nil
}

func (c *Core) scopeName(ctx context.Context, unitID string) (string, error) {
	if unitID == "" {
		return "Seluruh unit kerja", nil
	}
	u, err := c.Store.GetUnit(ctx, unitID)
	if err != nil {
		return "", err
	}
	return u.Name + " (beserta sub-unit)", nil
}

// recapJPMData is the JPM recap per unit with the people in detail.
func (c *Core) recapJPMData(ctx context.Context, a *printAssets, unitID, period string) (report.RecapJPMData, string, error) {
	if period = strings.TrimSpace(period); period == "" {
		period = c.CurrentPeriod()
	}
	scope, err := c.scopeName(ctx, unitID)
	if err != nil {
		return report.RecapJPMData{}, "", err
	}
	rc, err := c.Recap(ctx, unitID, period)
	if err != nil {
		return report.RecapJPMData{}, "", err
	}
	data := report.RecapJPMData{Letterhead: a.letterhead, Period: period, Scope: scope, Thresholds: rc.Thresholds,
		Signatory: signatoryOf(a.set.RecapSignatory, ""), Place: a.set.Place, Date: c.today()}
	// Per unit: the recap's own rule (domain.BuildRecap) over each unit's
	// people, in unit-name order.
	groups := map[string][]domain.PersonJPM{}
	var names []string
	for _, p := range rc.People {
		if _, ok := groups[p.UnitName]; !ok {
			names = append(names, p.UnitName)
		}
		groups[p.UnitName] = append(groups[p.UnitName], domain.PersonJPM{EmployeeID: p.EmployeeID,
			Result: domain.JPMResult{JPM: p.JPM, Category: p.Category, Complete: p.Complete}})
		data.People = append(data.People, report.RecapJPMPerson{Name: p.Name, NIP: p.NIP, Unit: p.UnitName,
			Position: p.PositionName, JPM: p.JPM, Category: p.Category, Complete: p.Complete})
	}
	sort.Strings(names)
	for _, n := range names {
		data.Units = append(data.Units, report.RecapJPMUnitOf(orCode(n, "-"), domain.BuildRecap(groups[n], 0)))
	}
	return data, fileName("Rekap-JPM", period), nil
}

// recapJPData is the JP compliance per unit with the people below target.
func (c *Core) recapJPData(ctx context.Context, a *printAssets, unitID string, year int) (report.RecapJPData, string, error) {
	scope, err := c.scopeName(ctx, unitID)
	if err != nil {
		return report.RecapJPData{}, "", err
	}
	rc, err := c.Compliance(ctx, year, unitID)
	if err != nil {
		return report.RecapJPData{}, "", err
	}
	data := report.RecapJPData{Letterhead: a.letterhead, Year: year, Target: rc.Target, Scope: scope,
		Signatory: signatoryOf(a.set.RecapSignatory, ""), Place: a.set.Place, Date: c.today()}
	for _, u := range rc.Units {
		data.Units = append(data.Units, report.RecapJPUnitOf(orCode(u.UnitName, "-"), u.Recap))
	}
	for _, b := range rc.Below {
		data.People = append(data.People, report.RecapJPPerson{Name: b.Name, NIP: b.NIP, Unit: b.UnitName,
			Total: b.Total, Target: rc.Target, Shortfall: b.Shortfall})
	}
	return data, fileName("Rekap-JP", strconv.Itoa(year)), nil
}

// attendanceData is an event's attendance list: every participant not
// cancelled, one signature column per learning day.
func (c *Core) attendanceData(ctx context.Context, a *printAssets, eventID string) (report.AttendanceData, string, error) {
	v, err := c.EventView(ctx, eventID)
	if err != nil {
		return report.AttendanceData{}, "", err
	}
	ev := v.Event
	data := report.AttendanceData{Letterhead: a.letterhead, Event: report.CertificateEvent{Name: ev.Name, Batch: ev.Batch}.EventTitle(),
		Provider: ev.Provider, Venue: ev.Venue, Days: v.Days, Signatory: signatoryOf(a.set.RecapSignatory, "Panitia Penyelenggara"),
		Place: a.set.Place, Date: ev.StartDate}
	for _, p := range v.Participants {
		if p.Participant.Status == domain.ParticipantCancelled {
			continue
		}
		data.Participants = append(data.Participants, report.AttendanceParticipant{Name: p.Employee.FullName,
			NIP: p.Employee.NIP, Unit: p.Employee.UnitName})
	}
	return data, fileName("Daftar-Hadir", orCode(ev.Code, ev.Name)), nil
}

// historyData is an employee's training history.
func (c *Core) historyData(ctx context.Context, a *printAssets, employeeID string) (report.HistoryData, string, error) {
	ident, err := c.employeeIdentity(ctx, employeeID)
	if err != nil {
		return report.HistoryData{}, "", err
	}
	recs, err := c.Store.ListTrainingRecords(ctx, employeeID)
	if err != nil {
		return report.HistoryData{}, "", err
	}
	dev, err := c.DevelopmentSettings(ctx)
	if err != nil {
		return report.HistoryData{}, "", err
	}
	data := report.HistoryData{Letterhead: a.letterhead, Employee: *ident, JPTarget: dev.AnnualJPTarget,
		Signatory: signatoryOf(a.set.RecapSignatory, ""), Place: a.set.Place, Date: c.today()}
	for _, r := range recs {
		data.Records = append(data.Records, report.HistoryRecordOf(r))
	}
	return data, fileName("Riwayat-Pelatihan", ident.NIP), nil
}
