package domain

import "strings"

// Gelar are academic, professional and religious titles. Offices often write
// them inside the name ("Dr. Ir. H. Ahmad Yani, S.T., M.T."); Kembang keeps
// them apart (Employee.GelarDepan, Employee.GelarBelakang) so names sort and
// match. The lists below are keyed by the title in lower case without dots
// or spaces; the user's spelling is kept in the result.

// frontTitles are written before the name (gelar depan).
var frontTitles = map[string]bool{
	"dr": true, "drg": true, "drh": true, "ir": true, "drs": true, "dra": true,
	"prof": true, "h": true, "hj": true, "kh": true,
	"ns": true, "apt": true, "bid": true, "hajah": true, "hajjah": true,
}

// backTitles are written after the name (gelar belakang).
var backTitles = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`
		S.Kom S.E S.H S.T S.Pd S.Sos S.IP S.Si S.Ag S.Kep S.Ked S.Psi S.Farm S.Ak S.KM S.P S.Pt S.Hut S.Pi
		S.Kes S.Gz S.Tr S.ST S.STP S.Sy S.Hum S.I.Kom S.Ds S.Sn S.Th S.Pd.I S.E.I S.H.I S.Sos.I S.Kp S.AP S.AB
		S.Stat S.Mat S.Geo S.Kel S.Tp S.TP S.Keb S.Fis S.Ked S.Tr.Keb S.Tr.Kes S.Tr.Kep S.Tr.IP S.Tr.Ak
		M.Si M.T M.M M.H M.Pd M.Kom M.Ak M.Kes M.A M.Sc M.Eng M.Hum M.AP M.PA M.Ag M.Kep M.KM M.P M.E M.Ec.Dev
		M.Stat M.Psi M.Farm M.Biomed M.Epid M.ARS M.Keb M.Gz M.Sos M.IP M.Han M.Tr M.Tr.AP M.B.A MBA MPA MPH M.Phil
		Ph.D PhD D.Sc Dr.rer.nat
		A.Md A.Ma A.Md.Kep A.Md.Keb A.Md.Kom A.Md.Ak A.Md.Kes A.Md.Farm A.Md.Gz A.Md.T A.Md.Par A.Md.Log A.Md.RMIK
		A.Md.AK A.Md.Kg A.Md.Ft A.Md.Rad A.Md.KL A.Md.Pd A.Ma.Pd A.P A.Ks D.III D3 D.IV D4
		Ns Apt Lc Sp.A Sp.PD Sp.OG Sp.B Sp.M Sp.THT Sp.KK Sp.S Sp.JP Sp.P Sp.An Sp.Rad Sp.PK Sp.PA Sp.KJ Sp.N
		Sp.KG Sp.Ort Sp.Pros Sp.Perio Sp.BM Sp.KGA Sp.Pros Sp.U Sp.OT Sp.F Sp.GK Sp.M(K) Sp.Ak
		CPA CA CFA CHRP CPHR
	`) {
		backTitles[titleKey(t)] = true
	}
}

// ambiguousBare are title keys that are also plausible name parts; without a
// dot and a comma they stay in the name ("Budi Ma", "Ali Lc").
var ambiguousBare = map[string]bool{"ma": true, "ca": true, "apt": true, "ns": true, "lc": true, "h": true, "mp": true, "me": true, "ap": true, "p": true, "e": true, "t": true, "d3": true, "d4": true}

