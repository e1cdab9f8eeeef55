package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"time"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// Tables of sync by file (bundle.go):
//
//	bundle_devices  device id → its Ed25519 public key (unique), the secret hash that
//	                authenticates the server key to it (the enrolment code's hash for a
//	                device enrolled by file; "" = its token hash), the highest bundle
//	                number imported and the cursor that bundle carried (the device's
//	                position in the feed as far as bundles know it)
//	bundle_imports  every imported changes bundle: id, device, number, when, counts
//
// server_meta "bundle_key" holds the server's Ed25519 private key seed (hex).
const metaBundleKey = "bundle_key"

type bundleDeviceRow struct {
	DeviceID   string
	PublicKey  string
	ProofHash  string
	LastSeq    int64
	LastBundle string
	Cursor     string
	UpdatedAt  time.Time
}

func (bundleDeviceRow) TableName() string { return "bundle_devices" }

type bundleImportRow struct {
	BundleID   string
	DeviceID   string
	Seq        int64
	Mutations  int
	ReturnID   string
	ImportedAt time.Time
}

func (bundleImportRow) TableName() string { return "bundle_imports" }

func migrateBundles(tx *gorm.DB) error {
	type bundleDevice struct {
		DeviceID   string    `gorm:"primaryKey;size:36"`
		PublicKey  string    `gorm:"size:64;not null;uniqueIndex"`
		ProofHash  string    `gorm:"size:64;not null;default:''"`
		LastSeq    int64     `gorm:"not null;default:0"`
		LastBundle string    `gorm:"size:36;not null;default:''"`
		Cursor     string    `gorm:"type:text;not null;default:''"`
		UpdatedAt  time.Time `gorm:"not null;autoUpdateTime:false"`
	}
	type bundleImport struct {
		BundleID   string    `gorm:"primaryKey;size:36"`
		DeviceID   string    `gorm:"size:36;not null;index"`
		Seq        int64     `gorm:"not null"`
		Mutations  int       `gorm:"not null"`
		ReturnID   string    `gorm:"size:36;not null"`
		ImportedAt time.Time `gorm:"not null;autoCreateTime:false"`
	}
	if err := tx.AutoMigrate(&bundleDevice{}, &bundleImport{}); err != nil {
		return err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return domain.E(domain.CodeInternal, "server.migrate", err)
	}
	return tx.Exec("INSERT INTO server_meta (key, value) VALUES (?, ?)", metaBundleKey, hex.EncodeToString(priv.Seed())).Error
}
