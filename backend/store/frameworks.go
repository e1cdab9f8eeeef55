package store

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// PublishFramework freezes the live, non-retired competencies into a new
// framework version numbered one above the last. Published versions never
// change: there is no update or delete for them.
func (s *Store) PublishFramework(ctx context.Context, note string) (*domain.FrameworkVersion, error) {
	const op = "framework.publish"
	var out *domain.FrameworkVersion
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		var cs []domain.Competency
		if err := tx.Where("deleted = ? AND retired = ?", false, false).Find(&cs).Error; err != nil {
			return dbErr(op, err)
		}
		sortCompetencies(cs)
		var last int
		if err := tx.Model(&domain.FrameworkVersion{}).Select("coalesce(max(number), 0)").Scan(&last).Error; err != nil {
			return dbErr(op, err)
		}
		fv := &domain.FrameworkVersion{
			Number:       last + 1,
			PublishedAt:  s.Now().UTC(),
			Note:         strings.TrimSpace(note),
			Competencies: domain.FrameworkSnapshot(cs),
		}
		if fv.Competencies == nil {
			fv.Competencies = domain.FrameworkSnapshot{}
		}
		if err := s.write(tx, op, nil, fv, actionCreate); err != nil {
			return err
		}
		out = fv
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ListFrameworkVersions returns the published versions, newest first,
// without their competency snapshots (GetFrameworkVersion has them).
func (s *Store) ListFrameworkVersions(ctx context.Context) ([]domain.FrameworkVersion, error) {
	var out []domain.FrameworkVersion
	err := s.DB.WithContext(ctx).Omit("competencies").Where("deleted = ?", false).Order("number DESC").Find(&out).Error
	return out, dbErr("framework.list", err)
}

// GetFrameworkVersion returns a published version with its snapshot.
func (s *Store) GetFrameworkVersion(ctx context.Context, number int) (*domain.FrameworkVersion, error) {
	const op = "framework.get"
	var fv domain.FrameworkVersion
	err := s.DB.WithContext(ctx).Where("number = ?", number).Take(&fv).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, domain.E(domain.CodeNotFound, op, nil, "entity", "framework_version", "number", number)
	}
	if err != nil {
		return nil, dbErr(op, err)
	}
	return &fv, nil
}
