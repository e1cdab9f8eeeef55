package domain

import (
	"strings"
	"unicode/utf8"
)

// Recognition (penghargaan) of development: the office records awards such
// as the highest JP of the year, a completed development plan, or the best
// trainer or mentor, and lists them.

// AwardKind says what an award recognises.
type AwardKind string

const (
	AwardHighestJP     AwardKind = "highest_jp"
	AwardPlanCompleted AwardKind = "plan_completed"
	AwardBestTrainer   AwardKind = "best_trainer" // widyaiswara, fasilitator
	AwardBestMentor    AwardKind = "best_mentor"  // mentor or coach
	AwardOther         AwardKind = "other"
)

// AwardKinds lists every kind.
var AwardKinds = []AwardKind{AwardHighestJP, AwardPlanCompleted, AwardBestTrainer, AwardBestMentor, AwardOther}

// Valid reports whether k is a known kind.
func (k AwardKind) Valid() bool {
	for _, v := range AwardKinds {
		if v == k {
			return true
		}
	}
	return false
}

// Award is one recognition given in a year. The recipient is an employee
// of the office, or (trainers and mentors from outside) only a name.
type Award struct {
	SyncMeta
	Year          int       `gorm:"not null;index" json:"year"`
	Kind          AwardKind `gorm:"size:20;not null" json:"kind"`
	EmployeeID    string    `gorm:"size:36;not null;default:'';index" json:"employeeId"`
	RecipientName string    `gorm:"size:200;not null;default:''" json:"recipientName"`
	Title         string    `gorm:"size:300;not null" json:"title"`
	AwardedOn     string    `gorm:"size:10;not null;default:''" json:"awardedOn"` // YYYY-MM-DD
	Note          string    `gorm:"type:text;not null;default:''" json:"note"`
}

func (Award) EntityName() string { return "award" }

// ValidateAward normalises a in place and returns every problem: year in
// range, a known kind, an employee or a recipient name, a title (the kind
// when empty is left to the caller), a valid date in the award's year.
func ValidateAward(a *Award) FieldErrors {
	var errs FieldErrors
	add := func(field, code, value string) {
		errs = append(errs, FieldError{Field: field, Code: code, Value: value})
	}
	if a.Year < MinPlanYear || a.Year > MaxPlanYear {
		add("year", CodePlanYearInvalid, fmtNum(float64(a.Year)))
	}
	if !a.Kind.Valid() {
		add("kind", CodeAwardKindInvalid, string(a.Kind))
	}
	a.EmployeeID = strings.TrimSpace(a.EmployeeID)
	a.RecipientName = strings.Join(strings.Fields(a.RecipientName), " ")
	if a.EmployeeID == "" && a.RecipientName == "" {
		add("recipientName", CodeRequired, "")
	}
	if utf8.RuneCountInString(a.RecipientName) > MaxNameLen {
		add("recipientName", CodeTooLong, "")
	}
	a.Title = strings.Join(strings.Fields(a.Title), " ")
	switch {
	case a.Title == "":
		add("title", CodeRequired, "")
	case textTooLong(a.Title):
		add("title", CodeTooLong, "")
	}
	a.AwardedOn = strings.TrimSpace(a.AwardedOn)
	if a.AwardedOn != "" {
		if !validDate(a.AwardedOn) {
			add("awardedOn", CodeDateInvalid, a.AwardedOn)
		}
	}
	a.Note = strings.TrimSpace(a.Note)
	if utf8.RuneCountInString(a.Note) > MaxNoteLen {
		add("note", CodeTooLong, "")
	}
	return errs
}
