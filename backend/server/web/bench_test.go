package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"gorm.io/gorm"

	"kembang/backend/domain"
	"kembang/backend/server/readmodel"
	"kembang/backend/store"
)

// BenchmarkDashboards times each dashboard handler, server side (the
// handler called directly, no network), on an agency of 50 offices × 400
// employees, each with a finalized assessment of 9 competencies pushed
// through the real push path (rules, read model), plus a development plan
// of two lines and one training record per employee projected directly
// (the server's sync rules for plans and records are not this package's).
//
//	go test -run '^$' -bench Dashboards -benchtime 20x ./backend/server/web/
func BenchmarkDashboards(b *testing.B) {
	const offices, perOffice = 50, 400
	for name, cfg := range backends(b) {
		b.Run(name, func(b *testing.B) {
			e := start(b, cfg(b))
			_, err := e.S.PublishFramework(bg(), builtIn(), "pusat")
			must(b, err)
			began := time.Now()
			var first string
			for o := 0; o < offices; o++ {
				d := e.enrol(b, fmt.Sprintf("BKPSDM %02d", o+1))
				if o == 0 {
					first = d.Office
				}
				e.push(b, d, withUnits(officeData(8, perOffice, o), d.Office)...)
			}
			pushed := time.Since(began)
			began = time.Now()
			seedPlansAndRecords(b, e)
			b.Logf("seeded %d employees and %d assessments by push in %s (%.0f mutations/s with the read model); plans and records in %s",
				offices*perOffice, offices*perOffice, pushed.Round(time.Second), float64(2*offices*perOffice+offices*9)/pushed.Seconds(),
				time.Since(began).Round(time.Second))

			br := e.browser(b)
			br.mustLogin("admin", adminPW)
			cookie := &http.Cookie{Name: "kembang_session", Value: br.cookie("kembang_session")}
			year := e.Clock.Now().Year()
			pages := []struct{ name, path string }{
				{"offices", "/"},
				{"office", "/offices/" + first},
				{"heatmap", "/heatmap"},
				{"heatmap_office", "/heatmap?office=" + url.QueryEscape(first)},
				{"tna", fmt.Sprintf("/tna?year=%d", year)},
				{"jp", fmt.Sprintf("/jp?year=%d", year)},
				{"heatmap_xlsx", "/heatmap?format=xlsx"},
				{"tna_pdf", fmt.Sprintf("/tna?year=%d&format=pdf", year)},
				{"jp_pdf", fmt.Sprintf("/jp?year=%d&format=pdf", year)},
			}
			for _, p := range pages {
				b.Run(p.name, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						req := httptest.NewRequest(http.MethodGet, p.path, nil)
						req.AddCookie(cookie)
						rec := httptest.NewRecorder()
						e.App.ServeHTTP(rec, req)
						if rec.Code != http.StatusOK {
							b.Fatalf("%s: %d", p.path, rec.Code)
						}
					}
				})
			}
		})
	}
}

// seedPlansAndRecords gives every live employee a plan of two lines for
// this year and one training record of 12 JP.
func seedPlansAndRecords(b *testing.B, e *env) {
	var emps []struct{ ID, OfficeID string }
	must(b, e.S.DB.Table("rm_employee").Select("id, office_id").Where("live").Scan(&emps).Error)
	year := e.Clock.Now().Year()
	methods := []string{"pelatihan_klasikal", "coaching", "mentoring", "e_learning"}
	for start := 0; start < len(emps); start += 1000 {
		end := min(start+1000, len(emps))
		must(b, e.S.WriteTx(bg(), func(tx *gorm.DB) error {
			for i, emp := range emps[start:end] {
				n := start + i
				p := domain.DevelopmentPlan{EmployeeID: emp.ID, Year: year, State: domain.PlanApproved, Lines: domain.PlanLines{
					{ID: "a", CompetencyCode: fmt.Sprintf("M.%d", 1+n%8), MethodCode: methods[n%4], PlannedJP: 20, Cost: 1_500_000, Status: domain.LinePlanned},
					{ID: "b", CompetencyCode: "SK.1", MethodCode: methods[(n+1)%4], PlannedJP: 8, Cost: 250_000, Status: domain.LinePlanned},
				}}
				p.ID = store.NewUUIDv7()
				pb, _ := json.Marshal(p)
				if err := readmodel.Apply(tx, readmodel.Change{Entity: "development_plan", EntityID: p.ID, OfficeID: emp.OfficeID, Payload: pb}); err != nil {
					return err
				}
				r := domain.TrainingRecord{EmployeeID: emp.ID, Name: "Diklat", Year: year, JP: float64(8 + n%20), CertificateNo: fmt.Sprintf("C/%d", n)}
				r.ID = store.NewUUIDv7()
				rb, _ := json.Marshal(r)
				if err := readmodel.Apply(tx, readmodel.Change{Entity: "training_record", EntityID: r.ID, OfficeID: emp.OfficeID, Payload: rb}); err != nil {
					return err
				}
			}
			return nil
		}))
	}
}
