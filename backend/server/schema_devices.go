package server

import (
	"encoding/json"
	"sort"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// Device codes (migration 202612240001_device_codes).
//
// A laptop's device code is part of the certificate numbers it issues
// ({device} in a certificate format, domain.CertificateCounterID), so it
// must be unique among the laptops of an office. The laptop makes it
// (core.DevelopmentSettings) and sends it at enrolment, online and by
// bundle; the server records it in devices.code and refuses an enrolment
// whose code a live (not revoked) device of the office already holds
// (sync.device_code_taken, bundle.device_code_taken) unless that device is
// the enrolling laptop's own earlier enrolment. A revoked device's code is
// free again: a laptop that replaces it continues its certificate counters.
// Device names are labels (the host name by default) and may repeat.
//
// Devices enrolled before this migration never sent a code. The migration
// takes each one's code from the certificate counters it wrote (a counter
// row is written only by its own laptop and carries its code). When that
// finds one code for two live devices of an office (two laptops that drew
// the same code, or a reinstalled laptop whose old device was not revoked),
// the device enrolled first keeps it and the others stay without a
// recorded code, so the index can be built and the server starts; the
// admin sees them in `device list` with no code and resolves the clash by
// changing the code on one laptop or revoking the stale device.

func migrateDeviceCodes(tx *gorm.DB) error {
	if err := tx.Exec("ALTER TABLE devices ADD COLUMN code VARCHAR(8) NOT NULL DEFAULT ''").Error; err != nil {
		return err
	}
	var devs []deviceRow
	if err := tx.Table("devices").Select("id, office_id, revoked, created_at").Order("created_at, id").Find(&devs).Error; err != nil {
		return err
	}
	var counters []changeRow
	if err := tx.Where("entity = ? AND NOT deleted", "certificate_counter").Order("seq").Find(&counters).Error; err != nil {
		return err
	}
	codeOf := map[string]string{} // device id → the code of its latest counter
	for _, c := range counters {
		var cc domain.CertificateCounter
		if json.Unmarshal([]byte(c.Payload), &cc) != nil || !domain.ValidDeviceCode(cc.Device) || c.UpdatedByDevice == "" {
			continue
		}
		codeOf[c.UpdatedByDevice] = cc.Device
	}
	sort.SliceStable(devs, func(i, j int) bool { return devs[i].CreatedAt.Before(devs[j].CreatedAt) })
	held := map[[2]string]bool{} // office, code
	for _, d := range devs {
		code := codeOf[d.ID]
		if code == "" {
			continue
		}
		if !d.Revoked {
			k := [2]string{d.OfficeID, code}
			if held[k] {
				continue // a clash: the earlier device keeps the code
			}
			held[k] = true
		}
		if err := tx.Table("devices").Where("id = ?", d.ID).Update("code", code).Error; err != nil {
			return err
		}
	}
	return tx.Exec("CREATE UNIQUE INDEX idx_devices_office_code ON devices (office_id, code) WHERE code <> '' AND NOT revoked").Error
}
