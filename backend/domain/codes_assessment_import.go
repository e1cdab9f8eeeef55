package domain

// Codes used by the assessment-results import and the assessment services.
// They sit beside the codes in errors.go and are just as stable: the
// frontend and the CLI translate them, so never rename one.
const (
	CodeAssessmentNoPosition       = "assessment.no_position"       // the employee has no position, so no standard to assess against
	CodeImportNIPUnknown           = "import.nip_unknown"           // no live employee has this NIP
	CodeImportCompetencyUnknown    = "import.competency_unknown"    // no live competency has this code
	CodeImportAssessmentDuplicate  = "import.assessment_duplicate"  // same NIP, code and period earlier in the file
	CodeImportAssessmentMethod     = "import.assessment_method"     // Metode is not a result method (assessor or test)
	CodeImportCompetencyNotInSKJ   = "import.competency_not_in_skj" // the employee's position does not require this competency
	CodeImportAssessmentSuperseded = "import.assessment_superseded" // warning: a finalized result is corrected by a new one
)
