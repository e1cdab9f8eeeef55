package store

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// Individual development plans, training events, participants, attendance,
// training history, learning activities, evaluations, awards and
// certificate counters. Every write goes through s.write, so it bumps the
// version and appends its outbox and audit rows in the same transaction
// (SYNC.md). The rules are domain's: ValidatePlan and CheckPlanUpdate on
// every plan write, ValidateTrainingEvent, CompleteParticipant,
// CompleteActivity, the certificate allocator, ValidateEvaluation,
// ValidateAward.
//
// Ids. SYNC.md gives every syncable row a client-made UUIDv7. Rows that
// stand for a fact two laptops can record independently while offline get
// a name-based id instead (domain.PlanID, ParticipantID, AttendanceID,
// TrainingRecordID, CertificateCounterID), and the store insists on it:
//
//   - "one plan per employee per year" is a rule of the domain, and a
//     uniqueness rule cannot be checked across laptops that have not
//     synced. With random ids the two drafts of one employee's plan would
//     reach the server as two rows, one of which must then be rejected
//     with its edits lost (or kept, breaking the rule). With the derived id
//     they are one row and the server merges them field by field
//     (domain.MergePlans), which is what SYNC.md asks of plans;
//   - the same holds for one employee registered twice in one event, one
//     day's attendance marked on two laptops ("present" wins), and the
//     history record a completion produces (completing on two laptops must
//     not give the employee twice the JP);
//   - a certificate counter is per event and device, written only by that
//     device; the derived id lets a reinstalled laptop find its own
//     counter again.
//
// Everything else (events, activities, evaluations, awards, hand-typed
// records) is created by one person on one laptop and keeps UUIDv7 ids.

// Developer-facing operation names share this prefix style with the rest
// of the store ("plan.save", "training.complete" …).

// savePlanTx writes next over prev (nil: a new plan) after the domain's
// checks: the id is the plan's derived id, ValidatePlan, and
// CheckPlanUpdate against the stored plan (a new plan is checked against an
// empty draft, so it must start as a draft with no history).
func (s *Store) savePlanTx(tx *gorm.DB, op string, prev, next *domain.DevelopmentPlan, methods map[string]domain.DevelopmentMethod) error {
	if fe := domain.ValidatePlan(next, methods); len(fe) > 0 {
		return fe.AsError(op)
	}
	want := domain.PlanID(next.EmployeeID, next.Year)
	if next.ID == "" {
		next.ID = want
	}
	if next.ID != want {
		return domain.FieldErrors{{Field: "id", Code: domain.CodeInvalid, Value: next.ID}}.AsError(op)
	}
	base := prev
	if base == nil {
		base = &domain.DevelopmentPlan{EmployeeID: next.EmployeeID, Year: next.Year, State: domain.PlanDraft, History: domain.PlanHistory{}}
		if err := liveEmployee(tx, op, next.EmployeeID); err != nil {
			return err
		}
	}
	if err := domain.CheckPlanUpdate(base, next); err != nil {
		return err
	}
	return s.write(tx, op, prev, next, "")
}

// liveEmployee fails with not_found unless employeeID is a live employee.
func liveEmployee(tx *gorm.DB, op, employeeID string) error {
	var n int64
	if err := tx.Table("employees").Where("id = ? AND NOT deleted", employeeID).Count(&n).Error; err != nil {
		return dbErr(op, err)
	}
	if n == 0 {
		return domain.E(domain.CodeNotFound, op, nil, "entity", "employee", "id", employeeID, "field", "employeeId")
	}
	return nil
}

// copyPlan copies the slices a change may modify, so prev stays as stored.
func copyPlan(p *domain.DevelopmentPlan) domain.DevelopmentPlan {
	c := *p
	c.Lines = append(domain.PlanLines{}, p.Lines...)
	c.History = append(domain.PlanHistory{}, p.History...)
	c.TargetGaps = append(domain.GapLines{}, p.TargetGaps...)
	return c
}

// GetPlan returns the plan with id, tombstoned or not.
func (s *Store) GetPlan(ctx context.Context, id string) (*domain.DevelopmentPlan, error) {
	return getByID[domain.DevelopmentPlan](s.DB.WithContext(ctx), "plan.get", "development_plan", id)
}

// FindPlan returns the plan of employeeID for year (tombstoned or not),
// nil when there has never been one.
func (s *Store) FindPlan(ctx context.Context, employeeID string, year int) (*domain.DevelopmentPlan, error) {
	return find[domain.DevelopmentPlan](s.DB.WithContext(ctx), "plan.find", domain.PlanID(employeeID, year))
}

// PlanFilter selects plans. Empty fields do not filter.
type PlanFilter struct {
	Year        int
	EmployeeIDs []string
	States      []domain.PlanState
}

