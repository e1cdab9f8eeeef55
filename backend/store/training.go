package store

import (
	"context"
	"database/sql"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"kembang/backend/domain"
)

// Training events, participants, attendance, completion with certificate
// numbers, the training history, learning activities, evaluations and
// awards. See development.go for the id rules.

// GetEvent returns the event with id, tombstoned or not.
func (s *Store) GetEvent(ctx context.Context, id string) (*domain.TrainingEvent, error) {
	return getByID[domain.TrainingEvent](s.DB.WithContext(ctx), "training.get_event", "training_event", id)
}

// EventFilter selects events. Year keeps events ending in that year; From
// keeps events ending on or after it, To events starting on or before it.
type EventFilter struct {
	Year     int
	From, To string // YYYY-MM-DD
}

// ListEvents returns the live events matching f, newest start first.
func (s *Store) ListEvents(ctx context.Context, f EventFilter) ([]domain.TrainingEvent, error) {
	db := s.DB.WithContext(ctx).Where("NOT deleted")
	if f.Year != 0 {
		y := yearText(f.Year)
		db = db.Where("end_date >= ? AND end_date <= ?", y+"-01-01", y+"-12-31")
	}
	if f.From != "" {
		db = db.Where("end_date >= ?", f.From)
	}
	if f.To != "" {
		db = db.Where("start_date <= ?", f.To)
	}
	var out []domain.TrainingEvent
	err := db.Order("start_date DESC, id DESC").Find(&out).Error
	return out, dbErr("training.list_events", err)
}

func yearText(y int) string {
	b := []byte("0000")
	for i := 3; i >= 0; i-- {
		b[i] = byte('0' + y%10)
		y /= 10
	}
	return string(b)
}

