// Package framework holds the built-in competency dictionary of PermenPAN-RB
// 38/2017 (eight managerial competencies and one socio-cultural one), the
// generic technical level template, and the default required levels per
// position type. The content lives in embedded JSON files so that it is
// data, not code: dictionary.json and standards.json.
package framework

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"

	"kembang/backend/domain"
)

// Namespace is Kembang's fixed UUID namespace for ids derived from names.
// Every laptop and the server derive the same id for the same built-in
// competency, so built-ins never conflict during sync. Never change it.
var Namespace = uuid.MustParse("4801bb4e-0997-43c5-a77e-a960aa4dd07f")

// CompetencyID is the deterministic id of the competency with the given code:
// a UUIDv5 (SHA-1) of "kembang/competency/"+code in Namespace.
func CompetencyID(code string) string {
	return uuid.NewSHA1(Namespace, []byte("kembang/competency/"+code)).String()
}

//go:embed dictionary.json
var dictionaryJSON []byte

type dictionary struct {
	About                  string              `json:"about"`
	Version                int64               `json:"version"`
	UpdatedAt              time.Time           `json:"updatedAt"`
	Competencies           []domain.Competency `json:"competencies"`
	TechnicalLevelTemplate domain.Levels       `json:"technicalLevelTemplate"`
}

// loadDictionary parses the embedded dictionary once. The file is part of
// the binary, so a parse error is a programming error caught by the tests.
var loadDictionary = sync.OnceValue(func() dictionary {
	var d dictionary
	if err := decodeStrict(dictionaryJSON, &d); err != nil {
		panic(fmt.Sprintf("framework: dictionary.json: %v", err))
	}
	if d.Version < 1 || d.UpdatedAt.IsZero() {
		panic("framework: dictionary.json: version and updatedAt are required")
	}
	for i := range d.Competencies {
		c := &d.Competencies[i]
		if errs := domain.ValidateCompetency(c); errs != nil {
			panic(fmt.Sprintf("framework: dictionary.json: %s: %v", c.Code, errs))
		}
		c.ID = CompetencyID(c.Code)
		c.Version = d.Version
		c.UpdatedAt = d.UpdatedAt
		c.BuiltIn = true
	}
	return d
})

// BuiltIn returns the nine built-in competencies (M.1–M.8, SK.1) in
// dictionary order, with deterministic ids, BuiltIn set, the dictionary's
// version (1) and its fixed UpdatedAt. Each call returns a fresh deep copy
// that the caller may modify.
func BuiltIn() []domain.Competency {
	src := loadDictionary().Competencies
	out := make([]domain.Competency, len(src))
	for i, c := range src {
		c.Levels = copyLevels(c.Levels)
		out[i] = c
	}
	return out
}

// BuiltInCodes returns the codes of the built-in competencies in dictionary order.
func BuiltInCodes() []string {
	src := loadDictionary().Competencies
	codes := make([]string, len(src))
	for i, c := range src {
		codes[i] = c.Code
	}
	return codes
}

// TechnicalLevelTemplate returns the generic descriptions of technical
// competency levels 1–5, used to prefill a new technical competency. The
// indicators are empty: the agency writes its own for each competency.
func TechnicalLevelTemplate() domain.Levels {
	return copyLevels(loadDictionary().TechnicalLevelTemplate)
}

func copyLevels(src domain.Levels) domain.Levels {
	out := make(domain.Levels, len(src))
	for i, l := range src {
		l.Indicators = append(make([]string, 0, len(l.Indicators)), l.Indicators...)
		out[i] = l
	}
	return out
}

// decodeStrict rejects unknown fields, so a typo in the editable JSON files
// fails the tests instead of silently dropping a value.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
