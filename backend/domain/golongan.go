package domain

import "strings"

// Golongans lists every golongan/ruang (rank group) of a PNS in order,
// lowest first. See DOMAIN.md §7.
var Golongans = []string{
	"I/a", "I/b", "I/c", "I/d",
	"II/a", "II/b", "II/c", "II/d",
	"III/a", "III/b", "III/c", "III/d",
	"IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
}

// pangkat is the rank title of each golongan.
var pangkat = map[string]string{
	"I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I",
	"II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur", "II/d": "Pengatur Tingkat I",
	"III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I", "III/c": "Penata", "III/d": "Penata Tingkat I",
	"IV/a": "Pembina", "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda",
	"IV/d": "Pembina Utama Madya", "IV/e": "Pembina Utama",
}

// Pangkat returns the rank title of a canonical golongan ("III/c" → "Penata"),
// or "" when gol is not one.
func Pangkat(gol string) string { return pangkat[gol] }

// NormalizeGolongan accepts the ways golongan is written in offices — "III/c",
// "III-c", "III c", "IIIc", "3c", "3/c", "3-c", any case, surrounding spaces —
// and returns the canonical "III/c". Anything else is golongan.invalid.
func NormalizeGolongan(s string) (string, error) {
	var b [8]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '/' || c == '-' || c == '.' || c == '\t':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		default:
			return "", invalidGolongan(s)
		}
		if n == len(b) {
			return "", invalidGolongan(s)
		}
		b[n] = c
		n++
	}
	if n < 2 {
		return "", invalidGolongan(s)
	}
	ruang := b[n-1]
	var group string
	switch string(b[:n-1]) {
	case "i", "1":
		group = "I"
	case "ii", "2":
		group = "II"
	case "iii", "3":
		group = "III"
	case "iv", "4":
		group = "IV"
	default:
		return "", invalidGolongan(s)
	}
	gol := group + "/" + string(ruang)
	if _, ok := pangkat[gol]; !ok {
		return "", invalidGolongan(s)
	}
	return gol, nil
}

func invalidGolongan(s string) error {
	return E(CodeGolonganInvalid, "golongan.normalize", nil, "value", strings.TrimSpace(s))
}
