package domain

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Training events, participants, attendance, training history (riwayat
// diklat/kursus, DOMAIN.md §9), non-event learning and certificate numbers.
//
// SYNC.md: training events, attendance and certificates are append-only,
// and two laptops never issue the same certificate number. Rows that two
// laptops could create for the same fact offline get name-based ids, so
// they meet as one row instead of two: a participant is (event, employee),
// an attendance mark is (participant, day), the history record of a
// completion is its participant or activity, a certificate counter is
// (event, device).

// TrainingEvent is one run of a course, seminar, workshop, bimtek, …
type TrainingEvent struct {
	SyncMeta
	OfficeID string `gorm:"size:36;not null;index" json:"officeId"`
	// Code is the short code printed in certificate numbers ({event}),
	// unique in the office, e.g. "BIMTEK-07".
	Code          string `gorm:"size:32;not null;default:''" json:"code"`
	Name          string `gorm:"size:300;not null" json:"name"`
	MethodCode    string `gorm:"size:40;not null" json:"methodCode"`
	Route         Route  `gorm:"size:20;not null;default:''" json:"route"`
	Provider      string `gorm:"size:300;not null;default:''" json:"provider"` // penyelenggara
	Venue         string `gorm:"size:300;not null;default:''" json:"venue"`
	Online        bool   `gorm:"not null;default:false" json:"online"`
	International bool   `gorm:"not null;default:false" json:"international"`
	Batch         string `gorm:"size:32;not null;default:''" json:"batch"` // angkatan
	StartDate     string `gorm:"size:10;not null" json:"startDate"`        // YYYY-MM-DD
	EndDate       string `gorm:"size:10;not null" json:"endDate"`          // YYYY-MM-DD
	// Days is the number of learning days; 0 means every calendar day from
	// start to end.
	Days int `gorm:"not null;default:0" json:"days"`
	// StatedJP is the JP the course states, for methods whose rule is
	// "stated".
	StatedJP float64 `gorm:"not null;default:0" json:"statedJp"`
	// JP is the event's JP: computed by ComputeEventJP, or typed in when
	// JPManual (the conversion rules are a default, not a cage).
	JP                float64       `gorm:"not null;default:0" json:"jp"`
	JPManual          bool          `gorm:"not null;default:false" json:"jpManual"`
	Budget            int64         `gorm:"not null;default:0" json:"budget"`       // planned, rupiah
	RealisedCost      int64         `gorm:"not null;default:0" json:"realisedCost"` // rupiah
	FundingSource     FundingSource `gorm:"size:20;not null;default:''" json:"fundingSource"`
	CertificateFormat string        `gorm:"size:200;not null;default:''" json:"certificateFormat"`
}

func (TrainingEvent) EntityName() string { return "training_event" }

// EventDays is the number of learning days of ev: Days when set, otherwise
// the calendar days from start to end, both included; 0 for bad dates.
func EventDays(ev TrainingEvent) int {
	if ev.Days > 0 {
		return ev.Days
	}
	return calendarDays(ev.StartDate, ev.EndDate)
}

func calendarDays(start, end string) int {
	s, err1 := time.Parse(time.DateOnly, start)
	e, err2 := time.Parse(time.DateOnly, end)
	if err1 != nil || err2 != nil || e.Before(s) {
		return 0
	}
	return int(e.Sub(s).Hours()/24) + 1
}

var eventCodeOK = ValidCompetencyCode // letters, digits, dots, hyphens, ≤ 32

// ValidateTrainingEvent normalises ev in place and returns every problem.
// Rules: name and method required, the method in methods (skipped when nil)
// and the route equal to the method's (an empty route is filled in);
// start and end dates required, end ≥ start; Days 0..calendar days; stated
// JP, JP, budget and realised cost finite and ≥ 0; a known funding source
// or none; a code of letters, digits, dots and hyphens (required when the
// certificate format uses {event}); a certificate format that
// ValidateCertificateFormat accepts.
func ValidateTrainingEvent(ev *TrainingEvent, methods map[string]DevelopmentMethod) FieldErrors {
	var errs FieldErrors
	add := func(field, code, value string) {
		errs = append(errs, FieldError{Field: field, Code: code, Value: value})
	}
	ev.Name = strings.Join(strings.Fields(ev.Name), " ")
	switch {
	case ev.Name == "":
		add("name", CodeRequired, "")
	case textTooLong(ev.Name):
		add("name", CodeTooLong, "")
	}
	ev.Code = strings.TrimSpace(ev.Code)
	if ev.Code != "" && !eventCodeOK(ev.Code) {
		add("code", CodeEventCodeInvalid, ev.Code)
	}
	ev.MethodCode = strings.TrimSpace(ev.MethodCode)
	if ev.MethodCode == "" {
		add("methodCode", CodeRequired, "")
	} else if m, ok := methods[ev.MethodCode]; methods != nil && !ok {
		add("methodCode", CodeMethodUnknown, ev.MethodCode)
	} else if ok {
		if ev.Route == "" {
			ev.Route = m.Route
		} else if ev.Route != m.Route {
			add("route", CodeMethodRouteMismatch, string(ev.Route))
		}
	}
	if ev.Route != "" && !ev.Route.Valid() {
		add("route", CodeMethodRouteMismatch, string(ev.Route))
	}
	ev.Provider = strings.Join(strings.Fields(ev.Provider), " ")
	ev.Venue = strings.Join(strings.Fields(ev.Venue), " ")
	ev.Batch = strings.TrimSpace(ev.Batch)
	if textTooLong(ev.Provider) {
		add("provider", CodeTooLong, "")
	}
	if textTooLong(ev.Venue) {
		add("venue", CodeTooLong, "")
	}
	if strings.TrimSpace(ev.StartDate) == "" {
		add("startDate", CodeRequired, "")
	}
	if strings.TrimSpace(ev.EndDate) == "" {
		add("endDate", CodeRequired, "")
	}
	errs = append(errs, checkDateRange(&ev.StartDate, &ev.EndDate, "startDate", "endDate")...)
	if span := calendarDays(ev.StartDate, ev.EndDate); ev.Days < 0 || (span > 0 && ev.Days > span) {
		add("days", CodeAmountInvalid, strconv.Itoa(ev.Days))
	}
	if !finiteNonNeg(ev.StatedJP) {
		add("statedJp", CodeAmountInvalid, fmtNum(ev.StatedJP))
	}
	if !finiteNonNeg(ev.JP) {
		add("jp", CodeAmountInvalid, fmtNum(ev.JP))
	}
	if ev.Budget < 0 {
		add("budget", CodeAmountInvalid, "")
	}
	if ev.RealisedCost < 0 {
		add("realisedCost", CodeAmountInvalid, "")
	}
	if raw := strings.TrimSpace(string(ev.FundingSource)); raw != "" {
		if f, ok := ParseFundingSource(raw); ok {
			ev.FundingSource = f
		} else {
			add("fundingSource", CodePlanFundingInvalid, raw)
		}
	}
	ev.CertificateFormat = strings.TrimSpace(ev.CertificateFormat)
	if ev.CertificateFormat != "" {
		toks, err := parseCertificateFormat(ev.CertificateFormat)
		if err == nil {
			err = checkCertificateTokens(toks, false)
		}
		if err != nil {
			add("certificateFormat", CodeCertificateFormat, ev.CertificateFormat)
		} else if ev.Code == "" && hasPlaceholder(toks, "event") {
			add("code", CodeRequired, "")
		}
	}
	return errs
}

// ComputeEventJP sets ev.JP from method m's rule (days of the event, the
// stated JP, international or not), unless ev.JPManual. It returns the
// error of ComputeJP, or CodeTrainingMismatch when m is not ev's method.
func ComputeEventJP(ev *TrainingEvent, m DevelopmentMethod) error {
	if m.Code != ev.MethodCode {
		return E(CodeTrainingMismatch, "training.jp", nil, "methodCode", m.Code)
	}
	if ev.JPManual {
		return nil
	}
	days := EventDays(*ev)
	jp, err := ComputeJP(m.JP, float64(days), days, ev.StatedJP, ev.International)
	if err != nil {
		return err
	}
	ev.JP = jp
	return nil
}

// ParticipantStatus is where a participant stands.
type ParticipantStatus string

const (
	ParticipantRegistered ParticipantStatus = "registered"
	ParticipantCompleted  ParticipantStatus = "completed"
	ParticipantIncomplete ParticipantStatus = "incomplete" // attended too little
	ParticipantCancelled  ParticipantStatus = "cancelled"
)

// Participant is one employee in one event. Its id is ParticipantID, so the
// same person added on two laptops is one participant.
type Participant struct {
	SyncMeta
	EventID    string `gorm:"size:36;not null;index" json:"eventId"`
	EmployeeID string `gorm:"size:36;not null;index" json:"employeeId"`
	// PlanID and PlanLineID link the plan line this event realises.
	PlanID           string            `gorm:"size:36;not null;default:''" json:"planId"`
	PlanLineID       string            `gorm:"size:36;not null;default:''" json:"planLineId"`
	Status           ParticipantStatus `gorm:"size:20;not null;default:'registered'" json:"status"`
	CertificateNo    string            `gorm:"size:100;not null;default:''" json:"certificateNo"`
	TrainingRecordID string            `gorm:"size:36;not null;default:''" json:"trainingRecordId"`
	CompletedOn      string            `gorm:"size:10;not null;default:''" json:"completedOn"`
}

func (Participant) EntityName() string { return "training_participant" }

// ParticipantID is the id of employeeID's participation in eventID.
func ParticipantID(eventID, employeeID string) string {
	return nameUUID("kembang/training_participant/" + eventID + "/" + employeeID)
}

// Attendance is one participant's presence on one day. Its id is
// AttendanceID; if two laptops mark the same day differently, "present"
// wins (see AttendanceSummary), so a mark of presence is never lost.
type Attendance struct {
	SyncMeta
	EventID       string `gorm:"size:36;not null;index" json:"eventId"`
	ParticipantID string `gorm:"size:36;not null;index" json:"participantId"`
	Date          string `gorm:"size:10;not null" json:"date"` // YYYY-MM-DD
	Present       bool   `gorm:"not null" json:"present"`
	Note          string `gorm:"size:300;not null;default:''" json:"note"`
}

func (Attendance) EntityName() string { return "training_attendance" }

// AttendanceID is the id of the attendance of participantID on date.
func AttendanceID(participantID, date string) string {
	return nameUUID("kembang/training_attendance/" + participantID + "/" + date)
}

// TrainingRecord is one line of an employee's training history (riwayat
// diklat / kursus). Its fields are a superset of SIASN's (DOMAIN.md §9), so
// export to SIASN is a mapping: NIP, jenis diklat, name, provider,
// certificate number, start and end, year, JP (SIASN wants whole hours:
// the exporter rounds), location.
type TrainingRecord struct {
	SyncMeta
	EmployeeID    string  `gorm:"size:36;not null;index" json:"employeeId"`
	NIP           string  `gorm:"size:18;not null;default:''" json:"nip"`
	MethodCode    string  `gorm:"size:40;not null;default:''" json:"methodCode"`
	Route         Route   `gorm:"size:20;not null;default:''" json:"route"`
	JenisDiklat   string  `gorm:"size:100;not null;default:''" json:"jenisDiklat"`
	SIASNRecord   string  `gorm:"size:20;not null;default:''" json:"siasnRecord"` // diklat, kursus, pendidikan
	Name          string  `gorm:"size:300;not null" json:"name"`
	Provider      string  `gorm:"size:300;not null;default:''" json:"provider"` // institusiPenyelenggara
	CertificateNo string  `gorm:"size:100;not null;default:''" json:"certificateNo"`
	StartDate     string  `gorm:"size:10;not null;default:''" json:"startDate"`
	EndDate       string  `gorm:"size:10;not null;default:''" json:"endDate"`
	Year          int     `gorm:"not null;index" json:"year"`
	JP            float64 `gorm:"not null;default:0" json:"jp"` // jumlahJam
	Location      string  `gorm:"size:300;not null;default:''" json:"location"`
	Online        bool    `gorm:"not null;default:false" json:"online"`
	International bool    `gorm:"not null;default:false" json:"international"`
	// The source: an event participation, a learning activity, or neither
	// (typed in or imported from SIASN).
	EventID            string `gorm:"size:36;not null;default:''" json:"eventId"`
	ParticipantID      string `gorm:"size:36;not null;default:''" json:"participantId"`
	LearningActivityID string `gorm:"size:36;not null;default:''" json:"learningActivityId"`
	FileRef            string `gorm:"size:300;not null;default:''" json:"fileRef"` // scanned certificate
}

func (TrainingRecord) EntityName() string { return "training_record" }

// TrainingRecordID is the id of the history record produced by completing
// source (a participant or a learning activity): completing twice, or on
// two laptops, yields one record.
func TrainingRecordID(sourceID string) string {
	return nameUUID("kembang/training_record/" + sourceID)
}

// JPRecord is the record's contribution to JP compliance.
func (r TrainingRecord) JPRecord() JPRecord {
	return JPRecord{EmployeeID: r.EmployeeID, Year: r.Year, Date: r.EndDate, MethodCode: r.MethodCode, JP: r.JP, SourceID: r.ID}
}

// ValidateTrainingRecord normalises r and returns every problem: employee,
// name and year required; dates valid, end ≥ start, year equal to the end
// date's year when there is one; JP finite and ≥ 0.
func ValidateTrainingRecord(r *TrainingRecord) FieldErrors {
	var errs FieldErrors
	add := func(field, code, value string) {
		errs = append(errs, FieldError{Field: field, Code: code, Value: value})
	}
	r.EmployeeID = strings.TrimSpace(r.EmployeeID)
	if r.EmployeeID == "" {
		add("employeeId", CodeRequired, "")
	}
	r.Name = strings.Join(strings.Fields(r.Name), " ")
	switch {
	case r.Name == "":
		add("name", CodeRequired, "")
	case textTooLong(r.Name):
		add("name", CodeTooLong, "")
	}
	errs = append(errs, checkDateRange(&r.StartDate, &r.EndDate, "startDate", "endDate")...)
	if r.Year == 0 && validDate(r.EndDate) {
		r.Year, _ = strconv.Atoi(r.EndDate[:4])
	}
	if r.Year < MinPlanYear-50 || r.Year > MaxPlanYear {
		add("year", CodePlanYearInvalid, strconv.Itoa(r.Year))
	} else if validDate(r.EndDate) && r.EndDate[:4] != strconv.Itoa(r.Year) {
		add("year", CodePlanYearInvalid, strconv.Itoa(r.Year))
	}
	if !finiteNonNeg(r.JP) {
		add("jp", CodeAmountInvalid, fmtNum(r.JP))
	}
	return errs
}

// LearningActivity is learning outside an event, per person: mentoring or
// coaching sessions, e-learning, job rotation, knowledge sharing,
// self-study… Its JP follow the method's rule like an event's.
type LearningActivity struct {
	SyncMeta
	EmployeeID    string  `gorm:"size:36;not null;index" json:"employeeId"`
	MethodCode    string  `gorm:"size:40;not null" json:"methodCode"`
	Title         string  `gorm:"size:300;not null" json:"title"`
	Provider      string  `gorm:"size:300;not null;default:''" json:"provider"` // mentor, coach, platform, host agency
	StartDate     string  `gorm:"size:10;not null" json:"startDate"`
	EndDate       string  `gorm:"size:10;not null" json:"endDate"`
	Days          float64 `gorm:"not null;default:0" json:"days"` // 0: calendar days
	Sessions      int     `gorm:"not null;default:0" json:"sessions"`
	StatedJP      float64 `gorm:"not null;default:0" json:"statedJp"`
	International bool    `gorm:"not null;default:false" json:"international"`
	JP            float64 `gorm:"not null;default:0" json:"jp"`
	JPManual      bool    `gorm:"not null;default:false" json:"jpManual"`
	Evidence      string  `gorm:"type:text;not null;default:''" json:"evidence"`
	PlanID        string  `gorm:"size:36;not null;default:''" json:"planId"`
	PlanLineID    string  `gorm:"size:36;not null;default:''" json:"planLineId"`
	// TrainingRecordID is set once the activity is completed.
	TrainingRecordID string `gorm:"size:36;not null;default:''" json:"trainingRecordId"`
}

func (LearningActivity) EntityName() string { return "learning_activity" }

// ComputeActivityJP sets a.JP from m's rule, unless a.JPManual: days (or
// the calendar days), sessions, stated JP, international.
func ComputeActivityJP(a *LearningActivity, m DevelopmentMethod) error {
	if m.Code != a.MethodCode {
		return E(CodeTrainingMismatch, "learning.jp", nil, "methodCode", m.Code)
	}
	if a.JPManual {
		return nil
	}
	days := a.Days
	if days == 0 {
		days = float64(calendarDays(a.StartDate, a.EndDate))
	}
	jp, err := ComputeJP(m.JP, days, a.Sessions, a.StatedJP, a.International)
	if err != nil {
		return err
	}
	a.JP = jp
	return nil
}

// CompletionRule is the office's rule for completing an event.
type CompletionRule struct {
	// MinAttendance is the share of days a participant must attend,
	// 0..1; 0 needs no attendance record at all.
	MinAttendance float64 `json:"minAttendance"`
}

// DefaultCompletionRule asks for 80 % of the days, common practice for
// government training [U]; a setting.
func DefaultCompletionRule() CompletionRule { return CompletionRule{MinAttendance: 0.8} }

// Completion is what completing a participant or activity produces.
type Completion struct {
	PresentDays    int             `json:"presentDays"`
	Days           int             `json:"days"`
	AttendanceRate float64         `json:"attendanceRate"` // 0..1, 4 decimals
	Record         TrainingRecord  `json:"record"`
	LineUpdate     *PlanLineUpdate `json:"lineUpdate"` // nil when not linked to a plan line
}

// AttendanceSummary counts the distinct days from start to end on which
// the participant was present: any non-deleted mark of presence counts,
// even if another laptop marked the same day absent.
func AttendanceSummary(ev TrainingEvent, participantID string, marks []Attendance) int {
	present := map[string]bool{}
	for _, a := range marks {
		if a.Deleted || !a.Present || a.ParticipantID != participantID || a.EventID != ev.ID {
			continue
		}
		if a.Date >= ev.StartDate && a.Date <= ev.EndDate && validDate(a.Date) {
			present[a.Date] = true
		}
	}
	return len(present)
}

// CompleteParticipant applies the completion rule to p in ev: with
// attendance of at least rule.MinAttendance of EventDays(ev) (compared
// exactly: 4 of 5 days is 80 %), p becomes completed on the event's end
// date, and the result holds p's training record (id TrainingRecordID(p.ID),
// fields from ev, m and emp, the certificate number p carries) and, when p
// is linked to a plan line, the update marking that line done with the
// record and the JP. Completing again gives the same record.
//
// Errors: CodeTrainingMismatch when p, emp or m do not belong to ev;
// CodeDateInvalid when ev has no valid dates; CodeTrainingAttendanceShort
// (details present, days) when attendance is too low: p becomes incomplete
// and the result still reports the counts.
func CompleteParticipant(ev TrainingEvent, p *Participant, emp Employee, attendance []Attendance, m DevelopmentMethod, rule CompletionRule) (Completion, error) {
	const op = "training.complete"
	if p.EventID != ev.ID || p.EmployeeID != emp.ID || m.Code != ev.MethodCode {
		return Completion{}, E(CodeTrainingMismatch, op, nil, "participant", p.ID)
	}
	c := Completion{Days: EventDays(ev)}
	if c.Days == 0 || calendarDays(ev.StartDate, ev.EndDate) == 0 {
		return c, E(CodeDateInvalid, op, nil, "event", ev.ID)
	}
	c.PresentDays = min(AttendanceSummary(ev, p.ID, attendance), c.Days)
	c.AttendanceRate = math.Round(float64(c.PresentDays)/float64(c.Days)*10000) / 10000
	need := int64(math.Round(rule.MinAttendance * 10000))
	if int64(c.PresentDays)*10000 < need*int64(c.Days) {
		p.Status = ParticipantIncomplete
		return c, E(CodeTrainingAttendanceShort, op, nil, "present", c.PresentDays, "days", c.Days)
	}
	rec := TrainingRecord{
		SyncMeta:      SyncMeta{ID: TrainingRecordID(p.ID), Version: 1},
		EmployeeID:    emp.ID,
		NIP:           emp.NIP,
		MethodCode:    m.Code,
		Route:         m.Route,
		JenisDiklat:   m.JenisDiklat,
		SIASNRecord:   m.SIASNRecord,
		Name:          ev.Name,
		Provider:      ev.Provider,
		CertificateNo: p.CertificateNo,
		StartDate:     ev.StartDate,
		EndDate:       ev.EndDate,
		JP:            ev.JP,
		Location:      ev.Venue,
		Online:        ev.Online,
		International: ev.International,
		EventID:       ev.ID,
		ParticipantID: p.ID,
	}
	rec.Year, _ = strconv.Atoi(ev.EndDate[:4])
	p.Status, p.CompletedOn, p.TrainingRecordID = ParticipantCompleted, ev.EndDate, rec.ID
	c.Record = rec
	if p.PlanID != "" && p.PlanLineID != "" {
		c.LineUpdate = &PlanLineUpdate{PlanID: p.PlanID, LineID: p.PlanLineID, Status: LineDone, TrainingRecordID: rec.ID, RealisedJP: rec.JP}
	}
	return c, nil
}

// CompleteActivity completes a learning activity of emp: it computes the
// JP (ComputeActivityJP), and returns the training record (id
// TrainingRecordID(a.ID)) and, when a is linked to a plan line, the line
// update. a.TrainingRecordID is set.
func CompleteActivity(a *LearningActivity, emp Employee, m DevelopmentMethod) (Completion, error) {
	const op = "learning.complete"
	if a.EmployeeID != emp.ID {
		return Completion{}, E(CodeTrainingMismatch, op, nil, "activity", a.ID)
	}
	if !validDate(a.StartDate) || !validDate(a.EndDate) || a.EndDate < a.StartDate {
		return Completion{}, E(CodeDateInvalid, op, nil, "activity", a.ID)
	}
	if err := ComputeActivityJP(a, m); err != nil {
		return Completion{}, err
	}
	rec := TrainingRecord{
		SyncMeta:           SyncMeta{ID: TrainingRecordID(a.ID), Version: 1},
		EmployeeID:         emp.ID,
		NIP:                emp.NIP,
		MethodCode:         m.Code,
		Route:              m.Route,
		JenisDiklat:        m.JenisDiklat,
		SIASNRecord:        m.SIASNRecord,
		Name:               a.Title,
		Provider:           a.Provider,
		StartDate:          a.StartDate,
		EndDate:            a.EndDate,
		JP:                 a.JP,
		International:      a.International,
		LearningActivityID: a.ID,
	}
	rec.Year, _ = strconv.Atoi(a.EndDate[:4])
	a.TrainingRecordID = rec.ID
	c := Completion{Record: rec}
	if a.PlanID != "" && a.PlanLineID != "" {
		c.LineUpdate = &PlanLineUpdate{PlanID: a.PlanID, LineID: a.PlanLineID, Status: LineDone, TrainingRecordID: rec.ID, RealisedJP: rec.JP}
	}
	return c, nil
}

// Certificate numbers.
//
// A format is literal text with placeholders:
//
//	{seq} {seq:04}     the sequence number, optionally zero-padded
//	{event}            the event's code
//	{office}           the office's code
//	{device}           the issuing laptop's device code
//	{year}             the event's year (of its end date)
//	{month}            its month, 01–12; {month:roman} I–XII, as in
//	                   Indonesian letter numbers
//
// e.g. "{seq:04}/{event}/{office}/{device}/{year}" → "0007/BIMTEK-07/BKPSDM/B/2025".
//
// Why numbers are unique across laptops that have not synced: there is no
// shared counter to take the next number from while offline, so each
// laptop numbers from its own counter per event (CertificateCounter, written
// only by that laptop) and the number carries the laptop's device code,
// which is unique in the office (given at enrolment). Two numbers from
// different laptops differ in the device part; two from one laptop differ
// in the sequence, which its counter never repeats (the store increments
// it in the same transaction that records the number; CertificateAllocator
// shows the same rule in memory). For the device and sequence parts to be
// readable back out of the text, {seq} and {device} must be set off by
// literal characters that cannot belong to them (a digit cannot follow
// {seq}, nor a letter or digit {device}); otherwise "A1"+"23" and "A"+"123"
// would print alike. A format also needs {event}, since counters are per
// event: two events' number 1 differ by the event code (unique in the
// office). The fixed parts ({office}, {year}, {month}) come from the event,
// so they are the same for all of its certificates.
//
// Offices that want plain running numbers without a device code use
// per-device blocks instead: the laptop with device index k numbers from
// (k−1)·BlockSize+1 to k·BlockSize, and the format needs no {device}.

// CertificateFields are the values of a format's placeholders.
type CertificateFields struct {
	Seq    int    `json:"seq"`
	Event  string `json:"event"`
	Office string `json:"office"`
	Device string `json:"device"`
	Year   int    `json:"year"`
	Month  int    `json:"month"`
}

// EventCertificateFields fills the fixed fields of ev's certificates.
func EventCertificateFields(ev TrainingEvent, officeCode, device string) CertificateFields {
	f := CertificateFields{Event: ev.Code, Office: officeCode, Device: device}
	if validDate(ev.EndDate) {
		f.Year, _ = strconv.Atoi(ev.EndDate[:4])
		f.Month, _ = strconv.Atoi(ev.EndDate[5:7])
	}
	return f
}

// MaxDeviceCodeLen bounds a device code.
const MaxDeviceCodeLen = 8

// ValidDeviceCode reports whether s is a device code: 1–8 capital letters
// or digits.
func ValidDeviceCode(s string) bool {
	if s == "" || len(s) > MaxDeviceCodeLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isUpperOrDigit(s[i]) {
			return false
		}
	}
	return true
}

