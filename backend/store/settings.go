package store

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// setting is one local key/value pair. Settings belong to this installation
// and are never synced.
type setting struct {
	Key   string `gorm:"primaryKey;column:key"`
	Value string `gorm:"column:value"`
}

func (setting) TableName() string { return "settings" }

// Setting keys used by the store itself.
const settingLocalOffice = "store.local_office_id"

// GetSetting returns the value stored under key and whether there is one.
func (s *Store) GetSetting(ctx context.Context, key string) (string, bool, error) {
	return getSetting(s.DB.WithContext(ctx), "store.get_setting", key)
}

func getSetting(db *gorm.DB, op, key string) (string, bool, error) {
	var row setting
	err := db.Where(map[string]any{"key": key}).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, dbErr(op, err)
	}
	return row.Value, true, nil
}

// SetSetting stores value under key, replacing any previous value.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return setSetting(s.DB.WithContext(ctx), "store.set_setting", key, value)
}

func setSetting(db *gorm.DB, op, key, value string) error {
	err := db.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "key"}},
		DoUpdates: clause.AssignmentColumns([]string{"value"}),
	}).Create(&setting{Key: key, Value: value}).Error
	return dbErr(op, err)
}