// ListPlans returns the live plans matching f, by year then id.
func (s *Store) ListPlans(ctx context.Context, f PlanFilter) ([]domain.DevelopmentPlan, error) {
	db := s.DB.WithContext(ctx).Where("NOT deleted")
	if f.Year != 0 {
		db = db.Where("year = ?", f.Year)
	}
	if f.EmployeeIDs != nil {
		if len(f.EmployeeIDs) == 0 {
			return nil, nil
		}
		db = db.Where("employee_id IN ?", f.EmployeeIDs)
	}
	if len(f.States) > 0 {
		db = db.Where("state IN ?", f.States)
	}
	var out []domain.DevelopmentPlan
	err := db.Order("year DESC, id").Find(&out).Error
	return out, dbErr("plan.list", err)
}

// SavePlan creates or updates a plan at its version (version.conflict
// otherwise). A plan whose tombstone exists is brought back by saving at
// the tombstone's version. On success p holds the stored row.
func (s *Store) SavePlan(ctx context.Context, p *domain.DevelopmentPlan, methods map[string]domain.DevelopmentMethod) error {
	const op = "plan.save"
	next := copyPlan(p)
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		if next.ID == "" {
			next.ID = domain.PlanID(strings.TrimSpace(next.EmployeeID), next.Year)
		}
		prev, err := find[domain.DevelopmentPlan](tx, op, next.ID)
		if err != nil {
			return err
		}
		if prev == nil && next.Version != 0 {
			return notFound(op, "development_plan", next.ID)
		}
		if prev != nil {
			if err := checkVersion(op, &next, prev); err != nil {
				return err
			}
		}
		return s.savePlanTx(tx, op, prev, &next, methods)
	})
	if err != nil {
		return err
	}
	*p = next
	return nil
}