func isUpperOrDigit(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }
func isDigit(c byte) bool        { return c >= '0' && c <= '9' }
func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

type certToken struct {
	lit   string // literal text, when name == ""
	name  string // seq, event, office, device, year, month
	width int    // {seq:04}
	roman bool   // {month:roman}
}

func parseCertificateFormat(format string) ([]certToken, error) {
	const op = "certificate.format"
	var toks []certToken
	rest := format
	for rest != "" {
		open := strings.IndexByte(rest, '{')
		if cl := strings.IndexByte(rest, '}'); cl >= 0 && (open < 0 || cl < open) {
			return nil, E(CodeCertificateFormat, op, nil, "at", "}")
		}
		if open < 0 {
			toks = append(toks, certToken{lit: rest})
			break
		}
		if open > 0 {
			toks = append(toks, certToken{lit: rest[:open]})
		}
		cl := strings.IndexByte(rest[open:], '}')
		if cl < 0 {
			return nil, E(CodeCertificateFormat, op, nil, "at", rest[open:])
		}
		ph := rest[open+1 : open+cl]
		rest = rest[open+cl+1:]
		name, arg, _ := strings.Cut(ph, ":")
		t := certToken{name: name}
		switch {
		case name == "seq" && arg == "":
		case name == "seq" && len(arg) == 2 && arg[0] == '0' && arg[1] >= '1' && arg[1] <= '9':
			t.width = int(arg[1] - '0')
		case name == "month" && (arg == "" || arg == "roman"):
			t.roman = arg == "roman"
		case (name == "event" || name == "office" || name == "device" || name == "year") && arg == "":
		default:
			return nil, E(CodeCertificateFormat, op, nil, "placeholder", ph)
		}
		toks = append(toks, t)
	}
	return toks, nil
}

