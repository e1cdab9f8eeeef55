package server

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"gorm.io/gorm"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/report"
	"kembang/backend/server/readmodel"
	"kembang/backend/syncproto"
)

// Certificate keys and public verification.
//
// Every laptop signs its certificates with its own Ed25519 key, named by
// an 8-character key code (core.KeyCode). The server learns the public
// keys from the laptops themselves (POST PathCertificateKey, device
// authenticated: the key is bound to the device's office) or from an
// admin (AddCertificateKey). A key code is never rebound to another key
// or another office.

// PathCertificateKey is where a laptop registers its certificate public key.
const PathCertificateKey = syncproto.PathCertificateKey

// PathVerify is the public JSON verification endpoint (?c=CODE).
const PathVerify = "/v1/certificates/verify"

// CertificateKeyRequest is the body of POST PathCertificateKey.
type CertificateKeyRequest = syncproto.CertificateKeyRequest

// CertificateKey is a trusted certificate key.
type CertificateKey struct {
	Code      string    `json:"code"`
	PublicKey string    `json:"publicKey"`
	OfficeID  string    `json:"officeId"`
	DeviceID  string    `json:"deviceId"`
	Source    string    `json:"source"` // device | admin
	AddedBy   string    `json:"addedBy"`
	Note      string    `json:"note"`
	CreatedAt time.Time `json:"createdAt"`
}

func (CertificateKey) TableName() string { return "cert_keys" }

// parsePublicKey reads an Ed25519 public key in base64url or standard
// base64, with or without padding.
func parsePublicKey(s string) (ed25519.PublicKey, bool) {
	s = strings.TrimSpace(s)
	for _, enc := range []*base64.Encoding{base64.RawURLEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.StdEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) == ed25519.PublicKeySize {
			return ed25519.PublicKey(b), true
		}
	}
	return nil, false
}

// AddCertificateKey trusts a key. code must be the key's own code
// (core.KeyCode), so a mistyped key is caught now rather than when a
// genuine certificate fails to verify. Adding the same key again for the
// same office is a no-op; a code already bound to another key or office is
// certificate.key_conflict.
func (s *Server) AddCertificateKey(ctx context.Context, k CertificateKey) (*CertificateKey, error) {
	const op = "server.certificate_key"
	k.Code = strings.ToUpper(strings.TrimSpace(k.Code))
	pub, ok := parsePublicKey(k.PublicKey)
	if !ok || core.KeyCode(pub) != k.Code {
		return nil, domain.E(domain.CodeCertificateKeyInvalid, op, nil, "code", k.Code)
	}
	k.PublicKey = base64.RawURLEncoding.EncodeToString(pub)
	k.Note = strings.TrimSpace(k.Note)
	if len(k.Note) > 200 {
		k.Note = k.Note[:200]
	}
	k.CreatedAt = s.now()
	var out CertificateKey
	err := s.WriteTx(ctx, func(tx *gorm.DB) error {
		var have []CertificateKey
		if err := tx.Where("code = ?", k.Code).Limit(1).Find(&have).Error; err != nil {
			return err
		}
		if len(have) == 1 {
			h := have[0]
			if h.PublicKey != k.PublicKey || (k.OfficeID != "" && h.OfficeID != "" && h.OfficeID != k.OfficeID) {
				return domain.E(domain.CodeCertificateKeyConflict, op, nil, "code", k.Code)
			}
			if h.OfficeID == "" && k.OfficeID != "" {
				// An admin added it first; the laptop that owns it binds it to its office.
				h.OfficeID, h.DeviceID = k.OfficeID, k.DeviceID
				if err := tx.Model(&CertificateKey{}).Where("code = ?", k.Code).
					Updates(map[string]any{"office_id": h.OfficeID, "device_id": h.DeviceID}).Error; err != nil {
					return err
				}
			}
			out = h
			return nil
		}
		out = k
		return tx.Create(&k).Error
	})
	if err != nil {
		var de *domain.Error
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	return &out, nil
}

// CertificateKeys lists the trusted keys by code.
func (s *Server) CertificateKeys(ctx context.Context) ([]CertificateKey, error) {
	var out []CertificateKey
	err := s.DB.WithContext(ctx).Order("code").Find(&out).Error
	return out, err
}

func (s *Server) handleCertificateKey(w http.ResponseWriter, r *http.Request, dev *deviceRow) {
	var req CertificateKeyRequest
	if err := readJSON(r, &req); err != nil {
		writeError(w, http.StatusBadRequest, syncproto.CodeBadRequest)
		return
	}
	k, err := s.AddCertificateKey(r.Context(), CertificateKey{Code: req.Code, PublicKey: req.PublicKey, OfficeID: dev.OfficeID,
		DeviceID: dev.ID, Source: "device", AddedBy: "device:" + dev.ID})
	switch {
	case domain.ErrorCode(err) == domain.CodeCertificateKeyInvalid:
		writeError(w, http.StatusBadRequest, domain.CodeCertificateKeyInvalid)
	case domain.ErrorCode(err) == domain.CodeCertificateKeyConflict:
		writeError(w, http.StatusConflict, domain.CodeCertificateKeyConflict)
	case err != nil:
		s.internal(w, r, err)
	default:
		writeJSON(w, r, k)
	}
}

// CertificateRevocation is a certificate number an admin revoked.
type CertificateRevocation struct {
	Number    string    `json:"number"`
	Reason    string    `json:"reason"`
	RevokedBy string    `json:"revokedBy"`
	RevokedAt time.Time `json:"revokedAt"`
}

func (CertificateRevocation) TableName() string { return "cert_revocations" }

// RevokeCertificate marks a certificate number revoked.
func (s *Server) RevokeCertificate(ctx context.Context, number, reason, by string) error {
	const op = "server.certificate_revoke"
	number = strings.TrimSpace(number)
	if number == "" || len(number) > 100 {
		return domain.E(domain.CodeRequired, op, nil, "field", "number")
	}
	reason = strings.TrimSpace(reason)
	if len(reason) > 500 {
		reason = reason[:500]
	}
	err := s.WriteTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("number = ?", number).Delete(&CertificateRevocation{}).Error; err != nil {
			return err
		}
		return tx.Create(&CertificateRevocation{Number: number, Reason: reason, RevokedBy: by, RevokedAt: s.now()}).Error
	})
	if err != nil {
		return domain.E(domain.CodeInternal, op, err)
	}
	return nil
}

