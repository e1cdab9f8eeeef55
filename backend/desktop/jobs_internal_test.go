package desktop

import (
	"testing"

	"kembang/backend/domain"
)

func TestAJobThatPanicsReportsAnErrorInsteadOfCrashing(t *testing.T) {
	j := newJobs()
	id := j.start(1, func(domain.Progress) (domain.ImportResult, error) { panic("boom") })
	j.wait()
	st, ok := j.status(id)
	if !ok || !st.Finished {
		t.Fatalf("job not finished: %+v", st)
	}
	if st.Error == nil || st.Error.Code != domain.CodeInternal {
		t.Fatalf("want an internal error, got %+v", st.Error)
	}
}
