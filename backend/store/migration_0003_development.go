package store

import (
	"time"

	"gorm.io/gorm"
)

// migrateDevelopment creates the tables of individual development plans,
// training events with their participants and attendance, the training
// history (riwayat diklat/kursus), learning outside events, Kirkpatrick
// evaluations, awards and the per-laptop certificate counters (the domain
// types of backend/domain plan.go, training.go, evaluation.go, award.go as
// of this migration).
//
// Plan lines, gap lines, plan history and evaluation answers are JSON
// columns, like an assessment's items: they are always read and written
// with their row.
func migrateDevelopment(tx *gorm.DB) error {
	type SyncMeta struct {
		ID              string    `gorm:"primaryKey;size:36"`
		Version         int64     `gorm:"not null;default:1"`
		UpdatedAt       time.Time `gorm:"not null;autoUpdateTime:false"`
		UpdatedByDevice string    `gorm:"size:64;not null;default:''"`
		Deleted         bool      `gorm:"not null;default:false"`
	}
	type developmentPlan struct {
		SyncMeta
		// The id is derived from employee and year (domain.PlanID), so this
		// index only documents the rule and serves lookups by employee.
		EmployeeID       string     `gorm:"size:36;not null;uniqueIndex:idx_plan_employee_year,priority:1"`
		Year             int        `gorm:"not null;uniqueIndex:idx_plan_employee_year,priority:2;index:idx_plans_year"`
		TargetPositionID *string    `gorm:"size:36"`
		TargetGaps       string     `gorm:"type:text;not null"`
		State            string     `gorm:"size:20;not null;default:'draft'"`
		StateSeq         int        `gorm:"not null;default:0"`
		ApproverName     string     `gorm:"size:200;not null;default:''"`
		ApproverNIP      string     `gorm:"column:approver_nip;size:18;not null;default:''"`
		ApprovedAt       *time.Time ``
		RevisionReason   string     `gorm:"type:text;not null;default:''"`
		Note             string     `gorm:"type:text;not null;default:''"`
		Lines            string     `gorm:"type:text;not null"`
		History          string     `gorm:"type:text;not null"`
	}
	type trainingEvent struct {
		SyncMeta
		OfficeID          string  `gorm:"size:36;not null;index"`
		Code              string  `gorm:"size:32;not null;default:''"`
		Name              string  `gorm:"size:300;not null"`
		MethodCode        string  `gorm:"size:40;not null"`
		Route             string  `gorm:"size:20;not null;default:''"`
		Provider          string  `gorm:"size:300;not null;default:''"`
		Venue             string  `gorm:"size:300;not null;default:''"`
		Online            bool    `gorm:"not null;default:false"`
		International     bool    `gorm:"not null;default:false"`
		Batch             string  `gorm:"size:32;not null;default:''"`
		StartDate         string  `gorm:"size:10;not null;index:idx_training_events_dates,priority:1"`
		EndDate           string  `gorm:"size:10;not null;index:idx_training_events_dates,priority:2"`
		Days              int     `gorm:"not null;default:0"`
		StatedJP          float64 `gorm:"not null;default:0"`
		JP                float64 `gorm:"not null;default:0"`
		JPManual          bool    `gorm:"not null;default:false"`
		Budget            int64   `gorm:"not null;default:0"`
		RealisedCost      int64   `gorm:"not null;default:0"`
		FundingSource     string  `gorm:"size:20;not null;default:''"`
		CertificateFormat string  `gorm:"size:200;not null;default:''"`
	}
	type participant struct {
		SyncMeta
		EventID          string `gorm:"size:36;not null;index"`
		EmployeeID       string `gorm:"size:36;not null;index"`
		PlanID           string `gorm:"size:36;not null;default:''"`
		PlanLineID       string `gorm:"size:36;not null;default:''"`
		Status           string `gorm:"size:20;not null;default:'registered'"`
		CertificateNo    string `gorm:"size:100;not null;default:''"`
		TrainingRecordID string `gorm:"size:36;not null;default:''"`
		CompletedOn      string `gorm:"size:10;not null;default:''"`
	}
	type attendance struct {
		SyncMeta
		EventID       string `gorm:"size:36;not null;index"`
		ParticipantID string `gorm:"size:36;not null;index"`
		Date          string `gorm:"size:10;not null"`
		Present       bool   `gorm:"not null"`
		Note          string `gorm:"size:300;not null;default:''"`
	}
	type trainingRecord struct {
		SyncMeta
		EmployeeID         string  `gorm:"size:36;not null;index"`
		NIP                string  `gorm:"column:nip;size:18;not null;default:''"`
		MethodCode         string  `gorm:"size:40;not null;default:''"`
		Route              string  `gorm:"size:20;not null;default:''"`
		JenisDiklat        string  `gorm:"size:100;not null;default:''"`
		SIASNRecord        string  `gorm:"size:20;not null;default:''"`
		Name               string  `gorm:"size:300;not null"`
		Provider           string  `gorm:"size:300;not null;default:''"`
		CertificateNo      string  `gorm:"size:100;not null;default:''"`
		StartDate          string  `gorm:"size:10;not null;default:''"`
		EndDate            string  `gorm:"size:10;not null;default:''"`
		Year               int     `gorm:"not null"` // indexed with employee_id below
		JP                 float64 `gorm:"not null;default:0"`
		Location           string  `gorm:"size:300;not null;default:''"`
		Online             bool    `gorm:"not null;default:false"`
		International      bool    `gorm:"not null;default:false"`
		EventID            string  `gorm:"size:36;not null;default:''"`
		ParticipantID      string  `gorm:"size:36;not null;default:''"`
		LearningActivityID string  `gorm:"size:36;not null;default:''"`
		FileRef            string  `gorm:"size:300;not null;default:''"`
	}
	type learningActivity struct {
		SyncMeta
		EmployeeID       string  `gorm:"size:36;not null;index"`
		MethodCode       string  `gorm:"size:40;not null"`
		Title            string  `gorm:"size:300;not null"`
		Provider         string  `gorm:"size:300;not null;default:''"`
		StartDate        string  `gorm:"size:10;not null"`
		EndDate          string  `gorm:"size:10;not null"`
		Days             float64 `gorm:"not null;default:0"`
		Sessions         int     `gorm:"not null;default:0"`
		StatedJP         float64 `gorm:"not null;default:0"`
		International    bool    `gorm:"not null;default:false"`
		JP               float64 `gorm:"not null;default:0"`
		JPManual         bool    `gorm:"not null;default:false"`
		Evidence         string  `gorm:"type:text;not null;default:''"`
		PlanID           string  `gorm:"size:36;not null;default:''"`
		PlanLineID       string  `gorm:"size:36;not null;default:''"`
		TrainingRecordID string  `gorm:"size:36;not null;default:''"`
	}
	type evaluation struct {
		SyncMeta
		EventID       string   `gorm:"size:36;not null;index"`
		ParticipantID string   `gorm:"size:36;not null;index"`
		EmployeeID    string   `gorm:"size:36;not null;index"`
		Level         int      `gorm:"not null"`
		Instrument    string   `gorm:"size:200;not null;default:''"`
		Date          string   `gorm:"size:10;not null"`
		Score         *float64 ``
		PreScore      *float64 ``
		Answers       string   `gorm:"type:text;not null"`
		EvaluatorName string   `gorm:"size:200;not null;default:''"`
		EvaluatorNIP  string   `gorm:"column:evaluator_nip;size:18;not null;default:''"`
		Note          string   `gorm:"type:text;not null;default:''"`
	}
	type award struct {
		SyncMeta
		Year          int    `gorm:"not null;index"`
		Kind          string `gorm:"size:20;not null"`
		EmployeeID    string `gorm:"size:36;not null;default:'';index"`
		RecipientName string `gorm:"size:200;not null;default:''"`
		Title         string `gorm:"size:300;not null"`
		AwardedOn     string `gorm:"size:10;not null;default:''"`
		Note          string `gorm:"type:text;not null;default:''"`
	}
	// certificateCounter is one laptop's numbering state for one event
	// (domain.CertificateCounter): only that laptop writes it.
	type certificateCounter struct {
		SyncMeta
		EventID string `gorm:"size:36;not null;index"`
		Device  string `gorm:"size:8;not null"`
		Last    int    `gorm:"not null;default:0"`
	}
	tables := []struct {
		name  string
		model any
	}{
		{"development_plans", &developmentPlan{}},
		{"training_events", &trainingEvent{}},
		{"participants", &participant{}},
		{"attendances", &attendance{}},
		{"training_records", &trainingRecord{}},
		{"learning_activities", &learningActivity{}},
		{"evaluations", &evaluation{}},
		{"awards", &award{}},
		{"certificate_counters", &certificateCounter{}},
	}
	for _, t := range tables {
		if err := tx.Table(t.name).AutoMigrate(t.model); err != nil {
			return err
		}
	}
	for _, stmt := range []string{
		// A certificate number is issued once: the device code and the
		// per-device counter make numbers unique across laptops (see
		// domain.CertificateAllocator); this index is the safety net.
		`CREATE UNIQUE INDEX idx_participants_certificate ON participants (certificate_no) WHERE certificate_no <> ''`,
		`CREATE UNIQUE INDEX idx_attendance_day ON attendances (participant_id, date)`,
		`CREATE INDEX idx_training_records_year_employee ON training_records (year, employee_id)`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}
