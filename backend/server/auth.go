package server

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base32"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"

	"kembang/backend/domain"
	"kembang/backend/syncproto"
)

// timeUTC is a time column.
type timeUTC = time.Time

// deviceRow is a row of devices.
type deviceRow struct {
	ID        string    `json:"id"`
	OfficeID  string    `json:"officeId"`
	Name      string    `json:"name"`
	Code      string    `json:"code"` // device code, unique among the office's live devices (schema_devices.go)
	TokenHash string    `json:"-"`
	Revoked   bool      `json:"revoked"`
	CreatedAt time.Time `json:"createdAt"`
}

func (deviceRow) TableName() string { return "devices" }

// Device is an enrolled laptop, as admin commands list it.
type Device = deviceRow

type enrolCodeRow struct {
	Hash      string
	OfficeID  string
	ExpiresAt time.Time
	Used      bool
	UsedBy    string
	CreatedAt time.Time
}

func (enrolCodeRow) TableName() string { return "enrol_codes" }

var errUnauthorized = errors.New("unauthorized")

// Authenticate checks a bearer credential "<device id>.<token>" and returns
// the device; errUnauthorized for unknown, revoked or wrong credentials.
func (s *Server) Authenticate(ctx context.Context, credential string) (*deviceRow, error) {
	id, token, ok := strings.Cut(credential, ".")
	if !ok || id == "" || token == "" || len(id) > 36 {
		return nil, errUnauthorized
	}
	var rows []deviceRow
	if err := s.DB.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		// Spend the same time as a real comparison.
		subtle.ConstantTimeCompare([]byte(hashSecret(token)), []byte(hashSecret("")))
		return nil, errUnauthorized
	}
	d := &rows[0]
	if subtle.ConstantTimeCompare([]byte(hashSecret(token)), []byte(d.TokenHash)) != 1 || d.Revoked {
		return nil, errUnauthorized
	}
	return d, nil
}

// normaliseCode accepts codes as people type them: any case, with or
// without dashes and spaces.
func normaliseCode(code string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '-' || r == ' ':
			return -1
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, code)
}

var errEnrolInvalid = errors.New("enrolment code invalid")

// DeviceCodeTakenError refuses an enrolment whose device code a live
// device of the office already holds.
type DeviceCodeTakenError struct {
	Code   string // the device code
	Holder Device // the device holding it
}

func (e *DeviceCodeTakenError) Error() string {
	name := e.Holder.Name
	if name == "" {
		name = "without a name"
	}
	return "device code " + e.Code + " is already used by device " + e.Holder.ID + " (" + name + ") of this office: " +
		"give this laptop another device code in its development settings, or revoke that device " +
		"(kembang-server device revoke " + e.Holder.ID + ") if this laptop replaces it"
}

// checkDeviceCode normalises code and fails with *DeviceCodeTakenError when
// a live device of office other than previous (the enrolling laptop's own
// earlier device id) holds it. "" (a laptop that sends no code) passes.
// Call it under the writers' lock (seqTx), so two enrolments with one code
// check in turn; idx_devices_office_code backs it.
func checkDeviceCode(tx *gorm.DB, office, code, previous string) (string, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return "", nil
	}
	if !domain.ValidDeviceCode(code) {
		return "", errBadDeviceCode
	}
	var holders []deviceRow
	if err := tx.Where("office_id = ? AND code = ? AND NOT revoked", office, code).Limit(1).Find(&holders).Error; err != nil {
		return "", err
	}
	if len(holders) == 0 {
		return code, nil
	}
	if previous != "" && holders[0].ID == previous {
		// The same laptop enrolling again (a new credential, or online
		// after enrolling by bundle): its earlier device gives up the code.
		if err := tx.Model(&deviceRow{}).Where("id = ?", previous).Update("code", "").Error; err != nil {
			return "", err
		}
		return code, nil
	}
	return "", &DeviceCodeTakenError{Code: code, Holder: holders[0]}
}

var errBadDeviceCode = errors.New("device code invalid")

// Enrol exchanges a one-time code for a device credential. An enrolment
// refused for its device code (*DeviceCodeTakenError) leaves the code
// unused.
func (s *Server) Enrol(ctx context.Context, req *syncproto.EnrolRequest) (*syncproto.EnrolResponse, error) {
	hash := hashSecret(normaliseCode(req.Code))
	devID := s.NewID()
	token := randomHex(32)
	now := s.now()
	var office syncproto.Office
	err := s.seqTx(ctx, func(tx *gorm.DB, _ func() int64) error {
		res := tx.Model(&enrolCodeRow{}).Where("hash = ? AND NOT used AND expires_at > ?", hash, now).
			Updates(map[string]any{"used": true, "used_by": devID})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return errEnrolInvalid
		}
		var code enrolCodeRow
		if err := tx.Where("hash = ?", hash).Take(&code).Error; err != nil {
			return err
		}
		o, err := loadChange(tx, "office", code.OfficeID)
		if err != nil {
			return err
		}
		if o == nil || o.Deleted {
			return errEnrolInvalid
		}
		var d domain.Office
		if err := json.Unmarshal([]byte(o.Payload), &d); err != nil {
			return err
		}
		office = syncproto.Office{ID: d.ID, Code: d.Code, Name: d.Name}
		name := strings.TrimSpace(req.DeviceName)
		if len(name) > 200 {
			name = name[:200]
		}
		devCode, err := checkDeviceCode(tx, code.OfficeID, req.DeviceCode, req.PreviousDeviceID)
		if err != nil {
			return err
		}
		return tx.Create(&deviceRow{ID: devID, OfficeID: code.OfficeID, Name: name, Code: devCode, TokenHash: hashSecret(token), CreatedAt: now}).Error
	})
	if err != nil {
		return nil, err
	}
	return &syncproto.EnrolResponse{DeviceID: devID, Credential: devID + "." + token, Office: office}, nil
}

// newCode returns a one-time code of 12 base32 characters (60 bits) shown
// in groups of four.
func newCode() string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		panic("server: random source failed: " + err.Error())
	}
	s := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)[:12]
	return s[:4] + "-" + s[4:8] + "-" + s[8:]
}
