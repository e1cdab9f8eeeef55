package domain

// ImportAssessment is one valid row of an assessment-results spreadsheet
// (assessment centre or competency test): one level of one competency of
// one employee. The store groups the rows of one employee × period × method
// into one assessment.
type ImportAssessment struct {
	Row      int              `json:"row"` // spreadsheet row number, header = 1
	NIP      string           `json:"nip"` // 18 digits
	Code     string           `json:"code"`
	Level    int              `json:"level"`
	Period   string           `json:"period"` // "" = the current period, filled in before the import is written
	Method   AssessmentMethod `json:"method"` // assessor or test
	Evidence string           `json:"evidence"`
}
