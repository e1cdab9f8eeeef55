package store

import (
	"time"

	"gorm.io/gorm"
)

// migrateAssessments creates the assessments table (domain.Assessment as of
// this migration). The items are one JSON column, like a competency's
// levels: an assessment is always read and written whole, and the recap
// aggregates in Go (or with json_each) rather than through a child table.
func migrateAssessments(tx *gorm.DB) error {
	type SyncMeta struct {
		ID              string    `gorm:"primaryKey;size:36"`
		Version         int64     `gorm:"not null;default:1"`
		UpdatedAt       time.Time `gorm:"not null;autoUpdateTime:false"`
		UpdatedByDevice string    `gorm:"size:64;not null;default:''"`
		Deleted         bool      `gorm:"not null;default:false"`
	}
	type assessment struct {
		SyncMeta
		// Lists ask for one employee's assessments of a period (form, grid,
		// analysis); the recap asks for one period across employees, which
		// idx_assessments_period serves.
		EmployeeID        string   `gorm:"size:36;not null;index:idx_assessments_employee_period,priority:1"`
		Period            string   `gorm:"size:64;not null;index:idx_assessments_employee_period,priority:2;index:idx_assessments_period"`
		Method            string   `gorm:"size:20;not null"`
		FrameworkVersion  int      `gorm:"not null"`
		State             string   `gorm:"size:20;not null;default:'draft'"`
		AssessorName      string   `gorm:"size:200;not null;default:''"`
		AssessorNIP       string   `gorm:"column:assessor_nip;size:18;not null;default:''"`
		AssessedOn        string   `gorm:"size:10;not null;default:''"`
		SupersedesID      *string  `gorm:"size:36;index:idx_assessments_supersedes"`
		Items             string   `gorm:"type:text;not null"`
		PerformanceRating *float64 ``
		Note              string   `gorm:"type:text;not null;default:''"`
	}
	return tx.AutoMigrate(&assessment{})
}