// titleKey lower-cases and drops dots and spaces: "S. Kom." → "skom".
func titleKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' || c == ' ':
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// SplitName moves the titles written inside full into the gelar fields:
//
//	"Dr. Ir. H. Ahmad Yani, S.T., M.T." → ("Dr. Ir. H.", "Ahmad Yani", "S.T., M.T.")
//	"budi santoso s.kom"                 → ("", "budi santoso", "s.kom")
//
// Titles keep the user's spelling; spacing is normalised, several front
// titles are joined with " " and back titles with ", ". It is conservative:
// the name always keeps at least one word, a bare word at the end is only
// taken as a title when it has a dot or is a capitalised, unambiguous title
// ("SE", "MM"), and a part after a comma that is not recognisably a title
// leaves the rest of the string untouched.
func SplitName(full string) (gelarDepan, name, gelarBelakang string) {
	full = strings.Join(strings.Fields(full), " ")
	if full == "" {
		return "", "", ""
	}
	head, tail, hasComma := strings.Cut(full, ",")

	var back []string
	if hasComma {
		for _, part := range strings.Split(tail, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			titles, ok := splitBackPart(part)
			if !ok {
				// Not a title ("Yani, Ahmad"): keep the string as written.
				return "", full, ""
			}
			back = append(back, titles...)
		}
	}

	words := strings.Fields(head)
	// Front titles, possibly glued: "Dr.Ir.H." or "H.Ahmad".
	var front []string
	for len(words) > 0 {
		titles, rest := peelFront(words[0])
		if len(titles) == 0 {
			break
		}
		remaining := len(words) - 1
		if rest != "" {
			remaining++
		}
		if remaining == 0 {
			break // the name keeps at least one word
		}
		front = append(front, titles...)
		if rest != "" {
			words[0] = rest
		} else {
			words = words[1:]
		}
	}
	// Back titles written without a comma at the end of the name.
	var trailing []string
	for len(words) > 1 {
		w := words[len(words)-1]
		if !isBareBackTitle(w) {
			break
		}
		trailing = append([]string{w}, trailing...)
		words = words[:len(words)-1]
	}
	back = append(trailing, back...)
	return strings.Join(front, " "), strings.Join(words, " "), strings.Join(back, ", ")
}

// peelFront splits leading front titles off one word: "Dr." → ["Dr."], "";
// "Dr.Ir." → ["Dr.", "Ir."], ""; "H.Ahmad" → ["H."], "Ahmad"; "Ahmad" → nil.
func peelFront(w string) (titles []string, rest string) {
	key := titleKey(w)
	if frontTitles[key] && (key == "kh" || !strings.Contains(strings.TrimSuffix(w, "."), ".")) {
		return []string{w}, ""
	}
	rest = w
	for rest != "" {
		i := strings.IndexByte(rest, '.')
		if i <= 0 || !frontTitles[titleKey(rest[:i])] {
			break
		}
		titles = append(titles, rest[:i+1])
		rest = rest[i+1:]
	}
	return titles, rest
}

// splitBackPart reads one comma-separated part of the tail. It may hold one
// title ("S.Kom.", "S. Kom.") or several written with spaces ("S.T. M.T.").
func splitBackPart(part string) ([]string, bool) {
	fields := strings.Fields(part)
	if len(fields) > 1 {
		all := true
		for _, f := range fields {
			if !isBackTitle(f) {
				all = false
				break
			}
		}
		if all {
			return fields, true
		}
	}
	if isBackTitle(part) {
		return []string{strings.ReplaceAll(part, " ", "")}, true
	}
	return nil, false
}

// isBackTitle: a known back title, or one that looks like one — at least two
// dotted segments of letters ("S.Hut.", "M.Eng.", "A.Md.Kep.").
func isBackTitle(s string) bool {
	if backTitles[titleKey(s)] {
		return true
	}
	s = strings.ReplaceAll(s, " ", "")
	segs := strings.Split(strings.TrimSuffix(s, "."), ".")
	if len(segs) < 2 {
		return false
	}
	for _, seg := range segs {
		if len(seg) == 0 || len(seg) > 5 {
			return false
		}
		for i := 0; i < len(seg); i++ {
			c := seg[i]
			if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
				return false
			}
		}
	}
	c := segs[0][0]
	return c == 'S' || c == 'M' || c == 'A' || c == 'D' || c == 's' || c == 'm' || c == 'a' || c == 'd'
}

// isBareBackTitle decides for a last word written without a comma: a known
// title with a dot ("s.kom", "M.Si."), or a capitalised unambiguous one
// without ("SE", "MM").
func isBareBackTitle(w string) bool {
	key := titleKey(w)
	if !backTitles[key] {
		return false
	}
	if strings.Contains(w, ".") {
		return true
	}
	return !ambiguousBare[key] && len(w) >= 2 && isUpper(w[0]) && isUpper(w[len(w)-1])
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
