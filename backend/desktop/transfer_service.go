package desktop

import (
	"encoding/base64"
	"fmt"
	"sync"
	"time"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/importer"
)

// TransferService imports and exports spreadsheets. Preview never writes;
// Commit runs in the background and the UI polls Job for progress.
type TransferService struct{ b *Backend }

// ImportPreview is what the user sees before anything is written.
type ImportPreview struct {
	Token    string           `json:"token"`
	Kind     string           `json:"kind"`
	FileName string           `json:"fileName"`
	Rows     int              `json:"rows"`
	Valid    int              `json:"valid"`
	Invalid  int              `json:"invalid"`
	Errors   []importer.Issue `json:"errors"`
	Warnings []importer.Issue `json:"warnings"`
}

// JobStatus reports a running or finished import.
type JobStatus struct {
	ID       string               `json:"id"`
	Done     int                  `json:"done"`
	Total    int                  `json:"total"`
	Finished bool                 `json:"finished"`
	Result   *domain.ImportResult `json:"result"`
	Error    *ErrorDTO            `json:"error"`
}

// Preview validates an uploaded file (base64 content) without writing.
func (s *TransferService) Preview(kind, fileName, dataBase64 string) (ImportPreview, error) {
	c, err := s.b.Core()
	if err != nil {
		return ImportPreview{}, err
	}
	data, err := base64.StdEncoding.DecodeString(dataBase64)
	if err != nil {
		return ImportPreview{}, domain.E(domain.CodeImportFileUnreadable, "import.preview", err)
	}
	rep, err := c.Preview(s.b.context(), kind, fileName, data)
	if err != nil {
		return ImportPreview{}, err
	}
	token := s.b.jobs.keep(rep)
	return ImportPreview{Token: token, Kind: kind, FileName: fileName, Rows: rep.Rows, Valid: rep.Valid,
		Invalid: rep.Invalid, Errors: rep.Errors, Warnings: rep.Warnings}, nil
}

// Commit writes a previewed file; with invalid rows it writes nothing unless
// skipInvalid is set. It returns a job id to poll.
func (s *TransferService) Commit(token string, skipInvalid bool) (string, error) {
	c, err := s.b.Core()
	if err != nil {
		return "", err
	}
	notFound := domain.E(domain.CodeNotFound, "import.commit", nil, "entity", "preview", "id", token)
	rep := s.b.jobs.peek(token)
	if rep == nil {
		return "", notFound
	}
	if rep.Invalid > 0 && !skipInvalid {
		// The preview stays: the user may still choose to write the valid rows.
		return "", domain.E(domain.CodeImportRowInvalid, "import.commit", nil, "invalid", rep.Invalid)
	}
	if s.b.jobs.report(token) == nil {
		return "", notFound // committed meanwhile by a concurrent call
	}
	ctx := s.b.context()
	return s.b.jobs.start(rep.Valid, func(progress domain.Progress) (domain.ImportResult, error) {
		return c.Commit(ctx, rep, skipInvalid, progress)
	}), nil
}

// Job returns the state of an import job.
func (s *TransferService) Job(id string) (JobStatus, error) {
	st, ok := s.b.jobs.status(id)
	if !ok {
		return JobStatus{}, domain.E(domain.CodeNotFound, "import.job", nil, "entity", "job", "id", id)
	}
	return st, nil
}

// SaveTemplate asks where to save the xlsx template of a kind and writes it.
func (s *TransferService) SaveTemplate(kind string) (string, error) {
	return s.save(kind, "template", func(c *core.Core) ([]byte, error) { return c.Template(s.b.context(), kind) })
}

// Export asks where to save an xlsx of the current data of a kind and writes it.
func (s *TransferService) Export(kind string) (string, error) {
	return s.save(kind, "data", func(c *core.Core) ([]byte, error) { return c.Export(s.b.context(), kind) })
}

var fileNames = map[string]string{
	core.KindEmployees:    "pegawai",
	core.KindPositions:    "jabatan",
	core.KindCompetencies: "kompetensi-teknis",
	core.KindAssessments:  "hasil-penilaian",
}

func (s *TransferService) save(kind, what string, build func(*core.Core) ([]byte, error)) (string, error) {
	if !core.ValidKind(kind) {
		return "", domain.E(domain.CodeInvalid, "export", nil, "field", "kind", "value", kind)
	}
	c, err := s.b.Core()
	if err != nil {
		return "", err
	}
	data, err := build(c)
	if err != nil {
		return "", err
	}
	name := fileNames[kind]
	if what == "template" {
		name = "template-" + name
	} else {
		name += "-" + time.Now().Format("20060102")
	}
	return s.b.Saver.SaveFile(s.b.context(), name+".xlsx", data)
}

// jobs keeps previewed reports (by token) and running imports (by id).
type jobs struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	reports map[string]*core.Report
	order   []string // preview tokens, oldest first
	states  map[string]*JobStatus
	done    []string // finished job ids, oldest first
	seq     int
}

// How many previews and finished jobs are remembered; older ones are
// forgotten so memory stays flat over a long day of imports.
const (
	keepPreviews     = 8
	keepFinishedJobs = 32
)

func newJobs() *jobs {
	return &jobs{reports: map[string]*core.Report{}, states: map[string]*JobStatus{}}
}

func (j *jobs) nextID(prefix string) string {
	j.seq++
	return fmt.Sprintf("%s-%d-%d", prefix, time.Now().UnixNano(), j.seq)
}

func (j *jobs) keep(r *core.Report) string {
	j.mu.Lock()
	defer j.mu.Unlock()
	token := j.nextID("preview")
	j.reports[token] = r
	j.order = append(j.order, token)
	for len(j.order) > keepPreviews {
		delete(j.reports, j.order[0])
		j.order = j.order[1:]
	}
	return token
}

func (j *jobs) peek(token string) *core.Report {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.reports[token]
}

func (j *jobs) report(token string) *core.Report {
	j.mu.Lock()
	defer j.mu.Unlock()
	r := j.reports[token]
	delete(j.reports, token) // a preview is committed at most once
	return r
}

func (j *jobs) start(total int, run func(domain.Progress) (domain.ImportResult, error)) string {
	j.mu.Lock()
	id := j.nextID("job")
	j.states[id] = &JobStatus{ID: id, Total: total}
	j.mu.Unlock()
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		res, err := runGuarded(run, func(done, total int) {
			j.mu.Lock()
			st := j.states[id]
			st.Done, st.Total = done, total
			j.mu.Unlock()
		})
		j.mu.Lock()
		defer j.mu.Unlock()
		st := j.states[id]
		st.Finished = true
		j.done = append(j.done, id)
		for len(j.done) > keepFinishedJobs {
			delete(j.states, j.done[0])
			j.done = j.done[1:]
		}
		if err != nil {
			st.Error = toDTO(err)
			return
		}
		st.Done = st.Total
		st.Result = &res
	}()
	return id
}

// runGuarded turns a panic in a background job into an error the UI shows,
// instead of taking the whole app down with the user's work.
func runGuarded(run func(domain.Progress) (domain.ImportResult, error), progress domain.Progress) (res domain.ImportResult, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = domain.E(domain.CodeInternal, "job", fmt.Errorf("panic: %v", p))
		}
	}()
	return run(progress)
}

func (j *jobs) status(id string) (JobStatus, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	st, ok := j.states[id]
	if !ok {
		return JobStatus{}, false
	}
	return *st, true
}

func (j *jobs) wait() { j.wg.Wait() }
