package domain

import (
	"testing"
	"time"
)

func TestReactionScore(t *testing.T) {
	tests := []struct {
		name    string
		answers []int
		want    float64
		code    string
	}{
		{"all fives", []int{5, 5, 5}, 5, ""},
		{"mixed answers are averaged", []int{4, 5, 3, 4}, 4, ""},
		{"average rounded to 2 decimals", []int{4, 4, 5}, 4.33, ""},
		{"one answer", []int{1}, 1, ""},
		{"no answers", nil, 0, CodeEvaluationNoAnswers},
		{"0 is off the 1–5 scale", []int{4, 0}, 0, CodeEvaluationAnswer},
		{"6 is off the 1–5 scale", []int{6}, 0, CodeEvaluationAnswer},
	}
	for _, tt := range tests {
		got, err := ReactionScore(tt.answers)
		if tt.code != "" {
			if !IsCode(err, tt.code) {
				t.Errorf("%s: error %v, want %s", tt.name, err, tt.code)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: got %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
}

func TestLearningGain(t *testing.T) {
	tests := []struct {
		name      string
		pre, post float64
		want      float64
	}{
		{"pre 55, post 80 gains 25 points", 55, 80, 25},
		{"no change", 70, 70, 0},
		{"a worse post-test is a negative gain", 80, 75.5, -4.5},
		{"decimals stay exact", 60.1, 60.3, 0.2},
	}
	for _, tt := range tests {
		if got := LearningGain(tt.pre, tt.post); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDueForL3(t *testing.T) {
	end := time.Date(2025, 5, 9, 16, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		delay time.Duration
		now   time.Time
		want  bool
	}{
		{"not due the day after the course", DefaultL3Delay, end.AddDate(0, 0, 1), false},
		{"not due one nanosecond early", DefaultL3Delay, end.Add(DefaultL3Delay - 1), false},
		{"due exactly when the delay has passed", DefaultL3Delay, end.Add(DefaultL3Delay), true},
		{"due months later", DefaultL3Delay, end.AddDate(0, 6, 0), true},
		{"a 6-month office setting", 182 * 24 * time.Hour, end.AddDate(0, 3, 0), false},
		{"a negative delay counts as none", -time.Hour, end, true},
		{"same instant in another zone", 0, end.In(time.FixedZone("WITA", 8*3600)), true},
	}
	for _, tt := range tests {
		if got := DueForL3(end, tt.delay, tt.now); got != tt.want {
			t.Errorf("%s: got %v", tt.name, got)
		}
	}
}

func TestGapClosed(t *testing.T) {
	need := GapLine{Code: "M.3", Standard: 3, Actual: 2, Assessed: true, Gap: -1}
	tests := []struct {
		name          string
		before, after GapLine
		want          bool
		wantChange    float64
	}{
		{"reassessed at the standard: closed", need, GapLine{Code: "M.3", Standard: 3, Actual: 3, Assessed: true, Gap: 0}, true, 1},
		{"reassessed above the standard: closed", need, GapLine{Code: "M.3", Standard: 3, Actual: 4, Assessed: true, Gap: 1}, true, 2},
		{"narrowed but still below: open", need, GapLine{Code: "M.3", Standard: 3, Actual: 2.5, Assessed: true, Gap: -0.5}, false, 0.5},
		{"2.99 is still below 3", need, GapLine{Code: "M.3", Standard: 3, Actual: 2.99, Assessed: true, Gap: -0.01}, false, 0.99},
		{"not reassessed: not closed", need, GapLine{Code: "M.3", Standard: 3}, false, 0},
		{"the standard rose with a promotion: judged against the new one", need, GapLine{Code: "M.3", Standard: 4, Actual: 3, Assessed: true, Gap: -1}, false, 0},
		{"there was no need to close", GapLine{Code: "M.3", Standard: 3, Actual: 3, Assessed: true}, GapLine{Code: "M.3", Standard: 3, Actual: 3, Assessed: true}, false, 0},
		{"another competency", need, GapLine{Code: "M.4", Standard: 3, Actual: 3, Assessed: true}, false, 1},
	}
	for _, tt := range tests {
		if got := GapClosed(tt.before, tt.after); got != tt.want {
			t.Errorf("%s: closed %v", tt.name, got)
		}
		if got := GapChange(tt.before, tt.after); got != tt.wantChange {
			t.Errorf("%s: change %v, want %v", tt.name, got, tt.wantChange)
		}
	}
}

func TestValidateEvaluation(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	answers := func(vs ...int) EvaluationAnswers {
		var out EvaluationAnswers
		for i, v := range vs {
			out = append(out, EvaluationAnswer{QuestionID: string(rune('a' + i)), Value: v})
		}
		return out
	}
	base := func(level int) Evaluation {
		return Evaluation{ParticipantID: "p-1", EventID: "ev-1", EmployeeID: "emp-1", Level: level, Date: "2025-05-09"}
	}
	tests := []struct {
		name      string
		edit      func(*Evaluation)
		level     int
		wantField string // "" = valid
		wantCode  string
		wantScore *float64
	}{
		{"L1 reaction: score is the mean of the answers", func(e *Evaluation) { e.Answers = answers(4, 5, 3) }, 1, "", "", f(4)},
		{"L1 without answers", func(e *Evaluation) {}, 1, "answers", CodeEvaluationNoAnswers, nil},
		{"L1 answer off the scale", func(e *Evaluation) { e.Answers = answers(4, 7) }, 1, "answers", CodeEvaluationAnswer, nil},
		{"L1 same question twice", func(e *Evaluation) { e.Answers = EvaluationAnswers{{"q1", 4}, {"q1", 5}} }, 1, "answers", CodeInvalid, nil},
		{"L1 with a pre-test belongs to L2", func(e *Evaluation) { e.Answers = answers(4); e.PreScore = f(50) }, 1, "preScore", CodeEvaluationScore, nil},
		{"L2 pre and post test", func(e *Evaluation) { e.PreScore, e.Score = f(55), f(80) }, 2, "", "", f(80)},
		{"L2 needs the post-test", func(e *Evaluation) { e.PreScore = f(55) }, 2, "score", CodeRequired, nil},
		{"L2 score over 100", func(e *Evaluation) { e.Score = f(101) }, 2, "score", CodeEvaluationScore, nil},
		{"L2 takes no questionnaire", func(e *Evaluation) { e.Score = f(80); e.Answers = answers(3) }, 2, "answers", CodeInvalid, nil},
		{"L3 by the supervisor with answers", func(e *Evaluation) {
			e.EvaluatorName, e.EvaluatorNIP, e.Answers = "Dra. Siti", "19740707 200212 2 008", answers(3, 4)
		}, 3, "", "", f(3.5)},
		{"L3 needs the supervisor", func(e *Evaluation) { e.Answers = answers(3) }, 3, "evaluatorName", CodeEvaluationEvaluatorRequired, nil},
		{"L3 supervisor's NIP must be valid", func(e *Evaluation) { e.EvaluatorName, e.EvaluatorNIP, e.Answers = "Siti", "123", answers(3) }, 3, "evaluatorNip", CodeNIPLength, nil},
		{"L3 with a direct score on the 1–5 scale", func(e *Evaluation) { e.EvaluatorName, e.Score = "Siti", f(4) }, 3, "", "", f(4)},
		{"L3 score off the scale", func(e *Evaluation) { e.EvaluatorName, e.Score = "Siti", f(8) }, 3, "score", CodeEvaluationScore, nil},
		{"L4 results note", func(e *Evaluation) { e.Note = "Waktu layanan turun dari 5 ke 3 hari" }, 4, "", "", nil},
		{"L4 needs a note", func(e *Evaluation) {}, 4, "note", CodeRequired, nil},
		{"level 5 does not exist", func(e *Evaluation) {}, 5, "level", CodeEvaluationLevel, nil},
		{"no date", func(e *Evaluation) { e.Date = ""; e.Answers = answers(4) }, 1, "date", CodeRequired, nil},
		{"no participant", func(e *Evaluation) { e.ParticipantID = ""; e.Answers = answers(4) }, 1, "participantId", CodeRequired, nil},
	}
	for _, tt := range tests {
		e := base(tt.level)
		tt.edit(&e)
		errs := ValidateEvaluation(&e)
		if tt.wantField == "" {
			if errs != nil {
				t.Errorf("%s: %v", tt.name, errs)
				continue
			}
			if (tt.wantScore == nil) != (e.Score == nil) || (e.Score != nil && *e.Score != *tt.wantScore) {
				t.Errorf("%s: score %v, want %v", tt.name, e.Score, tt.wantScore)
			}
			continue
		}
		found := false
		for _, fe := range errs {
			found = found || (fe.Field == tt.wantField && fe.Code == tt.wantCode)
		}
		if !found {
			t.Errorf("%s: errors %v, want %s on %s", tt.name, errs, tt.wantCode, tt.wantField)
		}
	}
}