func hasPlaceholder(toks []certToken, name string) bool {
	for _, t := range toks {
		if t.name == name {
			return true
		}
	}
	return false
}

// checkCertificateTokens enforces the uniqueness conditions described
// above: {seq} once; {event} at least once; {device} once unless blocks
// are used; {seq} and {device} set off by literals that cannot be part of
// them.
func checkCertificateTokens(toks []certToken, blocks bool) error {
	const op = "certificate.format"
	count := map[string]int{}
	for _, t := range toks {
		count[t.name]++
	}
	switch {
	case count["seq"] != 1:
		return E(CodeCertificateFormat, op, nil, "reason", "seq")
	case count["event"] == 0:
		return E(CodeCertificateFormat, op, nil, "reason", "event")
	case !blocks && count["device"] != 1:
		return E(CodeCertificateFormat, op, nil, "reason", "device")
	}
	for i, t := range toks {
		var bad func(byte) bool
		switch t.name {
		case "seq":
			bad = isDigit
		case "device":
			bad = isAlnum
		default:
			continue
		}
		if i > 0 && (toks[i-1].name != "" || bad(toks[i-1].lit[len(toks[i-1].lit)-1])) {
			return E(CodeCertificateFormat, op, nil, "reason", "delimiter", "placeholder", t.name)
		}
		if i+1 < len(toks) && (toks[i+1].name != "" || bad(toks[i+1].lit[0])) {
			return E(CodeCertificateFormat, op, nil, "reason", "delimiter", "placeholder", t.name)
		}
	}
	return nil
}

