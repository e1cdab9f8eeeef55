package framework

import (
	_ "embed"
	"fmt"
	"sync"

	"kembang/backend/domain"
)

// The development-method catalogue of Peraturan LAN 10/2018 with its JP
// conversion rules (methods.json), and the rules that propose methods when
// a plan is drafted (drafting.json). Both are embedded, editable data,
// decoded strictly and validated by the domain rules at first use; a bad
// file is a programming error the tests catch.

//go:embed methods.json
var methodsJSON []byte

//go:embed drafting.json
var draftingJSON []byte

type methodCatalogue struct {
	About   string                     `json:"about"`
	Sources []string                   `json:"sources"`
	Version int                        `json:"version"`
	Methods []domain.DevelopmentMethod `json:"methods"`
}

type draftingTable struct {
	About   string                `json:"about"`
	Version int                   `json:"version"`
	Rules   []domain.DraftingRule `json:"rules"`
}

var loadMethods = sync.OnceValue(func() methodCatalogue {
	var c methodCatalogue
	if err := decodeStrict(methodsJSON, &c); err != nil {
		panic(fmt.Sprintf("framework: methods.json: %v", err))
	}
	if c.Version < 1 || len(c.Methods) == 0 {
		panic("framework: methods.json: version and methods are required")
	}
	seen := map[string]bool{}
	for _, m := range c.Methods {
		if errs := domain.ValidateDevelopmentMethod(m); errs != nil {
			panic(fmt.Sprintf("framework: methods.json: %s: %v", m.Code, errs))
		}
		if seen[m.Code] {
			panic(fmt.Sprintf("framework: methods.json: %s listed twice", m.Code))
		}
		seen[m.Code] = true
	}
	return c
})

var loadDrafting = sync.OnceValue(func() draftingTable {
	var t draftingTable
	if err := decodeStrict(draftingJSON, &t); err != nil {
		panic(fmt.Sprintf("framework: drafting.json: %v", err))
	}
	if t.Version < 1 || len(t.Rules) == 0 {
		panic("framework: drafting.json: version and rules are required")
	}
	if errs := domain.ValidateDraftingRules(t.Rules, MethodsByCode()); errs != nil {
		panic(fmt.Sprintf("framework: drafting.json: %v", errs))
	}
	return t
})

// Methods returns the catalogue in file order (classical, non-classical,
// then education), as a fresh deep copy the caller may modify.
func Methods() []domain.DevelopmentMethod {
	src := loadMethods().Methods
	out := make([]domain.DevelopmentMethod, len(src))
	for i, m := range src {
		out[i] = copyMethod(m)
	}
	return out
}

// Method returns the catalogue entry with code.
func Method(code string) (domain.DevelopmentMethod, bool) {
	for _, m := range loadMethods().Methods {
		if m.Code == code {
			return copyMethod(m), true
		}
	}
	return domain.DevelopmentMethod{}, false
}

// MethodsByCode returns the catalogue keyed by code, the form the domain
// rules (DraftPlan, ValidatePlan, …) take.
func MethodsByCode() map[string]domain.DevelopmentMethod {
	src := loadMethods().Methods
	out := make(map[string]domain.DevelopmentMethod, len(src))
	for _, m := range src {
		out[m.Code] = copyMethod(m)
	}
	return out
}

// MonthlyJPCaps returns each method's MaxPerMonth, for domain.CapMonthly.
func MonthlyJPCaps() map[string]float64 {
	out := map[string]float64{}
	for _, m := range loadMethods().Methods {
		if m.JP.MaxPerMonth > 0 {
			out[m.Code] = m.JP.MaxPerMonth
		}
	}
	return out
}

// DraftingRules returns the rules proposing methods by competency type and
// gap size, in the order they are tried, as a fresh copy.
func DraftingRules() []domain.DraftingRule {
	src := loadDrafting().Rules
	out := make([]domain.DraftingRule, len(src))
	for i, r := range src {
		r.Methods = append([]string(nil), r.Methods...)
		out[i] = r
	}
	return out
}

func copyMethod(m domain.DevelopmentMethod) domain.DevelopmentMethod {
	if m.Programmes != nil {
		m.Programmes = append([]string(nil), m.Programmes...)
	}
	return m
}
