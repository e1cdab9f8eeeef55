package framework

import (
	"strings"

	"kembang/backend/domain"
)

var positionTypeLabels = map[domain.PositionType]string{
	domain.JPTUtama:      "JPT Utama",
	domain.JPTMadya:      "JPT Madya",
	domain.JPTPratama:    "JPT Pratama",
	domain.Administrator: "Administrator",
	domain.Pengawas:      "Pengawas",
	domain.Pelaksana:     "Pelaksana",
	domain.Fungsional:    "Fungsional",
}

var jenjangLabels = map[domain.Jenjang]string{
	domain.AhliUtama:   "Ahli Utama",
	domain.AhliMadya:   "Ahli Madya",
	domain.AhliMuda:    "Ahli Muda",
	domain.AhliPertama: "Ahli Pertama",
	domain.Penyelia:    "Penyelia",
	domain.Mahir:       "Mahir",
	domain.Terampil:    "Terampil",
	domain.Pemula:      "Pemula",
}

// PositionTypeLabel is the Indonesian label of t ("JPT Pratama"), or the raw
// value when t is unknown.
func PositionTypeLabel(t domain.PositionType) string {
	if l, ok := positionTypeLabels[t]; ok {
		return l
	}
	return string(t)
}

// JenjangLabel is the Indonesian label of j ("Ahli Muda"), or the raw value
// when j is unknown.
func JenjangLabel(j domain.Jenjang) string {
	if l, ok := jenjangLabels[j]; ok {
		return l
	}
	return string(j)
}

// positionTypeAliases are other names that spreadsheets use for a position
// type, keyed by their normalised form (see normaliseLabel). The eselon
// equivalences follow UU 5/2014 Pasal 131; bare "Eselon I" and "Eselon I.a"
// are left out on purpose because eselon I.a is JPT Utama for the head of a
// non-ministerial agency and JPT Madya elsewhere.
var positionTypeAliases = map[string]domain.PositionType{
	"jabatan pimpinan tinggi utama":   domain.JPTUtama,
	"pimpinan tinggi utama":           domain.JPTUtama,
	"jabatan pimpinan tinggi madya":   domain.JPTMadya,
	"pimpinan tinggi madya":           domain.JPTMadya,
	"jabatan pimpinan tinggi pratama": domain.JPTPratama,
	"pimpinan tinggi pratama":         domain.JPTPratama,
	"jabatan administrator":           domain.Administrator,
	"jabatan pengawas":                domain.Pengawas,
	"jabatan pelaksana":               domain.Pelaksana,
	"jabatan fungsional":              domain.Fungsional,
	"jf":                              domain.Fungsional,
	"jft":                             domain.Fungsional,
	"fungsional tertentu":             domain.Fungsional,
	"jabatan fungsional tertentu":     domain.Fungsional,
	"jfu":                             domain.Pelaksana, // fungsional umum, renamed pelaksana by UU 5/2014
	"fungsional umum":                 domain.Pelaksana,
	"jabatan fungsional umum":         domain.Pelaksana,
	"eselon ib":                       domain.JPTMadya,
	"eselon ii":                       domain.JPTPratama,
	"eselon iia":                      domain.JPTPratama,
	"eselon iib":                      domain.JPTPratama,
	"eselon iii":                      domain.Administrator,
	"eselon iiia":                     domain.Administrator,
	"eselon iiib":                     domain.Administrator,
	"eselon iv":                       domain.Pengawas,
	"eselon iva":                      domain.Pengawas,
	"eselon ivb":                      domain.Pengawas,
	"eselon v":                        domain.Pelaksana,
	"eselon va":                       domain.Pelaksana,
}

// ParsePositionType reads a position type from a code ("jpt_pratama"), its
// label ("JPT Pratama", any case and spacing), a longer official name
// ("Jabatan Pimpinan Tinggi Pratama") or an old eselon ("Eselon II.b",
// "Eselon IV/a"). It reports false for anything else, including "".
func ParsePositionType(s string) (domain.PositionType, bool) {
	key := normaliseLabel(s)
	if key == "" {
		return "", false
	}
	for t, label := range positionTypeLabels {
		if key == normaliseLabel(string(t)) || key == normaliseLabel(label) {
			return t, true
		}
	}
	if t, ok := positionTypeAliases[key]; ok {
		return t, true
	}
	if rest, ok := strings.CutPrefix(key, "eselon "); ok {
		// "ii.a", "ii/a", "ii a" and "iia" all mean eselon II.a.
		compact := strings.NewReplacer(".", "", "/", "", " ", "").Replace(rest)
		if t, ok := positionTypeAliases["eselon "+compact]; ok {
			return t, true
		}
	}
	return "", false
}

// ParseJenjang reads a functional grade from a code ("ahli_muda") or its
// label ("Ahli Muda", any case and spacing). It reports false for anything
// else, including "".
func ParseJenjang(s string) (domain.Jenjang, bool) {
	key := normaliseLabel(s)
	if key == "" {
		return "", false
	}
	for j, label := range jenjangLabels {
		if key == normaliseLabel(string(j)) || key == normaliseLabel(label) {
			return j, true
		}
	}
	return "", false
}

// normaliseLabel lower-cases s, treats underscores and hyphens as spaces and
// collapses runs of white space, so "JPT_Pratama", "jpt-pratama" and
// " JPT  Pratama " compare equal.
func normaliseLabel(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("_", " ", "-", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}
