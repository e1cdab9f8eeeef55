package framework

import (
	_ "embed"
	"fmt"
	"sync"

	"kembang/backend/domain"
)

//go:embed standards.json
var standardsJSON []byte

// levelsByType is the required level per competency type for one kind of position.
type levelsByType struct {
	Managerial    int    `json:"managerial"`
	SocioCultural int    `json:"socio_cultural"`
	Note          string `json:"note,omitempty"`
}

type standardsTable struct {
	About          string                               `json:"about"`
	ByPositionType map[domain.PositionType]levelsByType `json:"byPositionType"`
	Fungsional     struct {
		Note      string                          `json:"note"`
		ByJenjang map[domain.Jenjang]levelsByType `json:"byJenjang"`
	} `json:"fungsional"`
}

var loadStandards = sync.OnceValue(func() standardsTable {
	var t standardsTable
	if err := decodeStrict(standardsJSON, &t); err != nil {
		panic(fmt.Sprintf("framework: standards.json: %v", err))
	}
	return t
})

// DefaultStandards returns the default required levels of the nine built-in
// competencies for a position of type t (and jenjang j when t is
// fungsional), as a fresh map the caller may modify. It returns an empty map
// when the table has no row for t or j.
//
// The functional rows are unverified (see standards.json): the real
// standard of a position is the agency's SKJ, and these defaults only
// prefill it.
func DefaultStandards(t domain.PositionType, j domain.Jenjang) domain.Standards {
	table := loadStandards()
	var row levelsByType
	var ok bool
	if t == domain.Fungsional {
		row, ok = table.Fungsional.ByJenjang[j]
	} else {
		row, ok = table.ByPositionType[t]
	}
	out := domain.Standards{}
	if !ok {
		return out
	}
	for _, c := range loadDictionary().Competencies {
		switch c.Type {
		case domain.Managerial:
			out[c.Code] = row.Managerial
		case domain.SocioCultural:
			out[c.Code] = row.SocioCultural
		}
	}
	return out
}