// ValidateCertificateFormat checks a format: it parses, and it meets the
// uniqueness conditions (see above) for device-code numbering, or for
// per-device blocks when blocks is true. Errors have code
// CodeCertificateFormat with the reason in the details.
func ValidateCertificateFormat(format string, blocks bool) error {
	toks, err := parseCertificateFormat(format)
	if err != nil {
		return err
	}
	return checkCertificateTokens(toks, blocks)
}

var romanMonths = [13]string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}

// FormatCertificateNumber renders format with f. Errors (all
// CodeCertificateFormat unless said): a format that does not parse; a
// sequence below 1; a placeholder used with an empty value; an event or
// office code that is not letters, digits, dots and hyphens; a device code
// ValidDeviceCode rejects (CodeCertificateDevice); a month outside 1–12.
// It does not require the uniqueness conditions: ValidateCertificateFormat
// checks those when the format is saved.
func FormatCertificateNumber(format string, f CertificateFields) (string, error) {
	const op = "certificate.number"
	toks, err := parseCertificateFormat(format)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, t := range toks {
		switch t.name {
		case "":
			b.WriteString(t.lit)
		case "seq":
			if f.Seq < 1 {
				return "", E(CodeCertificateFormat, op, nil, "field", "seq")
			}
			s := strconv.Itoa(f.Seq)
			if pad := t.width - len(s); pad > 0 {
				s = strings.Repeat("0", pad) + s
			}
			b.WriteString(s)
		case "event", "office":
			v := f.Event
			if t.name == "office" {
				v = f.Office
			}
			if !ValidCompetencyCode(v) {
				return "", E(CodeCertificateFormat, op, nil, "field", t.name)
			}
			b.WriteString(v)
		case "device":
			if !ValidDeviceCode(f.Device) {
				return "", E(CodeCertificateDevice, op, nil, "device", f.Device)
			}
			b.WriteString(f.Device)
		case "year":
			if f.Year < 1 {
				return "", E(CodeCertificateFormat, op, nil, "field", "year")
			}
			b.WriteString(strconv.Itoa(f.Year))
		case "month":
			if f.Month < 1 || f.Month > 12 {
				return "", E(CodeCertificateFormat, op, nil, "field", "month")
			}
			if t.roman {
				b.WriteString(romanMonths[f.Month])
			} else {
				b.WriteString(strconv.Itoa(f.Month/10) + strconv.Itoa(f.Month%10))
			}
		}
	}
	if utf8.RuneCountInString(b.String()) > 100 {
		return "", E(CodeCertificateFormat, op, nil, "reason", "too_long")
	}
	return b.String(), nil
}

