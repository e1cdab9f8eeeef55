package core

import (
	"context"
	"strings"

	"kembang/backend/demo"
	"kembang/backend/domain"
)

// LoadDemo fills the workspace with a realistic district office (units,
// technical competencies, positions with standards and n employees) through
// the same write paths as a user's import. Loading twice with the same seed
// changes nothing.
func (c *Core) LoadDemo(ctx context.Context, n int, seed int64) (domain.ImportResult, error) {
	data := demo.Generate(n, seed)
	if err := c.Store.RenameLocalOffice(ctx, data.OfficeName); err != nil {
		return domain.ImportResult{}, err
	}
	if err := c.ensureUnitTree(ctx, data.UnitNames, data.UnitParents); err != nil {
		return domain.ImportResult{}, err
	}
	if _, err := c.Store.ApplyCompetencyImport(ctx, data.Competencies, nil); err != nil {
		return domain.ImportResult{}, err
	}
	if _, err := c.Store.ApplyPositionImport(ctx, data.Positions, nil); err != nil {
		return domain.ImportResult{}, err
	}
	return c.Store.ApplyEmployeeImport(ctx, data.Employees, nil)
}

// ensureUnitTree creates the named units that do not exist yet, parents
// before children.
func (c *Core) ensureUnitTree(ctx context.Context, names []string, parents map[string]string) error {
	units, err := c.Store.ListUnits(ctx)
	if err != nil {
		return err
	}
	ids := make(map[string]string, len(units))
	for _, u := range units {
		ids[strings.ToLower(u.Name)] = u.ID
	}
	var ensure func(name string, depth int) (string, error)
	ensure = func(name string, depth int) (string, error) {
		if id, ok := ids[strings.ToLower(name)]; ok {
			return id, nil
		}
		u := domain.Unit{Name: name}
		if parent := parents[name]; parent != "" && depth < 16 {
			pid, err := ensure(parent, depth+1)
			if err != nil {
				return "", err
			}
			u.ParentID = &pid
		}
		if err := c.Store.SaveUnit(ctx, &u); err != nil {
			return "", err
		}
		ids[strings.ToLower(name)] = u.ID
		return u.ID, nil
	}
	for _, name := range names {
		if _, err := ensure(name, 0); err != nil {
			return err
		}
	}
	return nil
}
