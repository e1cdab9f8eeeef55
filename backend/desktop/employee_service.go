package desktop

import (
	"fmt"
	"strings"

	"kembang/backend/domain"
	"kembang/backend/store"
)

// EmployeeService lists, edits and audits employees.
type EmployeeService struct{ b *Backend }

// EmployeeQuery filters the employee list.
type EmployeeQuery struct {
	Text           string `json:"text"`
	UnitID         string `json:"unitId"`
	PositionID     string `json:"positionId"`
	IncludeDeleted bool   `json:"includeDeleted"`
	Limit          int    `json:"limit"`
	Offset         int    `json:"offset"`
}

// EmployeeItem is an employee as the UI shows it.
type EmployeeItem struct {
	ID            string  `json:"id"`
	Version       int64   `json:"version"`
	NIP           string  `json:"nip"`
	NIPPrinted    string  `json:"nipPrinted"`
	Name          string  `json:"name"`
	FullName      string  `json:"fullName"`
	GelarDepan    string  `json:"gelarDepan"`
	GelarBelakang string  `json:"gelarBelakang"`
	Golongan      string  `json:"golongan"`
	Pangkat       string  `json:"pangkat"`
	PositionID    *string `json:"positionId"`
	PositionName  string  `json:"positionName"`
	UnitID        *string `json:"unitId"`
	UnitName      string  `json:"unitName"`
	Gender        string  `json:"gender"`
	BirthDate     string  `json:"birthDate"`
	Email         string  `json:"email"`
	Phone         string  `json:"phone"`
	Deleted       bool    `json:"deleted"`
	UpdatedAt     string  `json:"updatedAt"`
}

// EmployeePage is one page of search results.
type EmployeePage struct {
	Items []EmployeeItem `json:"items"`
	Total int            `json:"total"`
}

// EmployeeInput is what the edit form sends.
type EmployeeInput struct {
	ID            string  `json:"id"`
	Version       int64   `json:"version"`
	NIP           string  `json:"nip"`
	Name          string  `json:"name"`
	GelarDepan    string  `json:"gelarDepan"`
	GelarBelakang string  `json:"gelarBelakang"`
	Golongan      string  `json:"golongan"`
	PositionID    *string `json:"positionId"`
	UnitID        *string `json:"unitId"`
	Gender        string  `json:"gender"`
	BirthDate     string  `json:"birthDate"`
	Email         string  `json:"email"`
	Phone         string  `json:"phone"`
}

// NIPInfo is live feedback on a NIP being typed.
type NIPInfo struct {
	Valid     bool   `json:"valid"`
	Code      string `json:"code"`
	Digits    string `json:"digits"`
	Printed   string `json:"printed"`
	BirthDate string `json:"birthDate"`
	Gender    string `json:"gender"`
	TMT       string `json:"tmt"`
}

// GolonganOption is one golongan/ruang with its pangkat.
type GolonganOption struct {
	Code    string `json:"code"`
	Pangkat string `json:"pangkat"`
}

func itemFrom(r store.EmployeeRow) EmployeeItem {
	e := r.Employee
	return EmployeeItem{
		ID: e.ID, Version: e.Version, NIP: e.NIP, NIPPrinted: domain.FormatNIP(e.NIP),
		Name: e.Name, FullName: e.FullName(), GelarDepan: e.GelarDepan, GelarBelakang: e.GelarBelakang,
		Golongan: e.Golongan, Pangkat: domain.Pangkat(e.Golongan),
		PositionID: e.PositionID, PositionName: r.PositionName, UnitID: e.UnitID, UnitName: r.UnitName,
		Gender: string(e.Gender), BirthDate: e.BirthDate, Email: e.Email, Phone: e.Phone,
		Deleted: e.Deleted, UpdatedAt: e.UpdatedAt.UTC().Format("2006-01-02T15:04:05Z"),
	}
}

