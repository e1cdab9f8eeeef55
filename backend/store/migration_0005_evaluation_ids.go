package store

import (
	"time"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// migrateEvaluationIDs moves evaluations to their derived ids
// (domain.EvaluationID). Before, each evaluation had a random id, so two
// laptops evaluating one participant at one level offline made two rows,
// and after sync every laptop held both. For each participant and level,
// the live rows are replaced by one row at the derived id holding the most
// recently edited one's content; every old row is tombstoned. Both are
// ordinary writes (outbox and audit rows in this transaction), so the
// server and the other laptops converge: two laptops moving the same old
// row write the same derived row, which the server merges as one. Pending
// mutations of the old rows are dropped: the derived row carries their
// content.
//
// evaluation0005 is the evaluations table as it stood at this migration.
type evaluation0005 struct {
	domain.SyncMeta
	EventID       string                   `json:"eventId"`
	ParticipantID string                   `json:"participantId"`
	EmployeeID    string                   `json:"employeeId"`
	Level         int                      `json:"level"`
	Instrument    string                   `json:"instrument"`
	Date          string                   `json:"date"`
	Score         *float64                 `json:"score"`
	PreScore      *float64                 `json:"preScore"`
	Answers       domain.EvaluationAnswers `json:"answers"`
	EvaluatorName string                   `json:"evaluatorName"`
	EvaluatorNIP  string                   `gorm:"column:evaluator_nip" json:"evaluatorNip"`
	Note          string                   `json:"note"`
}

func (evaluation0005) TableName() string  { return "evaluations" }
func (evaluation0005) EntityName() string { return "evaluation" }

func migrateEvaluationIDs(tx *gorm.DB) error {
	const op = "store.migrate_evaluation_ids"
	var rows []evaluation0005
	if err := tx.Where("NOT deleted").Order("participant_id, level, updated_at DESC, version DESC, id DESC").Find(&rows).Error; err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	var device string
	if err := tx.Table("settings").Select("value").Where("key = ?", "device.id").Scan(&device).Error; err != nil {
		return err
	}
	s := &Store{Now: time.Now, NewID: NewUUIDv7, Device: device, Actor: "migration"}
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].ParticipantID == rows[i].ParticipantID && rows[j].Level == rows[i].Level {
			j++
		}
		group := rows[i:j]
		i = j
		want := domain.EvaluationID(group[0].ParticipantID, group[0].Level)
		if len(group) == 1 && group[0].ID == want {
			continue
		}
		winner := group[0] // the latest edit
		for k := range group {
			old := group[k]
			if old.ID == want {
				continue
			}
			if err := tx.Exec("DELETE FROM outbox WHERE entity = ? AND entity_id = ?", "evaluation", old.ID).Error; err != nil {
				return err
			}
			gone := old
			gone.Deleted = true
			if err := s.write(tx, op, &old, &gone, ""); err != nil {
				return err
			}
		}
		var derived []evaluation0005
		if err := tx.Where("id = ?", want).Limit(1).Find(&derived).Error; err != nil {
			return err
		}
		next := winner
		next.SyncMeta = domain.SyncMeta{ID: want}
		if len(derived) == 1 {
			// The derived row exists (a live one among the group when it
			// was not the latest edit, or a tombstone): it takes the
			// content.
			if err := s.write(tx, op, &derived[0], &next, ""); err != nil {
				return err
			}
			continue
		}
		if err := s.write(tx, op, nil, &next, ""); err != nil {
			return err
		}
	}
	return nil
}
