package domain

import "testing"

func TestSplitName(t *testing.T) {
	tests := []struct {
		name, in              string
		depan, nama, belakang string
	}{
		{"front and back titles", "Dr. Ir. H. Ahmad Yani, S.T., M.T.", "Dr. Ir. H.", "Ahmad Yani", "S.T., M.T."},
		{"back title without comma in lower case keeps spelling", "budi santoso s.kom", "", "budi santoso", "s.kom"},
		{"plain name is untouched", "Siti Nurhaliza", "", "Siti Nurhaliza", ""},
		{"single word name", "Sukarno", "", "Sukarno", ""},
		{"extra spaces are normalised", "  Hj.   Siti   Aminah ,  S.E.  ", "Hj.", "Siti Aminah", "S.E."},
		{"medical doctor lower case dr", "dr. Rina Wulandari, Sp.A.", "dr.", "Rina Wulandari", "Sp.A."},
		{"dentist", "drg. Maya Sari", "drg.", "Maya Sari", ""},
		{"professor doctor", "Prof. Dr. Bambang Sutrisno, M.Si.", "Prof. Dr.", "Bambang Sutrisno", "M.Si."},
		{"glued front titles", "Prof.Dr.Ir. Joko Widodo, M.M.", "Prof. Dr. Ir.", "Joko Widodo", "M.M."},
		{"front title glued to the name", "H.Abdul Rahman", "H.", "Abdul Rahman", ""},
		{"front titles without dots", "Drs H Mulyono", "Drs H", "Mulyono", ""},
		{"KH with dots", "K.H. Ma'ruf Amin", "K.H.", "Ma'ruf Amin", ""},
		{"Dra", "Dra. Endang Lestari, M.Pd.", "Dra.", "Endang Lestari", "M.Pd."},
		{"several back titles after one comma", "Agus Salim, S.T. M.T.", "", "Agus Salim", "S.T., M.T."},
		{"back title written with an inner space", "Rudi Hartono, S. Kom.", "", "Rudi Hartono", "S.Kom."},
		{"diploma with profession", "Dewi Lestari, A.Md.Kep.", "", "Dewi Lestari", "A.Md.Kep."},
		{"nurse front and back", "Ns. Yuliana, S.Kep.", "Ns.", "Yuliana", "S.Kep."},
		{"capitalised bare titles at the end", "Ahmad Yani SE MM", "", "Ahmad Yani", "SE, MM"},
		{"MBA and PhD", "Rizal Ramli, MBA, Ph.D.", "", "Rizal Ramli", "MBA, Ph.D."},
		{"unknown but title-shaped back title", "Teguh Prasetyo, S.Hut., M.Eng.", "", "Teguh Prasetyo", "S.Hut., M.Eng."},
		{"Lc after comma", "Abdul Somad, Lc., M.A.", "", "Abdul Somad", "Lc., M.A."},
		{"name that is only a title word keeps it", "Dr.", "", "Dr.", ""},
		{"front title never eats the last word", "H. Ir", "H.", "Ir", ""},
		{"surname-first with comma is not a title", "Yani, Ahmad", "", "Yani, Ahmad", ""},
		{"middle initial is not a title", "Ahmad S. Yani", "", "Ahmad S. Yani", ""},
		{"trailing initial is not a title", "Budi S.", "", "Budi S.", ""},
		{"surname Ma without dot stays", "Budi Ma", "", "Budi Ma", ""},
		{"lower case bare se stays a name part", "Ani se", "", "Ani se", ""},
		{"name containing Dr letters is untouched", "Drajat Suhardi", "", "Drajat Suhardi", ""},
		{"Hendra is not H.", "Hendra Gunawan", "", "Hendra Gunawan", ""},
		{"empty", "   ", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			depan, nama, belakang := SplitName(tt.in)
			if depan != tt.depan || nama != tt.nama || belakang != tt.belakang {
				t.Errorf("SplitName(%q) = (%q, %q, %q), want (%q, %q, %q)",
					tt.in, depan, nama, belakang, tt.depan, tt.nama, tt.belakang)
			}
		})
	}
}

func TestSplitNameIsIdempotentOnItsOwnOutput(t *testing.T) {
	for _, in := range []string{"Dr. Ir. H. Ahmad Yani, S.T., M.T.", "budi santoso s.kom", "Ns. Yuliana, S.Kep."} {
		_, nama, _ := SplitName(in)
		d2, n2, b2 := SplitName(nama)
		if d2 != "" || b2 != "" || n2 != nama {
			t.Errorf("SplitName(%q) = (%q, %q, %q), want the name unchanged", nama, d2, n2, b2)
		}
	}
}