// CertificateRevocations lists revoked numbers, newest first.
func (s *Server) CertificateRevocations(ctx context.Context) ([]CertificateRevocation, error) {
	var out []CertificateRevocation
	err := s.DB.WithContext(ctx).Order("revoked_at DESC, number").Limit(1000).Find(&out).Error
	return out, err
}

// Verification statuses.
const (
	VerifyValid   = "valid"
	VerifyRevoked = "revoked"
	VerifyInvalid = "invalid" // not a code, or changed (signature does not match)
	VerifyUnknown = "unknown" // well-formed, but signed by a key the server does not know
)

// Verification is what the public sees of a certificate: for a valid or
// revoked one the participant's name, the event, its dates and JP, the
// number and the issuing office as printed; never the NIP.
type Verification struct {
	Status string  `json:"status"`
	Reason string  `json:"reason,omitempty"` // error code for invalid/unknown; "admin" or "record_deleted" for revoked
	Number string  `json:"number,omitempty"`
	Name   string  `json:"name,omitempty"`
	Event  string  `json:"event,omitempty"`
	Start  string  `json:"start,omitempty"`
	End    string  `json:"end,omitempty"`
	JP     float64 `json:"jp,omitempty"`
	Office string  `json:"office,omitempty"`
}

// VerifyCertificate checks a certificate code (or the URL its QR holds)
// against the trusted keys and the revocations.
func (s *Server) VerifyCertificate(ctx context.Context, code string) (Verification, error) {
	db := s.DB.WithContext(ctx)
	var keyErr error
	claim, err := report.VerifyCertificate(code, func(id string) (ed25519.PublicKey, bool) {
		var ks []CertificateKey
		if e := db.Where("code = ?", id).Limit(1).Find(&ks).Error; e != nil {
			keyErr = e
			return nil, false
		}
		if len(ks) == 0 {
			return nil, false
		}
		return parsePublicKey(ks[0].PublicKey)
	})
	if keyErr != nil {
		return Verification{}, keyErr
	}
	switch domain.ErrorCode(err) {
	case "":
	case domain.CodeCertificateUnknownOffice:
		return Verification{Status: VerifyUnknown, Reason: domain.CodeCertificateUnknownOffice}, nil
	default:
		return Verification{Status: VerifyInvalid, Reason: domain.ErrorCode(err)}, nil
	}
	v := Verification{Status: VerifyValid, Number: claim.Number, Name: claim.Name, Event: claim.Event, Start: claim.Start,
		End: claim.End, JP: claim.JP, Office: claim.Office}
	var n int64
	if err := db.Model(&CertificateRevocation{}).Where("number = ?", claim.Number).Count(&n).Error; err != nil {
		return Verification{}, err
	}
	if n > 0 {
		v.Status, v.Reason = VerifyRevoked, "admin"
		return v, nil
	}
	live, deleted, err := readmodel.CertificateRecords(ctx, s.DB, claim.Number)
	if err != nil {
		return Verification{}, err
	}
	if deleted > 0 && live == 0 {
		v.Status, v.Reason = VerifyRevoked, "record_deleted"
	}
	return v, nil
}

func (s *Server) handleVerify(w http.ResponseWriter, r *http.Request) {
	if !s.AllowVerify(s.ClientIP(r)) {
		w.Header().Set("Retry-After", "60")
		writeError(w, http.StatusTooManyRequests, CodeRateLimited)
		return
	}
	code := r.URL.Query().Get("c")
	if code == "" || len(code) > 4000 {
		writeError(w, http.StatusBadRequest, domain.CodeCertificateCodeInvalid)
		return
	}
	v, err := s.VerifyCertificate(r.Context(), code)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, v)
}
