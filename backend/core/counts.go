package core

import (
	"context"

	"kembang/backend/store"
)

// Counts are the sizes shown on the dashboard.
type Counts struct {
	Employees         int `json:"employees"`
	Positions         int `json:"positions"`
	PositionsToReview int `json:"positionsToReview"`
	Units             int `json:"units"`
	Competencies      int `json:"competencies"`
	FrameworkVersions int `json:"frameworkVersions"`
}

// Counts reads the dashboard figures.
func (c *Core) Counts(ctx context.Context) (Counts, error) {
	var n Counts
	_, total, err := c.Store.SearchEmployees(ctx, store.EmployeeQuery{Limit: 1})
	if err != nil {
		return n, err
	}
	n.Employees = total
	positions, err := c.Store.ListPositions(ctx)
	if err != nil {
		return n, err
	}
	n.Positions = len(positions)
	for _, p := range positions {
		if p.NeedsReview {
			n.PositionsToReview++
		}
	}
	units, err := c.Store.ListUnits(ctx)
	if err != nil {
		return n, err
	}
	n.Units = len(units)
	comps, err := c.Store.ListCompetencies(ctx, false)
	if err != nil {
		return n, err
	}
	n.Competencies = len(comps)
	versions, err := c.Store.ListFrameworkVersions(ctx)
	if err != nil {
		return n, err
	}
	n.FrameworkVersions = len(versions)
	return n, nil
}
