package domain

import "testing"

func TestValidateAward(t *testing.T) {
	cases := []struct {
		name  string
		award Award
		want  []string // field:code
	}{
		{"employee award is valid", Award{Year: 2025, Kind: AwardHighestJP, EmployeeID: "e1", Title: " JP  tertinggi "}, nil},
		{"outside mentor by name only", Award{Year: 2025, Kind: AwardBestMentor, RecipientName: "Dr. Rina", Title: "Mentor terbaik"}, nil},
		{"no recipient at all", Award{Year: 2025, Kind: AwardOther, Title: "x"}, []string{"recipientName:" + CodeRequired}},
		{"unknown kind", Award{Year: 2025, Kind: "best_cook", EmployeeID: "e1", Title: "x"}, []string{"kind:" + CodeAwardKindInvalid}},
		{"year out of range and bad date", Award{Year: 1900, Kind: AwardOther, EmployeeID: "e1", Title: "x", AwardedOn: "2025-13-01"},
			[]string{"year:" + CodePlanYearInvalid, "awardedOn:" + CodeDateInvalid}},
		{"title required", Award{Year: 2025, Kind: AwardOther, EmployeeID: "e1"}, []string{"title:" + CodeRequired}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := c.award
			errs := ValidateAward(&a)
			var got []string
			for _, e := range errs {
				got = append(got, e.Field+":"+e.Code)
			}
			if len(got) != len(c.want) {
				t.Fatalf("errors = %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("errors = %v, want %v", got, c.want)
				}
			}
		})
	}
	a := Award{Year: 2025, Kind: AwardHighestJP, EmployeeID: "e1", Title: " JP  tertinggi "}
	ValidateAward(&a)
	if a.Title != "JP tertinggi" {
		t.Errorf("title not normalised: %q", a.Title)
	}
}
