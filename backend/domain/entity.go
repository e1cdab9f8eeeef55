package domain

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

// SyncMeta is the identity every syncable row carries (see SYNC.md): a
// client-made UUIDv7, a version bumped on each change, who/when, and a
// tombstone instead of a hard delete.
type SyncMeta struct {
	ID              string    `gorm:"primaryKey;size:36" json:"id"`
	Version         int64     `gorm:"not null;default:1" json:"version"`
	UpdatedAt       time.Time `gorm:"not null;autoUpdateTime:false" json:"updatedAt"`
	UpdatedByDevice string    `gorm:"size:64;not null;default:''" json:"updatedByDevice"`
	Deleted         bool      `gorm:"not null;default:false;index" json:"deleted"`
}

// Meta gives access to the embedded SyncMeta through an interface.
func (m *SyncMeta) Meta() *SyncMeta { return m }

// Syncable is implemented by every entity that travels through the outbox.
type Syncable interface {
	Meta() *SyncMeta
	EntityName() string
}

// Office is a field office (BKPSDM, regional BKN office, a ministry's unit).
type Office struct {
	SyncMeta
	Code string `gorm:"size:32;not null;default:''" json:"code"`
	Name string `gorm:"size:200;not null" json:"name"`
}

func (Office) EntityName() string { return "office" }

// Unit is a unit kerja; units form a tree inside an office.
type Unit struct {
	SyncMeta
	OfficeID string  `gorm:"size:36;not null;index" json:"officeId"`
	ParentID *string `gorm:"size:36;index" json:"parentId"`
	Code     string  `gorm:"size:32;not null;default:''" json:"code"`
	Name     string  `gorm:"size:200;not null" json:"name"`
}

func (Unit) EntityName() string { return "unit" }

// CompetencyType is jenis kompetensi.
type CompetencyType string

const (
	Technical     CompetencyType = "technical"      // teknis
	Managerial    CompetencyType = "managerial"     // manajerial
	SocioCultural CompetencyType = "socio_cultural" // sosial kultural
)

// Valid reports whether t is one of the three types.
func (t CompetencyType) Valid() bool {
	return t == Technical || t == Managerial || t == SocioCultural
}

// CompetencyLevel describes one of the five proficiency levels of a competency.
type CompetencyLevel struct {
	Level       int      `json:"level"`
	Name        string   `json:"name"` // Paham, Dasar, Menengah, Mumpuni, Ahli
	Description string   `json:"description"`
	Indicators  []string `json:"indicators"` // indikator perilaku
}

// Levels is stored as one JSON column; a competency always has levels 1–5.
type Levels []CompetencyLevel

func (l Levels) Value() (driver.Value, error) { return jsonValue(l) }
func (l *Levels) Scan(src any) error          { return jsonScan(src, l) }

// Competency is one entry of the framework. Built-in ones (M.1–M.8, SK.1)
// come from PermenPAN-RB 38/2017 and are read-only; technical ones are the
// agency's own.
type Competency struct {
	SyncMeta
	Code       string         `gorm:"size:32;not null;uniqueIndex" json:"code"`
	Type       CompetencyType `gorm:"size:20;not null;index" json:"type"`
	Name       string         `gorm:"size:200;not null" json:"name"`
	Definition string         `gorm:"type:text;not null;default:''" json:"definition"`
	Levels     Levels         `gorm:"type:text;not null" json:"levels"`
	BuiltIn    bool           `gorm:"not null;default:false" json:"builtIn"`
	Retired    bool           `gorm:"not null;default:false" json:"retired"`
}

func (Competency) EntityName() string { return "competency" }

// FrameworkSnapshot is the frozen content of a published framework version.
type FrameworkSnapshot []Competency

func (s FrameworkSnapshot) Value() (driver.Value, error) { return jsonValue(s) }
func (s *FrameworkSnapshot) Scan(src any) error          { return jsonScan(src, s) }

// FrameworkVersion is a published, immutable copy of the whole framework.
// Assessments pin the version they used.
type FrameworkVersion struct {
	SyncMeta
	Number       int               `gorm:"not null;uniqueIndex" json:"number"`
	PublishedAt  time.Time         `gorm:"not null" json:"publishedAt"`
	Note         string            `gorm:"type:text;not null;default:''" json:"note"`
	Competencies FrameworkSnapshot `gorm:"type:text;not null" json:"competencies"`
}

func (FrameworkVersion) EntityName() string { return "framework_version" }

// PositionType is jenis jabatan.
type PositionType string

const (
	JPTUtama      PositionType = "jpt_utama"
	JPTMadya      PositionType = "jpt_madya"
	JPTPratama    PositionType = "jpt_pratama"
	Administrator PositionType = "administrator"
	Pengawas      PositionType = "pengawas"
	Pelaksana     PositionType = "pelaksana"
	Fungsional    PositionType = "fungsional"
)

// PositionTypes lists every position type in order of seniority.
var PositionTypes = []PositionType{JPTUtama, JPTMadya, JPTPratama, Administrator, Pengawas, Pelaksana, Fungsional}

// Valid reports whether t is a known position type.
func (t PositionType) Valid() bool {
	for _, v := range PositionTypes {
		if v == t {
			return true
		}
	}
	return false
}

// Jenjang is the grade of a functional position (jabatan fungsional).
type Jenjang string