// CertificateCounter is one laptop's numbering state for one event. Only
// that laptop writes it, so it never conflicts in sync; it travels only so
// a reinstalled laptop with the same device code resumes after its last
// number instead of reissuing it.
type CertificateCounter struct {
	SyncMeta
	EventID string `gorm:"size:36;not null;index" json:"eventId"`
	Device  string `gorm:"size:8;not null" json:"device"`
	Last    int    `gorm:"not null;default:0" json:"last"` // last number issued; 0 = none
}

func (CertificateCounter) EntityName() string { return "certificate_counter" }

// CertificateCounterID is the id of device's counter for eventID.
func CertificateCounterID(eventID, device string) string {
	return nameUUID("kembang/certificate_counter/" + eventID + "/" + device)
}

// CertificateSequence is the numbering rule of one laptop for one event.
type CertificateSequence struct {
	Device string `json:"device"` // unique in the office
	// DeviceIndex (1, 2, …, unique in the office) and BlockSize > 0 select
	// block numbering; BlockSize 0 is device-code numbering.
	DeviceIndex int `json:"deviceIndex"`
	BlockSize   int `json:"blockSize"`
	Last        int `json:"last"` // the counter's Last
}

// Next advances s and returns the sequence number to print: Last+1 with
// device codes, (DeviceIndex−1)·BlockSize + Last+1 with blocks. Errors:
// CodeCertificateDevice for a bad device code or index,
// CodeCertificateExhausted when the block is used up. On error s is
// unchanged.
func (s *CertificateSequence) Next() (int, error) {
	const op = "certificate.next"
	if !ValidDeviceCode(s.Device) || s.Last < 0 || s.BlockSize < 0 || (s.BlockSize > 0 && s.DeviceIndex < 1) {
		return 0, E(CodeCertificateDevice, op, nil, "device", s.Device)
	}
	n := s.Last + 1
	if s.BlockSize == 0 {
		s.Last = n
		return n, nil
	}
	if n > s.BlockSize {
		return 0, E(CodeCertificateExhausted, op, nil, "device", s.Device, "blockSize", s.BlockSize)
	}
	s.Last = n
	return (s.DeviceIndex-1)*s.BlockSize + n, nil
}

