package domain

import (
	"database/sql/driver"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Training evaluation by the Kirkpatrick levels, DOMAIN.md §8, stored per
// participant per level:
//
//	1 Reaction   the participant's view (evaluasi penyelenggaraan):
//	             configurable questions on a 1–5 scale
//	2 Learning   pre-test and post-test scores (0–100)
//	3 Behaviour  post-training evaluation (evaluasi pasca pelatihan, EPP)
//	             by the supervisor, some months after the course
//	4 Results    notes on the impact on the unit; and whether a later
//	             reassessment closed the competency gap (GapClosed)

// Kirkpatrick levels.
const (
	LevelReaction  = 1
	LevelLearning  = 2
	LevelBehaviour = 3
	LevelResults   = 4
)

// Scales of the instruments.
const (
	MinAnswer = 1 // reaction and behaviour questions: 1–5
	MaxAnswer = 5
	MaxScore  = 100 // pre-test, post-test: 0–100
)

// DefaultL3Delay is how long after the course the supervisor's EPP falls
// due: 90 days. Practice is 3–6 months [U]; a setting.
const DefaultL3Delay = 90 * 24 * time.Hour

// EvaluationAnswer is the answer to one configured question.
type EvaluationAnswer struct {
	QuestionID string `json:"questionId"`
	Value      int    `json:"value"` // MinAnswer..MaxAnswer
}

// EvaluationAnswers is stored as one JSON column.
type EvaluationAnswers []EvaluationAnswer

func (a EvaluationAnswers) Value() (driver.Value, error) { return jsonValue(a) }
func (a *EvaluationAnswers) Scan(src any) error          { return jsonScan(src, a) }

// Evaluation is one Kirkpatrick evaluation of one participant at one level.
// Its id is EvaluationID.
type Evaluation struct {
	SyncMeta
	EventID       string `gorm:"size:36;not null;index" json:"eventId"`
	ParticipantID string `gorm:"size:36;not null;index" json:"participantId"`
	EmployeeID    string `gorm:"size:36;not null;index" json:"employeeId"`
	Level         int    `gorm:"not null" json:"level"` // 1–4
	Instrument    string `gorm:"size:200;not null;default:''" json:"instrument"`
	Date          string `gorm:"size:10;not null" json:"date"` // YYYY-MM-DD
	// Score: L1 and L3 the mean answer (set by ValidateEvaluation when
	// there are answers), L2 the post-test; L4 has none.
	Score *float64 `json:"score"`
	// PreScore is the L2 pre-test.
	PreScore *float64          `json:"preScore"`
	Answers  EvaluationAnswers `gorm:"type:text;not null" json:"answers"`
	// EvaluatorName and EvaluatorNIP: the supervisor of an L3 evaluation.
	EvaluatorName string `gorm:"size:200;not null;default:''" json:"evaluatorName"`
	EvaluatorNIP  string `gorm:"size:18;not null;default:''" json:"evaluatorNip"`
	Note          string `gorm:"type:text;not null;default:''" json:"note"`
}

func (Evaluation) EntityName() string { return "evaluation" }

// EvaluationID is the id of a participant's evaluation at a level: there is
// one per participant and level, and two laptops recording it offline must
// write one row, which the server merges field by field (see
// store/development.go). Evaluations saved before ids were derived keep
// their random id until their next save, or until migration
// 202612240005_evaluation_ids moves them to this one.
func EvaluationID(participantID string, level int) string {
	return nameUUID("kembang/evaluation/" + participantID + "/" + strconv.Itoa(level))
}

// ValidateEvaluation normalises e in place and returns every problem.
//
// Always: participant and a valid date required; level 1–4; each answer
// names a question once and is 1–5. By level: L1 needs answers, and its
// score becomes their mean (ReactionScore); L2 needs a post-test score and
// takes an optional pre-test, both 0–100; L3 needs the evaluator's name
// (the supervisor; the NIP, when given, must be valid) and answers or a
// score 1–5, and answers set the score; L4 needs a note. Answers belong to
// L1 and L3 only, a pre-test to L2 only.
func ValidateEvaluation(e *Evaluation) FieldErrors {
	var errs FieldErrors
	add := func(field, code, value string) {
		errs = append(errs, FieldError{Field: field, Code: code, Value: value})
	}
	e.ParticipantID = strings.TrimSpace(e.ParticipantID)
	if e.ParticipantID == "" {
		add("participantId", CodeRequired, "")
	}
	e.Date = strings.TrimSpace(e.Date)
	switch {
	case e.Date == "":
		add("date", CodeRequired, "")
	case !validDate(e.Date):
		add("date", CodeDateInvalid, e.Date)
	}
	e.Instrument = strings.Join(strings.Fields(e.Instrument), " ")
	if utf8.RuneCountInString(e.Instrument) > MaxNameLen {
		add("instrument", CodeTooLong, "")
	}
	e.Note = strings.TrimSpace(e.Note)
	if utf8.RuneCountInString(e.Note) > MaxNoteLen {
		add("note", CodeTooLong, "")
	}
	e.EvaluatorName = strings.Join(strings.Fields(e.EvaluatorName), " ")
	if raw := strings.TrimSpace(e.EvaluatorNIP); raw != "" {
		if n, err := ParseNIP(raw); err != nil {
			add("evaluatorNip", ErrorCode(err), raw)
		} else {
			e.EvaluatorNIP = n.Digits
		}
	} else {
		e.EvaluatorNIP = ""
	}
	if e.Answers == nil {
		e.Answers = EvaluationAnswers{}
	}
	values := make([]int, 0, len(e.Answers))
	seen := map[string]bool{}
	answersOK := true
	for i := range e.Answers {
		a := &e.Answers[i]
		a.QuestionID = strings.TrimSpace(a.QuestionID)
		switch {
		case a.QuestionID == "":
			add("answers", CodeRequired, "")
			answersOK = false
		case seen[a.QuestionID]:
			add("answers", CodeInvalid, a.QuestionID)
			answersOK = false
		case a.Value < MinAnswer || a.Value > MaxAnswer:
			add("answers", CodeEvaluationAnswer, a.QuestionID)
			answersOK = false
		}
		seen[a.QuestionID] = true
		values = append(values, a.Value)
	}
	score := func(lo, hi float64, field string, v *float64) {
		if v != nil && !(*v >= lo && *v <= hi) {
			add(field, CodeEvaluationScore, fmtNum(*v))
		}
	}

	switch e.Level {
	case LevelReaction, LevelBehaviour:
		if e.PreScore != nil {
			add("preScore", CodeEvaluationScore, "")
		}
		if len(values) > 0 && answersOK {
			s, _ := ReactionScore(values)
			e.Score = &s
		}
		if e.Level == LevelReaction && len(values) == 0 {
			add("answers", CodeEvaluationNoAnswers, "")
		}
		if e.Level == LevelBehaviour {
			if e.EvaluatorName == "" {
				add("evaluatorName", CodeEvaluationEvaluatorRequired, "")
			}
			if len(values) == 0 && e.Score == nil {
				add("answers", CodeEvaluationNoAnswers, "")
			}
		}
		score(MinAnswer, MaxAnswer, "score", e.Score)
	case LevelLearning:
		if len(values) > 0 {
			add("answers", CodeInvalid, "")
		}
		if e.Score == nil {
			add("score", CodeRequired, "")
		}
		score(0, MaxScore, "score", e.Score)
		score(0, MaxScore, "preScore", e.PreScore)
	case LevelResults:
		if len(values) > 0 {
			add("answers", CodeInvalid, "")
		}
		if e.PreScore != nil {
			add("preScore", CodeEvaluationScore, "")
		}
		if e.Note == "" {
			add("note", CodeRequired, "")
		}
	default:
		add("level", CodeEvaluationLevel, strconv.Itoa(e.Level))
	}
	return errs
}

// ReactionScore is the mean of answers on the 1–5 scale, 2 decimals.
// Errors: CodeEvaluationNoAnswers for none, CodeEvaluationAnswer (detail
// index) for an answer outside 1–5.
func ReactionScore(answers []int) (float64, error) {
	const op = "evaluation.reaction"
	if len(answers) == 0 {
		return 0, E(CodeEvaluationNoAnswers, op, nil)
	}
	sum := 0
	for i, a := range answers {
		if a < MinAnswer || a > MaxAnswer {
			return 0, E(CodeEvaluationAnswer, op, nil, "index", i, "value", a)
		}
		sum += a
	}
	return round2(float64(sum) / float64(len(answers))), nil
}

// LearningGain is post − pre in score points, 2 decimals: positive when the
// participant learned. NaN or infinite scores give 0.
func LearningGain(pre, post float64) float64 {
	g := post - pre
	if math.IsNaN(g) || math.IsInf(g, 0) {
		return 0
	}
	return round2(g)
}

// DueForL3 reports whether the behaviour evaluation of a course that ended
// at eventEnd is due at now: now is at or after eventEnd + delay. A
// negative delay counts as 0.
func DueForL3(eventEnd time.Time, delay time.Duration, now time.Time) bool {
	if delay < 0 {
		delay = 0
	}
	return !now.Before(eventEnd.Add(delay))
}

// GapClosed reports whether a later reassessment closed a development need:
// before was a need (assessed and below standard), after is the same
// competency, assessed, and at or above its standard. The standard is
// after's: if the position changed in between, the gap that matters is the
// current one. Anything else (not a need before, not reassessed, another
// competency) is false.
func GapClosed(before, after GapLine) bool {
	if before.Code != after.Code || !before.Assessed || before.Gap >= 0 || !after.Assessed {
		return false
	}
	return hundredths(after.Actual) >= int64(after.Standard)*100
}

// GapChange is how much the gap moved between two assessments, 2 decimals:
// positive when it narrowed. 0 when either was not assessed.
func GapChange(before, after GapLine) float64 {
	if !before.Assessed || !after.Assessed {
		return 0
	}
	return float64(hundredths(after.Gap)-hundredths(before.Gap)) / 100
}
