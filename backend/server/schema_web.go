package server

import (
	"time"

	"gorm.io/gorm"

	"kembang/backend/server/readmodel"
)

// Tables of the central web dashboard (migration 202612010010_web_dashboard):
//
//	web_users           central users: username, role (admin|viewer), argon2id password hash
//	web_sessions        sha256 of each session id → user, CSRF token, expiry
//	web_login_failures  failed logins per account ("u:<name>") and per address ("ip:<addr>")
//	web_audit           what admins did, when, from where
//	device_seen         per device: last push, last pull, pending mutations it reported
//	cert_keys           certificate public keys by key code: registered by a device (bound
//	                    to its office) or added by an admin
//	cert_revocations    certificate numbers an admin revoked
//	rm_*                read model of the synced rows (package readmodel), kept in the same
//	                    transaction as every stored change
func migrateWeb(tx *gorm.DB) error {
	type webUser struct {
		ID           string    `gorm:"primaryKey;size:36"`
		Username     string    `gorm:"size:64;not null;uniqueIndex"`
		Role         string    `gorm:"size:16;not null"`
		PasswordHash string    `gorm:"size:200;not null"`
		Disabled     bool      `gorm:"not null;default:false"`
		CreatedAt    time.Time `gorm:"not null;autoCreateTime:false"`
		UpdatedAt    time.Time `gorm:"not null;autoUpdateTime:false"`
	}
	type webSession struct {
		IDHash    string    `gorm:"primaryKey;size:64"`
		UserID    string    `gorm:"size:36;not null;index"`
		CSRF      string    `gorm:"size:64;not null"`
		CreatedAt time.Time `gorm:"not null;autoCreateTime:false"`
		ExpiresAt time.Time `gorm:"not null;index"`
	}
	type webLoginFailure struct {
		Key         string    `gorm:"primaryKey;size:200"`
		Count       int       `gorm:"not null"`
		WindowStart time.Time `gorm:"not null"`
	}
	type webAudit struct {
		ID       string    `gorm:"primaryKey;size:36"`
		At       time.Time `gorm:"not null;index"`
		Username string    `gorm:"size:64;not null"`
		Action   string    `gorm:"size:64;not null"`
		Target   string    `gorm:"size:200;not null;default:''"`
		Detail   string    `gorm:"type:text;not null;default:''"`
		Remote   string    `gorm:"size:100;not null;default:''"`
	}
	type deviceSeen struct {
		DeviceID   string `gorm:"primaryKey;size:36"`
		LastPushAt *time.Time
		LastPullAt *time.Time
		Pending    *int
	}
	type certKey struct {
		Code      string    `gorm:"primaryKey;size:16"`
		PublicKey string    `gorm:"size:64;not null"`
		OfficeID  string    `gorm:"size:36;not null;default:''"`
		DeviceID  string    `gorm:"size:36;not null;default:''"`
		Source    string    `gorm:"size:16;not null"` // device | admin
		AddedBy   string    `gorm:"size:64;not null;default:''"`
		Note      string    `gorm:"size:200;not null;default:''"`
		CreatedAt time.Time `gorm:"not null;autoCreateTime:false"`
	}
	type certRevocation struct {
		Number    string    `gorm:"primaryKey;size:100"`
		Reason    string    `gorm:"size:500;not null;default:''"`
		RevokedBy string    `gorm:"size:64;not null"`
		RevokedAt time.Time `gorm:"not null"`
	}
	for name, m := range map[string]any{
		"web_users": &webUser{}, "web_sessions": &webSession{}, "web_login_failures": &webLoginFailure{},
		"web_audit": &webAudit{}, "device_seen": &deviceSeen{}, "cert_keys": &certKey{}, "cert_revocations": &certRevocation{},
	} {
		if err := tx.Table(name).AutoMigrate(m); err != nil {
			return err
		}
	}
	if err := readmodel.CreateTablesV1(tx); err != nil {
		return err
	}
	// Project what was synced before this version.
	return readmodel.Rebuild(tx)
}