const (
	AhliUtama   Jenjang = "ahli_utama"
	AhliMadya   Jenjang = "ahli_madya"
	AhliMuda    Jenjang = "ahli_muda"
	AhliPertama Jenjang = "ahli_pertama"
	Penyelia    Jenjang = "penyelia"
	Mahir       Jenjang = "mahir"
	Terampil    Jenjang = "terampil"
	Pemula      Jenjang = "pemula"
)

// Jenjangs lists every functional grade, expertise track first.
var Jenjangs = []Jenjang{AhliUtama, AhliMadya, AhliMuda, AhliPertama, Penyelia, Mahir, Terampil, Pemula}

// Valid reports whether j is a known grade.
func (j Jenjang) Valid() bool {
	for _, v := range Jenjangs {
		if v == j {
			return true
		}
	}
	return false
}

// Standards maps a competency code to the required level 1–5.
type Standards map[string]int

func (s Standards) Value() (driver.Value, error) { return jsonValue(s) }
func (s *Standards) Scan(src any) error          { return jsonScan(src, s) }

// Position is a jabatan with its required competency levels (SKJ).
type Position struct {
	SyncMeta
	Code      string       `gorm:"size:32;not null;default:''" json:"code"`
	Name      string       `gorm:"size:200;not null;index" json:"name"`
	Type      PositionType `gorm:"size:20;not null" json:"type"`
	Jenjang   Jenjang      `gorm:"size:20;not null;default:''" json:"jenjang"`
	UnitID    *string      `gorm:"size:36;index" json:"unitId"`
	Standards Standards    `gorm:"type:text;not null" json:"standards"`
	// NeedsReview marks positions created by an import whose standards the
	// admin has not completed yet.
	NeedsReview bool `gorm:"not null;default:false" json:"needsReview"`
}

func (Position) EntityName() string { return "position" }

// Gender is jenis kelamin, L (laki-laki) or P (perempuan).
type Gender string

const (
	Male   Gender = "L"
	Female Gender = "P"
)

// Employee is a civil servant (PNS) of the office.
type Employee struct {
	SyncMeta
	NIP           string  `gorm:"size:18;not null;uniqueIndex" json:"nip"` // 18 digits, normalised
	Name          string  `gorm:"size:200;not null;index" json:"name"`     // without titles
	GelarDepan    string  `gorm:"size:100;not null;default:''" json:"gelarDepan"`
	GelarBelakang string  `gorm:"size:100;not null;default:''" json:"gelarBelakang"`
	Golongan      string  `gorm:"size:6;not null;default:''" json:"golongan"` // e.g. III/c
	PositionID    *string `gorm:"size:36;index" json:"positionId"`
	UnitID        *string `gorm:"size:36;index" json:"unitId"`
	Gender        Gender  `gorm:"size:1;not null;default:''" json:"gender"`
	BirthDate     string  `gorm:"size:10;not null;default:''" json:"birthDate"` // YYYY-MM-DD
	Email         string  `gorm:"size:200;not null;default:''" json:"email"`
	Phone         string  `gorm:"size:32;not null;default:''" json:"phone"`
}

func (Employee) EntityName() string { return "employee" }

// FullName is the name as printed: gelar depan, name, gelar belakang.
func (e Employee) FullName() string {
	s := e.Name
	if e.GelarDepan != "" {
		s = e.GelarDepan + " " + s
	}
	if e.GelarBelakang != "" {
		s = s + ", " + e.GelarBelakang
	}
	return s
}

// OutboxEntry is one local mutation waiting to be pushed to the server. It is
// written in the same transaction as the row it describes.
type OutboxEntry struct {
	MutationID  string    `gorm:"primaryKey;size:36" json:"mutationId"`
	Entity      string    `gorm:"size:40;not null;index" json:"entity"`
	EntityID    string    `gorm:"size:36;not null" json:"entityId"`
	BaseVersion int64     `gorm:"not null" json:"baseVersion"`
	Payload     string    `gorm:"type:text;not null" json:"payload"`
	CreatedAt   time.Time `gorm:"not null;autoCreateTime:false" json:"createdAt"`
}

func (OutboxEntry) TableName() string { return "outbox" }

// AuditEntry records who changed what and when on this installation.
type AuditEntry struct {
	ID       string    `gorm:"primaryKey;size:36" json:"id"`
	At       time.Time `gorm:"not null;index" json:"at"`
	Actor    string    `gorm:"size:100;not null" json:"actor"`
	Device   string    `gorm:"size:64;not null" json:"device"`
	Entity   string    `gorm:"size:40;not null;index:idx_audit_entity" json:"entity"`
	EntityID string    `gorm:"size:36;not null;index:idx_audit_entity" json:"entityId"`
	Action   string    `gorm:"size:20;not null" json:"action"` // create, update, delete, import
	// Changes is a JSON object field → [old, new].
	Changes string `gorm:"type:text;not null" json:"changes"`
}

func jsonValue(v any) (driver.Value, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

func jsonScan(src any, dst any) error {
	switch s := src.(type) {
	case nil:
		return nil
	case string:
		return json.Unmarshal([]byte(s), dst)
	case []byte:
		return json.Unmarshal(s, dst)
	default:
		return fmt.Errorf("cannot scan %T into JSON column", src)
	}
}