// EditPlan loads a live plan, lets change modify a copy and writes it
// through the same checks as SavePlan.
func (s *Store) EditPlan(ctx context.Context, id string, methods map[string]domain.DevelopmentMethod, change func(*domain.DevelopmentPlan) error) (*domain.DevelopmentPlan, error) {
	const op = "plan.edit"
	var out domain.DevelopmentPlan
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := getLive[domain.DevelopmentPlan](tx, op, "development_plan", id)
		if err != nil {
			return err
		}
		next := copyPlan(prev)
		if err := change(&next); err != nil {
			return err
		}
		if err := s.savePlanTx(tx, op, prev, &next, methods); err != nil {
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

// DeletePlan tombstones a plan in draft or revision; any other state is
// plan.locked (a submitted plan waits for its supervisor, an approved one
// is an agreement).
func (s *Store) DeletePlan(ctx context.Context, id string) error {
	_, err := s.EditPlan(ctx, id, nil, func(p *domain.DevelopmentPlan) error {
		if p.State != domain.PlanDraft && p.State != domain.PlanRevision {
			return domain.E(domain.CodePlanLocked, "plan.delete", nil, "state", string(p.State))
		}
		p.Deleted = true
		return nil
	})
	return err
}

// planChunk is how many plans CreatePlans writes per transaction: small
// enough that a power cut loses little, large enough that 2,000 plans are
// a handful of commits.
const planChunk = 250

// CreatePlans stores new plans in chunked transactions (a bulk draft for a
// unit). Plans whose id already exists, live or tombstoned, are skipped and
// counted in existing: a bulk draft never overwrites a plan. progress (may
// be nil) is called after each chunk.
func (s *Store) CreatePlans(ctx context.Context, plans []domain.DevelopmentPlan, methods map[string]domain.DevelopmentMethod, progress domain.Progress) (created, existing int, err error) {
	const op = "plan.create_bulk"
	for start := 0; start < len(plans); start += planChunk {
		chunk := plans[start:min(start+planChunk, len(plans))]
		err := s.inTx(ctx, op, func(tx *gorm.DB) error {
			ids := make([]string, len(chunk))
			for i := range chunk {
				ids[i] = domain.PlanID(chunk[i].EmployeeID, chunk[i].Year)
			}
			var have []string
			if err := tx.Table("development_plans").Where("id IN ?", ids).Pluck("id", &have).Error; err != nil {
				return dbErr(op, err)
			}
			skip := make(map[string]bool, len(have))
			for _, id := range have {
				skip[id] = true
			}
			var emps []string
			if err := tx.Table("employees").Where("id IN ? AND NOT deleted", employeeIDsOf(chunk)).Pluck("id", &emps).Error; err != nil {
				return dbErr(op, err)
			}
			live := make(map[string]bool, len(emps))
			for _, id := range emps {
				live[id] = true
			}
			rows := make([]domain.DevelopmentPlan, 0, len(chunk))
			changes := make([]change, 0, len(chunk))
			n := 0
			for i := range chunk {
				next := copyPlan(&chunk[i])
				next.ID, next.Version = ids[i], 0
				if skip[next.ID] {
					existing++
					continue
				}
				skip[next.ID] = true
				if !live[next.EmployeeID] {
					return domain.E(domain.CodeNotFound, op, nil, "entity", "employee", "id", next.EmployeeID)
				}
				if fe := domain.ValidatePlan(&next, methods); len(fe) > 0 {
					return fe.AsError(op)
				}
				base := &domain.DevelopmentPlan{EmployeeID: next.EmployeeID, Year: next.Year, State: domain.PlanDraft, History: domain.PlanHistory{}}
				if err := domain.CheckPlanUpdate(base, &next); err != nil {
					return err
				}
				ch, _, err := s.stamp(nil, &next, actionCreate)
				if err != nil {
					return domain.E(domain.CodeInternal, op, err)
				}
				rows = append(rows, next)
				changes = append(changes, ch)
				n++
			}
			if len(rows) > 0 {
				if err := tx.CreateInBatches(rows, 50).Error; err != nil {
					return dbErr(op, err)
				}
			}
			if err := s.appendChanges(tx, op, changes); err != nil {
				return err
			}
			created += n
			return nil
		})
		if err != nil {
			return created, existing, err
		}
		if progress != nil {
			progress(start+len(chunk), len(plans))
		}
	}
	return created, existing, nil
}

func employeeIDsOf(plans []domain.DevelopmentPlan) []string {
	out := make([]string, len(plans))
	for i := range plans {
		out[i] = plans[i].EmployeeID
	}
	return out
}

// PlanHistory returns the audit entries of a plan, newest first.
func (s *Store) PlanHistory(ctx context.Context, id string) ([]domain.AuditEntry, error) {
	var out []domain.AuditEntry
	err := s.DB.WithContext(ctx).Where("entity = ? AND entity_id = ?", domain.DevelopmentPlan{}.EntityName(), id).
		Order("at DESC, id DESC").Find(&out).Error
	return out, dbErr("plan.history", err)
}

// applyLineUpdate writes a completion's progress into its plan line inside
// tx. A plan that is gone (deleted) is left alone: the training record
// stands on its own.
func (s *Store) applyLineUpdate(tx *gorm.DB, op string, u *domain.PlanLineUpdate) error {
	if u == nil {
		return nil
	}
	prev, err := find[domain.DevelopmentPlan](tx, op, u.PlanID)
	if err != nil || prev == nil || prev.Deleted {
		return err
	}
	next := copyPlan(prev)
	if err := domain.ApplyLineUpdate(&next, *u); err != nil {
		return err
	}
	return s.savePlanTx(tx, op, prev, &next, nil)
}

// saveRow is the save of a syncable row with a caller's version: load the
// stored row (version.conflict when stale), let check validate next
// against it (prev nil for a new row), write.
func saveRow[T any, PT interface {
	*T
	domain.Syncable
}](s *Store, tx *gorm.DB, op string, next PT, check func(prev PT) error) error {
	prevT, err := loadForSave[T, PT](tx, op, next)
	if err != nil {
		return err
	}
	prev := PT(prevT)
	if check != nil {
		if err := check(prev); err != nil {
			return err
		}
	}
	return s.write(tx, op, prev, next, "")
}

// deleteRow tombstones a live row after check.
func deleteRow[T any, PT interface {
	*T
	domain.Syncable
}](s *Store, ctx context.Context, op, entity, id string, check func(tx *gorm.DB, row PT) error) error {
	return s.inTx(ctx, op, func(tx *gorm.DB) error {
		prevT, err := getLive[T, PT](tx, op, entity, id)
		if err != nil {
			return err
		}
		next := *prevT
		if check != nil {
			if err := check(tx, PT(prevT)); err != nil {
				return err
			}
		}
		PT(&next).Meta().Deleted = true
		return s.write(tx, op, PT(prevT), PT(&next), "")
	})
}

// isRetryable reports whether a failed transaction lost a race another
// writer won (a stale version, a row inserted meanwhile, a busy database)
// and may simply run again.
func isRetryable(err error) bool {
	if domain.IsCode(err, domain.CodeVersionConflict) {
		return true
	}
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != domain.CodeInternal {
		return false
	}
	msg := strings.ToLower(err.Error())
	for _, s := range []string{"unique", "duplicate key", "database is locked", "busy", "could not serialize", "deadlock"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// retryTx runs fn in a transaction, again (a few times) when it lost a race.
func (s *Store) retryTx(ctx context.Context, op string, fn func(tx *gorm.DB) error) error {
	var err error
	for range 8 {
		if err = s.inTx(ctx, op, fn); err == nil || !isRetryable(err) {
			return err
		}
		if ctx.Err() != nil {
			return err
		}
	}
	return err
}