func emptyToNil(p *string) *string {
	if p == nil || strings.TrimSpace(*p) == "" {
		return nil
	}
	return p
}

// Search finds employees by name, NIP, unit or position.
func (s *EmployeeService) Search(q EmployeeQuery) (EmployeePage, error) {
	c, err := s.b.Core()
	if err != nil {
		return EmployeePage{}, err
	}
	rows, total, err := c.Store.SearchEmployees(s.b.context(), store.EmployeeQuery(q))
	if err != nil {
		return EmployeePage{}, err
	}
	page := EmployeePage{Items: make([]EmployeeItem, len(rows)), Total: total}
	for i, r := range rows {
		page.Items[i] = itemFrom(r)
	}
	return page, nil
}

// Get returns one employee.
func (s *EmployeeService) Get(id string) (EmployeeItem, error) {
	c, err := s.b.Core()
	if err != nil {
		return EmployeeItem{}, err
	}
	r, err := c.Store.GetEmployee(s.b.context(), id)
	if err != nil {
		return EmployeeItem{}, err
	}
	return itemFrom(*r), nil
}

// Save creates (empty id) or updates an employee; validation problems come
// back as code "invalid" with details.fields.
func (s *EmployeeService) Save(in EmployeeInput) (EmployeeItem, error) {
	c, err := s.b.Core()
	if err != nil {
		return EmployeeItem{}, err
	}
	ctx := s.b.context()
	e := domain.Employee{
		NIP: in.NIP, Name: in.Name, GelarDepan: in.GelarDepan, GelarBelakang: in.GelarBelakang,
		Golongan: in.Golongan, PositionID: emptyToNil(in.PositionID), UnitID: emptyToNil(in.UnitID),
		Gender: domain.Gender(in.Gender), BirthDate: in.BirthDate, Email: in.Email, Phone: in.Phone,
	}
	e.ID, e.Version = in.ID, in.Version
	if in.ID != "" {
		// Keep what the form does not carry (tombstone, device) from the stored row.
		old, err := c.Store.GetEmployee(ctx, in.ID)
		if err != nil {
			return EmployeeItem{}, err
		}
		e.Deleted = old.Deleted
	}
	if err := c.Store.SaveEmployee(ctx, &e); err != nil {
		return EmployeeItem{}, err
	}
	return s.Get(e.ID)
}

// Delete soft-deletes an employee (a tombstone that syncs).
func (s *EmployeeService) Delete(id string) error {
	c, err := s.b.Core()
	if err != nil {
		return err
	}
	return c.Store.DeleteEmployee(s.b.context(), id)
}

// Restore brings back a soft-deleted employee.
func (s *EmployeeService) Restore(id string) error {
	c, err := s.b.Core()
	if err != nil {
		return err
	}
	return c.Store.RestoreEmployee(s.b.context(), id)
}

// History is the audit trail of one employee, newest first.
func (s *EmployeeService) History(id string) ([]domain.AuditEntry, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Store.EmployeeHistory(s.b.context(), id)
}

// CheckNIP explains a NIP as it is typed.
func (s *EmployeeService) CheckNIP(nip string) NIPInfo {
	n, err := domain.ParseNIP(nip)
	if err != nil {
		return NIPInfo{Code: domain.ErrorCode(err)}
	}
	return NIPInfo{
		Valid: true, Digits: n.Digits, Printed: domain.FormatNIP(n.Digits),
		BirthDate: n.BirthDate.Format("2006-01-02"), Gender: string(n.Gender),
		TMT: fmt.Sprintf("%04d-%02d", n.TMTYear, n.TMTMonth),
	}
}

// Golongans lists every golongan/ruang with its pangkat.
func (s *EmployeeService) Golongans() []GolonganOption {
	out := make([]GolonganOption, len(domain.Golongans))
	for i, g := range domain.Golongans {
		out[i] = GolonganOption{Code: g, Pangkat: domain.Pangkat(g)}
	}
	return out
}