// CertificateAllocator issues the certificate numbers of one event on one
// laptop. It is safe for concurrent use: the lock plays the part of the
// store's transaction around reading, advancing and saving the counter.
type CertificateAllocator struct {
	mu     sync.Mutex
	format string
	fields CertificateFields
	seq    CertificateSequence
}

// NewCertificateAllocator checks format (ValidateCertificateFormat, with
// blocks when seq.BlockSize > 0) and the device, and returns an allocator
// that continues after seq.Last. fields.Device is set from seq.Device.
func NewCertificateAllocator(format string, fields CertificateFields, seq CertificateSequence) (*CertificateAllocator, error) {
	if err := ValidateCertificateFormat(format, seq.BlockSize > 0); err != nil {
		return nil, err
	}
	if !ValidDeviceCode(seq.Device) {
		return nil, E(CodeCertificateDevice, "certificate.allocator", nil, "device", seq.Device)
	}
	fields.Device = seq.Device
	return &CertificateAllocator{format: format, fields: fields, seq: seq}, nil
}

// Allocate issues the next number. A failed format leaves the counter
// where it was, so no number is skipped.
func (a *CertificateAllocator) Allocate() (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	next := a.seq
	n, err := next.Next()
	if err != nil {
		return "", err
	}
	f := a.fields
	f.Seq = n
	s, err := FormatCertificateNumber(a.format, f)
	if err != nil {
		return "", err
	}
	a.seq = next
	return s, nil
}

// Last returns the counter to persist.
func (a *CertificateAllocator) Last() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.seq.Last
}