// SaveEvent validates (domain.ValidateTrainingEvent), computes the JP from
// the method's rule unless JPManual (domain.ComputeEventJP), stamps the
// local office and stores the event at its version.
func (s *Store) SaveEvent(ctx context.Context, ev *domain.TrainingEvent, methods map[string]domain.DevelopmentMethod) error {
	const op = "training.save_event"
	next := *ev
	next.Deleted = false
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		return saveRow(s, tx, op, &next, func(prev *domain.TrainingEvent) error {
			if fe := domain.ValidateTrainingEvent(&next, methods); len(fe) > 0 {
				return fe.AsError(op)
			}
			if m, ok := methods[next.MethodCode]; ok {
				if err := domain.ComputeEventJP(&next, m); err != nil {
					return err
				}
			}
			if prev != nil {
				next.OfficeID = prev.OfficeID
			} else if o, err := localOffice(tx, op); err != nil {
				return err
			} else if o != nil {
				next.OfficeID = o.ID
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	*ev = next
	return nil
}

// DeleteEvent tombstones an event nobody has completed (conflict otherwise:
// the training history refers to it).
func (s *Store) DeleteEvent(ctx context.Context, id string) error {
	const op = "training.delete_event"
	return deleteRow(s, ctx, op, "training_event", id, func(tx *gorm.DB, ev *domain.TrainingEvent) error {
		var n int64
		if err := tx.Table("participants").Where("event_id = ? AND status = ? AND NOT deleted", id, domain.ParticipantCompleted).Count(&n).Error; err != nil {
			return dbErr(op, err)
		}
		if n > 0 {
			return domain.E(domain.CodeConflict, op, nil, "entity", "training_event", "id", id, "completed", n)
		}
		return nil
	})
}

// GetParticipant returns the participant with id.
func (s *Store) GetParticipant(ctx context.Context, id string) (*domain.Participant, error) {
	return getByID[domain.Participant](s.DB.WithContext(ctx), "training.get_participant", "training_participant", id)
}

// ParticipantFilter selects participants; empty fields do not filter.
type ParticipantFilter struct {
	EventIDs    []string
	EmployeeIDs []string
	Statuses    []domain.ParticipantStatus
}

// ListParticipants returns the live participants matching f.
func (s *Store) ListParticipants(ctx context.Context, f ParticipantFilter) ([]domain.Participant, error) {
	db := s.DB.WithContext(ctx).Where("NOT deleted")
	if f.EventIDs != nil {
		db = db.Where("event_id IN ?", f.EventIDs)
	}
	if f.EmployeeIDs != nil {
		db = db.Where("employee_id IN ?", f.EmployeeIDs)
	}
	if len(f.Statuses) > 0 {
		db = db.Where("status IN ?", f.Statuses)
	}
	var out []domain.Participant
	err := db.Order("event_id, id").Find(&out).Error
	return out, dbErr("training.list_participants", err)
}

// AddParticipant registers employeeID in eventID (id
// domain.ParticipantID), optionally linked to a plan line, which becomes
// in progress. Registering someone already registered changes nothing; a
// cancelled or incomplete participant is registered again; a completed one
// is left as it is. The plan line must belong to an approved or
// in-progress plan of the same employee.
func (s *Store) AddParticipant(ctx context.Context, eventID, employeeID, planID, lineID string) (*domain.Participant, error) {
	const op = "training.add_participant"
	var out domain.Participant
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		if _, err := getLive[domain.TrainingEvent](tx, op, "training_event", eventID); err != nil {
			return err
		}
		if err := liveEmployee(tx, op, employeeID); err != nil {
			return err
		}
		id := domain.ParticipantID(eventID, employeeID)
		prev, err := find[domain.Participant](tx, op, id)
		if err != nil {
			return err
		}
		next := domain.Participant{SyncMeta: domain.SyncMeta{ID: id}, EventID: eventID, EmployeeID: employeeID,
			Status: domain.ParticipantRegistered}
		if prev != nil {
			if prev.Status == domain.ParticipantCompleted && !prev.Deleted {
				out = *prev
				return nil
			}
			next = *prev
			next.Deleted, next.Status = false, domain.ParticipantRegistered
		}
		if planID != "" || lineID != "" {
			plan, err := getLive[domain.DevelopmentPlan](tx, op, "development_plan", planID)
			if err != nil {
				return err
			}
			if plan.EmployeeID != employeeID {
				return domain.E(domain.CodeTrainingMismatch, op, nil, "planId", planID)
			}
			if plan.State != domain.PlanApproved && plan.State != domain.PlanInProgress {
				return domain.E(domain.CodePlanInvalidTransition, op, nil, "from", string(plan.State), "to", "in_progress")
			}
			next.PlanID, next.PlanLineID = planID, lineID
			if err := s.applyLineUpdate(tx, op, &domain.PlanLineUpdate{PlanID: planID, LineID: lineID, Status: domain.LineInProgress}); err != nil {
				return err
			}
		}
		if err := s.write(tx, op, prev, &next, ""); err != nil {
			return err
		}
		out = next
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// CancelParticipant marks a participant cancelled (rows are never removed
// from an event: SYNC.md, append-only). A linked plan line goes back to
// planned. training.completed for a completed participant.
func (s *Store) CancelParticipant(ctx context.Context, id string) (*domain.Participant, error) {
	const op = "training.cancel_participant"
	var out domain.Participant
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := getLive[domain.Participant](tx, op, "training_participant", id)
		if err != nil {
			return err
		}
		if prev.Status == domain.ParticipantCompleted {
			return domain.E(domain.CodeTrainingCompleted, op, nil, "id", id)
		}
		next := *prev
		next.Status = domain.ParticipantCancelled
		if prev.PlanID != "" && prev.Status != domain.ParticipantCancelled {
			if err := s.applyLineUpdate(tx, op, &domain.PlanLineUpdate{PlanID: prev.PlanID, LineID: prev.PlanLineID, Status: domain.LinePlanned}); err != nil {
				return err
			}
		}
		if err := s.write(tx, op, prev, &next, ""); err != nil {
			return err
		}
		out = next
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// SetAttendance records a participant's presence on one day of the event
// (id domain.AttendanceID). date.range for a day outside the event.
func (s *Store) SetAttendance(ctx context.Context, participantID, date string, present bool, note string) (*domain.Attendance, error) {
	const op = "training.set_attendance"
	var out domain.Attendance
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		a, err := s.setAttendanceTx(tx, op, participantID, date, present, note)
		if a != nil {
			out = *a
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

func (s *Store) setAttendanceTx(tx *gorm.DB, op, participantID, date string, present bool, note string) (*domain.Attendance, error) {
	p, err := getLive[domain.Participant](tx, op, "training_participant", participantID)
	if err != nil {
		return nil, err
	}
	ev, err := getLive[domain.TrainingEvent](tx, op, "training_event", p.EventID)
	if err != nil {
		return nil, err
	}
	date = strings.TrimSpace(date)
	if len(date) != 10 || date < ev.StartDate || date > ev.EndDate {
		return nil, domain.E(domain.CodeDateRange, op, nil, "date", date, "start", ev.StartDate, "end", ev.EndDate)
	}
	id := domain.AttendanceID(p.ID, date)
	prev, err := find[domain.Attendance](tx, op, id)
	if err != nil {
		return nil, err
	}
	next := domain.Attendance{SyncMeta: domain.SyncMeta{ID: id}, EventID: ev.ID, ParticipantID: p.ID, Date: date}
	if prev != nil {
		next = *prev
		next.Deleted = false
	}
	next.Present, next.Note = present, strings.TrimSpace(note)
	if err := s.write(tx, op, prev, &next, ""); err != nil {
		return nil, err
	}
	return &next, nil
}

// SetAttendanceDay marks every registered participant of an event on one
// day, in one transaction, and returns how many marks changed or were new.
func (s *Store) SetAttendanceDay(ctx context.Context, eventID, date string, present bool) (int, error) {
	const op = "training.set_attendance_day"
	n := 0
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		var ps []domain.Participant
		if err := tx.Where("event_id = ? AND status = ? AND NOT deleted", eventID, domain.ParticipantRegistered).Order("id").Find(&ps).Error; err != nil {
			return dbErr(op, err)
		}
		for _, p := range ps {
			if _, err := s.setAttendanceTx(tx, op, p.ID, date, present, ""); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// ListAttendance returns the live attendance marks of the events.
func (s *Store) ListAttendance(ctx context.Context, eventIDs []string) ([]domain.Attendance, error) {
	var out []domain.Attendance
	err := s.DB.WithContext(ctx).Where("event_id IN ? AND NOT deleted", eventIDs).Order("participant_id, date").Find(&out).Error
	return out, dbErr("training.list_attendance", err)
}

// CertificateIssuer says how this laptop numbers certificates.
type CertificateIssuer struct {
	Format string // the event's format, else the office default; "" issues none
	Office string // the office code for {office}
	Device string // this laptop's device code, unique in the office
}

// CompletionInput is what completing needs besides the stored rows.
type CompletionInput struct {
	Method domain.DevelopmentMethod
	Rule   domain.CompletionRule
	Issuer CertificateIssuer
}

// nextCertificateTx allocates the next number of the event on this device:
// it reads the device's counter (domain.CertificateCounterID), advances it
// with domain.CertificateAllocator and writes it back in tx, so the number
// and the counter commit together. A concurrent allocation on the same
// database loses the race with version.conflict (or a duplicate key) and
// is retried by retryTx (on PostgreSQL an advisory lock on the counter
// makes them queue); another laptop numbers with its own device code.
func (s *Store) nextCertificateTx(tx *gorm.DB, op string, ev *domain.TrainingEvent, iss CertificateIssuer) (string, error) {
	id := domain.CertificateCounterID(ev.ID, iss.Device)
	if tx.Dialector.Name() == DriverPostgres {
		// Writers of one counter queue here instead of racing to a
		// version conflict (SQLite transactions are already immediate).
		if err := tx.Exec("SELECT pg_advisory_xact_lock(hashtext(?))", id).Error; err != nil {
			return "", dbErr(op, err)
		}
	}
	prev, err := find[domain.CertificateCounter](tx, op, id)
	if err != nil {
		return "", err
	}
	next := domain.CertificateCounter{SyncMeta: domain.SyncMeta{ID: id}, EventID: ev.ID, Device: iss.Device}
	if prev != nil {
		next = *prev
		next.Deleted = false
	}
	alloc, err := domain.NewCertificateAllocator(iss.Format, domain.EventCertificateFields(*ev, iss.Office, iss.Device),
		domain.CertificateSequence{Device: iss.Device, Last: next.Last})
	if err != nil {
		return "", err
	}
	no, err := alloc.Allocate()
	if err != nil {
		return "", err
	}
	next.Last = alloc.Last()
	if err := s.write(tx, op, prev, &next, ""); err != nil {
		return "", err
	}
	return no, nil
}

// NextCertificateNumber allocates one number of an event on this laptop
// (a certificate issued outside completion, e.g. for a replacement).
func (s *Store) NextCertificateNumber(ctx context.Context, eventID string, iss CertificateIssuer) (string, error) {
	const op = "training.next_certificate"
	var no string
	err := s.retryTx(ctx, op, func(tx *gorm.DB) error {
		ev, err := getLive[domain.TrainingEvent](tx, op, "training_event", eventID)
		if err != nil {
			return err
		}
		no, err = s.nextCertificateTx(tx, op, ev, iss)
		return err
	})
	return no, err
}

// CompleteParticipant applies the completion rule to one participant in
// one transaction: with enough attendance the participant is completed
// with a certificate number (when the issuer has a format), the training
// record is written and the linked plan line is marked done with the
// realised JP. With too little attendance the participant is marked
// incomplete (that is committed) and training.attendance_short returned.
// Completing a completed participant returns its completion unchanged.
func (s *Store) CompleteParticipant(ctx context.Context, participantID string, in CompletionInput) (domain.Completion, *domain.Participant, error) {
	const op = "training.complete"
	var (
		out     domain.Completion
		outP    domain.Participant
		ruleErr error
	)
	err := s.retryTx(ctx, op, func(tx *gorm.DB) error {
		ruleErr = nil
		prev, err := getLive[domain.Participant](tx, op, "training_participant", participantID)
		if err != nil {
			return err
		}
		ev, err := getLive[domain.TrainingEvent](tx, op, "training_event", prev.EventID)
		if err != nil {
			return err
		}
		if prev.Status == domain.ParticipantCancelled {
			return domain.E(domain.CodeTrainingMismatch, op, nil, "participant", prev.ID, "status", string(prev.Status))
		}
		if prev.Status == domain.ParticipantCompleted {
			rec, err := find[domain.TrainingRecord](tx, op, prev.TrainingRecordID)
			if err != nil {
				return err
			}
			if rec != nil {
				out.Record = *rec
			}
			outP = *prev
			return nil
		}
		emp, err := getLive[domain.Employee](tx, op, "employee", prev.EmployeeID)
		if err != nil {
			return err
		}
		var marks []domain.Attendance
		if err := tx.Where("participant_id = ? AND NOT deleted", prev.ID).Find(&marks).Error; err != nil {
			return dbErr(op, err)
		}
		next := *prev
		c, err := domain.CompleteParticipant(*ev, &next, *emp, marks, in.Method, in.Rule)
		if domain.IsCode(err, domain.CodeTrainingAttendanceShort) {
			ruleErr, out = err, c
			outP = next
			return s.write(tx, op, prev, &next, "")
		}
		if err != nil {
			return err
		}
		if next.CertificateNo == "" && in.Issuer.Format != "" {
			no, err := s.nextCertificateTx(tx, op, ev, in.Issuer)
			if err != nil {
				return err
			}
			next.CertificateNo, c.Record.CertificateNo = no, no
		}
		if err := s.write(tx, op, prev, &next, ""); err != nil {
			return err
		}
		if err := s.writeRecordTx(tx, op, &c.Record); err != nil {
			return err
		}
		if err := s.applyLineUpdate(tx, op, c.LineUpdate); err != nil {
			return err
		}
		out, outP = c, next
		return nil
	})
	if err != nil {
		return domain.Completion{}, nil, err
	}
	return out, &outP, ruleErr
}

// writeRecordTx stores a record a completion produced (derived id): new,
// or over the stored one (a completion that ran again).
func (s *Store) writeRecordTx(tx *gorm.DB, op string, rec *domain.TrainingRecord) error {
	if fe := domain.ValidateTrainingRecord(rec); len(fe) > 0 {
		return fe.AsError(op)
	}
	prev, err := find[domain.TrainingRecord](tx, op, rec.ID)
	if err != nil {
		return err
	}
	if prev != nil {
		rec.Version = prev.Version
	}
	return s.write(tx, op, prev, rec, "")
}

// ListTrainingRecords returns an employee's live training history, newest
// first.
func (s *Store) ListTrainingRecords(ctx context.Context, employeeID string) ([]domain.TrainingRecord, error) {
	var out []domain.TrainingRecord
	err := s.DB.WithContext(ctx).Where("employee_id = ? AND NOT deleted", employeeID).
		Order("end_date DESC, start_date DESC, id DESC").Find(&out).Error
	return out, dbErr("training.list_records", err)
}

// SaveTrainingRecord stores a record typed in by hand (no event or
// activity). Records a completion produced are training.completed: they
// change only through their source.
func (s *Store) SaveTrainingRecord(ctx context.Context, r *domain.TrainingRecord) error {
	const op = "training.save_record"
	next := *r
	next.Deleted = false
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		return saveRow(s, tx, op, &next, func(prev *domain.TrainingRecord) error {
			if next.EventID != "" || next.ParticipantID != "" || next.LearningActivityID != "" ||
				(prev != nil && (prev.EventID != "" || prev.LearningActivityID != "")) {
				return domain.E(domain.CodeTrainingCompleted, op, nil, "id", next.ID)
			}
			if fe := domain.ValidateTrainingRecord(&next); len(fe) > 0 {
				return fe.AsError(op)
			}
			var nip string
			row := tx.Table("employees").Select("nip").Where("id = ? AND NOT deleted", next.EmployeeID).Row()
			if err := row.Scan(&nip); err == sql.ErrNoRows {
				return domain.E(domain.CodeNotFound, op, nil, "entity", "employee", "id", next.EmployeeID, "field", "employeeId")
			} else if err != nil {
				return dbErr(op, err)
			}
			next.NIP = nip
			return nil
		})
	})
	if err != nil {
		return err
	}
	*r = next
	return nil
}

// DeleteTrainingRecord tombstones a hand-typed record.
func (s *Store) DeleteTrainingRecord(ctx context.Context, id string) error {
	const op = "training.delete_record"
	return deleteRow(s, ctx, op, "training_record", id, func(_ *gorm.DB, r *domain.TrainingRecord) error {
		if r.EventID != "" || r.LearningActivityID != "" {
			return domain.E(domain.CodeTrainingCompleted, op, nil, "id", id)
		}
		return nil
	})
}

// JPRecords returns the JP of every live training record of the years
// from..to, without GORM's reflection: the compliance dashboard reads tens
// of thousands.
func (s *Store) JPRecords(ctx context.Context, from, to int) ([]domain.JPRecord, error) {
	const op = "training.jp_records"
	rows, err := s.DB.WithContext(ctx).Raw("SELECT id, employee_id, year, end_date, method_code, jp FROM training_records "+
		"WHERE year >= ? AND year <= ? AND NOT deleted", from, to).Rows()
	if err != nil {
		return nil, dbErr(op, err)
	}
	defer rows.Close()
	var out []domain.JPRecord
	for rows.Next() {
		var r domain.JPRecord
		if err := rows.Scan(&r.SourceID, &r.EmployeeID, &r.Year, &r.Date, &r.MethodCode, &r.JP); err != nil {
			return nil, dbErr(op, err)
		}
		out = append(out, r)
	}
	return out, dbErr(op, rows.Err())
}

// GetActivity returns the learning activity with id.
func (s *Store) GetActivity(ctx context.Context, id string) (*domain.LearningActivity, error) {
	return getByID[domain.LearningActivity](s.DB.WithContext(ctx), "learning.get", "learning_activity", id)
}

// ListActivities returns an employee's live learning activities ending in
// year (0: all), newest first.
func (s *Store) ListActivities(ctx context.Context, employeeID string, year int) ([]domain.LearningActivity, error) {
	db := s.DB.WithContext(ctx).Where("employee_id = ? AND NOT deleted", employeeID)
	if year != 0 {
		y := yearText(year)
		db = db.Where("end_date >= ? AND end_date <= ?", y+"-01-01", y+"-12-31")
	}
	var out []domain.LearningActivity
	err := db.Order("end_date DESC, id DESC").Find(&out).Error
	return out, dbErr("learning.list", err)
}

// SaveActivity stores a learning activity with its JP from the method's
// rule (unless JPManual). training.completed once completed.
func (s *Store) SaveActivity(ctx context.Context, a *domain.LearningActivity, methods map[string]domain.DevelopmentMethod) error {
	const op = "learning.save"
	next := *a
	next.Deleted = false
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		return saveRow(s, tx, op, &next, func(prev *domain.LearningActivity) error {
			if prev != nil && prev.TrainingRecordID != "" {
				return domain.E(domain.CodeTrainingCompleted, op, nil, "id", prev.ID)
			}
			next.TrainingRecordID = ""
			return prepareActivity(tx, op, &next, methods)
		})
	})
	if err != nil {
		return err
	}
	*a = next
	return nil
}

func prepareActivity(tx *gorm.DB, op string, a *domain.LearningActivity, methods map[string]domain.DevelopmentMethod) error {
	var fe domain.FieldErrors
	a.Title = strings.Join(strings.Fields(a.Title), " ")
	a.Provider = strings.Join(strings.Fields(a.Provider), " ")
	a.Evidence = strings.TrimSpace(a.Evidence)
	if strings.TrimSpace(a.EmployeeID) == "" {
		fe = append(fe, domain.FieldError{Field: "employeeId", Code: domain.CodeRequired})
	}
	if a.Title == "" {
		fe = append(fe, domain.FieldError{Field: "title", Code: domain.CodeRequired})
	}
	if a.StartDate == "" {
		fe = append(fe, domain.FieldError{Field: "startDate", Code: domain.CodeRequired})
	}
	if a.EndDate == "" {
		fe = append(fe, domain.FieldError{Field: "endDate", Code: domain.CodeRequired})
	}
	m, ok := methods[a.MethodCode]
	if !ok {
		fe = append(fe, domain.FieldError{Field: "methodCode", Code: domain.CodeMethodUnknown, Value: a.MethodCode})
	}
	if len(fe) > 0 {
		return fe.AsError(op)
	}
	// Validate dates and JP through the record the activity will become.
	probe := domain.TrainingRecord{EmployeeID: a.EmployeeID, Name: a.Title, StartDate: a.StartDate, EndDate: a.EndDate, JP: a.JP}
	if fe := domain.ValidateTrainingRecord(&probe); len(fe) > 0 {
		return fe.AsError(op)
	}
	if err := domain.ComputeActivityJP(a, m); err != nil {
		return err
	}
	if a.PlanID != "" {
		plan, err := getLive[domain.DevelopmentPlan](tx, op, "development_plan", a.PlanID)
		if err != nil {
			return err
		}
		if plan.EmployeeID != a.EmployeeID {
			return domain.E(domain.CodeTrainingMismatch, op, nil, "planId", a.PlanID)
		}
	}
	return liveEmployee(tx, op, a.EmployeeID)
}

// DeleteActivity tombstones an activity not yet completed.
func (s *Store) DeleteActivity(ctx context.Context, id string) error {
	const op = "learning.delete"
	return deleteRow(s, ctx, op, "learning_activity", id, func(_ *gorm.DB, a *domain.LearningActivity) error {
		if a.TrainingRecordID != "" {
			return domain.E(domain.CodeTrainingCompleted, op, nil, "id", id)
		}
		return nil
	})
}

// CompleteActivity completes a learning activity in one transaction: the
// training record (domain.CompleteActivity) and the linked plan line.
// Completing again changes nothing.
func (s *Store) CompleteActivity(ctx context.Context, id string, methods map[string]domain.DevelopmentMethod) (*domain.LearningActivity, error) {
	const op = "learning.complete"
	var out domain.LearningActivity
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := getLive[domain.LearningActivity](tx, op, "learning_activity", id)
		if err != nil {
			return err
		}
		if prev.TrainingRecordID != "" {
			out = *prev
			return nil
		}
		emp, err := getLive[domain.Employee](tx, op, "employee", prev.EmployeeID)
		if err != nil {
			return err
		}
		m, ok := methods[prev.MethodCode]
		if !ok {
			return domain.E(domain.CodeMethodUnknown, op, nil, "methodCode", prev.MethodCode)
		}
		next := *prev
		c, err := domain.CompleteActivity(&next, *emp, m)
		if err != nil {
			return err
		}
		if err := s.write(tx, op, prev, &next, ""); err != nil {
			return err
		}
		if err := s.writeRecordTx(tx, op, &c.Record); err != nil {
			return err
		}
		if err := s.applyLineUpdate(tx, op, c.LineUpdate); err != nil {
			return err
		}
		out = next
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// SaveEvaluation stores one Kirkpatrick evaluation (domain.ValidateEvaluation).
// There is one evaluation per participant and level, with the id
// domain.EvaluationID: saving a level the participant already has updates
// that row (at its version when the caller gives one). A row saved before
// ids were derived moves to its derived id on this save (its old id is
// tombstoned in the same transaction). Event and employee are taken from
// the participant.
func (s *Store) SaveEvaluation(ctx context.Context, e *domain.Evaluation) error {
	const op = "evaluation.save"
	next := *e
	next.Deleted = false
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		if fe := domain.ValidateEvaluation(&next); len(fe) > 0 {
			return fe.AsError(op)
		}
		p, err := getLive[domain.Participant](tx, op, "training_participant", next.ParticipantID)
		if err != nil {
			return err
		}
		next.EventID, next.EmployeeID = p.EventID, p.EmployeeID
		want := domain.EvaluationID(p.ID, next.Level)
		var existing []domain.Evaluation
		// The derived row first, then any older row of the level.
		if err := tx.Where("participant_id = ? AND level = ? AND NOT deleted", p.ID, next.Level).
			Order(clause.OrderBy{Expression: clause.Expr{SQL: "CASE WHEN id = ? THEN 0 ELSE 1 END, id", Vars: []any{want}}}).
			Limit(1).Find(&existing).Error; err != nil {
			return dbErr(op, err)
		}
		if len(existing) == 1 {
			prev := &existing[0]
			if next.ID != "" && next.ID != prev.ID && next.ID != want {
				return domain.E(domain.CodeConflict, op, nil, "entity", "evaluation", "id", prev.ID)
			}
			if next.ID == "" || next.ID == want {
				next.ID, next.Version = prev.ID, prev.Version
			}
			if err := checkVersion(op, &next, prev); err != nil {
				return err
			}
			if prev.ID == want {
				return s.write(tx, op, prev, &next, "")
			}
			// An evaluation from before ids were derived.
			gone := *prev
			gone.Deleted = true
			if err := s.write(tx, op, prev, &gone, ""); err != nil {
				return err
			}
		}
		if next.ID != "" && next.ID != want && len(existing) == 0 {
			return domain.FieldErrors{{Field: "id", Code: domain.CodeInvalid, Value: next.ID}}.AsError(op)
		}
		// A new row at the derived id (reviving its tombstone, if any).
		var dead []domain.Evaluation
		if err := tx.Where("id = ?", want).Limit(1).Find(&dead).Error; err != nil {
			return dbErr(op, err)
		}
		next.SyncMeta = domain.SyncMeta{ID: want}
		if len(dead) == 1 {
			return s.write(tx, op, &dead[0], &next, "")
		}
		return s.write(tx, op, nil, &next, "")
	})
	if err != nil {
		return err
	}
	*e = next
	return nil
}

// EvaluationFilter selects evaluations; empty fields do not filter.
type EvaluationFilter struct {
	EventIDs       []string
	ParticipantIDs []string
	Level          int
}

// ListEvaluations returns the live evaluations matching f.
func (s *Store) ListEvaluations(ctx context.Context, f EvaluationFilter) ([]domain.Evaluation, error) {
	db := s.DB.WithContext(ctx).Where("NOT deleted")
	if f.EventIDs != nil {
		db = db.Where("event_id IN ?", f.EventIDs)
	}
	if f.ParticipantIDs != nil {
		db = db.Where("participant_id IN ?", f.ParticipantIDs)
	}
	if f.Level != 0 {
		db = db.Where("level = ?", f.Level)
	}
	var out []domain.Evaluation
	err := db.Order("participant_id, level").Find(&out).Error
	return out, dbErr("evaluation.list", err)
}

// SaveAward validates and stores an award at its version.
func (s *Store) SaveAward(ctx context.Context, a *domain.Award) error {
	const op = "award.save"
	next := *a
	next.Deleted = false
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		return saveRow(s, tx, op, &next, func(prev *domain.Award) error {
			if fe := domain.ValidateAward(&next); len(fe) > 0 {
				return fe.AsError(op)
			}
			if next.EmployeeID != "" {
				return liveEmployee(tx, op, next.EmployeeID)
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	*a = next
	return nil
}

// ListAwards returns the live awards of year (0: all), newest first.
func (s *Store) ListAwards(ctx context.Context, year int) ([]domain.Award, error) {
	db := s.DB.WithContext(ctx).Where("NOT deleted")
	if year != 0 {
		db = db.Where("year = ?", year)
	}
	var out []domain.Award
	err := db.Order("year DESC, awarded_on DESC, id DESC").Find(&out).Error
	return out, dbErr("award.list", err)
}

// DeleteAward tombstones an award.
func (s *Store) DeleteAward(ctx context.Context, id string) error {
	return deleteRow[domain.Award](s, ctx, "award.delete", "award", id, nil)
}
