package domain

// Codes used by the development-plan, training, JP and evaluation rules.
// They sit beside the codes in errors.go and are just as stable: the
// frontend and the CLI translate them, so never rename one.
const (
	CodePlanStateInvalid      = "plan.state_invalid"      // unknown plan state
	CodePlanInvalidTransition = "plan.invalid_transition" // state change not in the workflow
	CodePlanEmpty             = "plan.empty"              // submit a plan without a single line
	CodePlanApproverRequired  = "plan.approver_required"  // approve or reopen without name and NIP
	CodePlanReasonRequired    = "plan.reason_required"    // send back or reopen without a reason
	CodePlanLinesOpen         = "plan.lines_open"         // finish a plan with lines still planned or in progress
	CodePlanLocked            = "plan.locked"             // change the content of an approved plan without reopening it
	CodePlanYearInvalid       = "plan.year_invalid"
	CodePlanLineDuplicate     = "plan.line_duplicate" // two lines with the same id
	CodePlanLineNotFound      = "plan.line_not_found"
	CodePlanLineStatus        = "plan.line_status_invalid"
	CodePlanFormInvalid       = "plan.form_invalid"    // bentuk is neither pendidikan nor pelatihan
	CodePlanFundingInvalid    = "plan.funding_invalid" // unknown funding source
	CodeDateInvalid           = "date.invalid"         // not YYYY-MM-DD
	CodeDateRange             = "date.range"           // end before start
	CodeAmountInvalid         = "amount.invalid"       // negative or not a finite number

	CodeMethodUnknown       = "method.unknown" // method code not in the catalogue
	CodeMethodInvalid       = "method.invalid" // a catalogue entry breaks the rules
	CodeMethodRouteMismatch = "method.route_mismatch"
	CodeJPRuleInvalid       = "jp.rule_invalid"  // unknown kind, missing rate, negative cap
	CodeJPInputInvalid      = "jp.input_invalid" // days, sessions or stated JP missing or negative
	CodeDraftingRuleInvalid = "drafting.rule_invalid"

	CodeTrainingAttendanceShort = "training.attendance_short" // below the completion threshold
	CodeTrainingMismatch        = "training.mismatch"         // participant of another event, record of another person
	CodeCertificateFormat       = "certificate.format_invalid"
	CodeCertificateDevice       = "certificate.device_invalid"
	CodeCertificateExhausted    = "certificate.block_exhausted" // the device used up its block of numbers
	CodeEventCodeInvalid        = "training.event_code_invalid"

	CodeEvaluationLevel             = "evaluation.level_invalid"
	CodeEvaluationNoAnswers         = "evaluation.no_answers"
	CodeEvaluationAnswer            = "evaluation.answer_invalid" // outside the 1–5 scale
	CodeEvaluationScore             = "evaluation.score_invalid"
	CodeEvaluationEvaluatorRequired = "evaluation.evaluator_required" // L3 without the supervisor
)

// Codes of the store and core operations over these rules.
const (
	CodePlanNoAnalysis    = "plan.no_analysis"   // draft for an employee without a finalized result
	CodeTrainingCompleted = "training.completed" // change a completed participation, activity or record
	CodeAwardKindInvalid  = "award.kind_invalid"
)
