package domain

// Codes used by the assessment, JPM and 9-box rules. They sit beside the
// codes in errors.go and are just as stable: the frontend and the CLI
// translate them, so never rename one.
const (
	CodeAssessmentFinalized         = "assessment.finalized"          // a finalized assessment cannot change
	CodeAssessmentInvalidTransition = "assessment.invalid_transition" // state change not in the workflow
	CodeAssessmentNotFinalized      = "assessment.not_finalized"      // only a finalized assessment can be superseded
	CodeAssessmentEmpty             = "assessment.empty"              // submit or finalize without a single level
	CodeAssessmentMethodInvalid     = "assessment.method_invalid"     // unknown method
	CodeAssessmentStateInvalid      = "assessment.state_invalid"      // unknown state
	CodeAssessmentItemUnknown       = "assessment.item_unknown"       // competency not in the position's standard
	CodeAssessmentItemDuplicate     = "assessment.item_duplicate"     // same competency twice in one assessment
	CodeAssessmentSupersedes        = "assessment.supersedes_invalid" // supersedes itself, or the link was changed
	CodePerformanceRatingInvalid    = "assessment.performance_invalid"

	CodeResultRuleInvalid     = "assessment.result_rule_invalid" // unknown mode, empty priority, no positive weight
	CodeJPMThresholdsInvalid  = "jpm.thresholds_invalid"
	CodeNineBoxCutoffsInvalid = "ninebox.cutoffs_invalid"
)
