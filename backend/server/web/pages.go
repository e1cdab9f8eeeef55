package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/server"
	"kembang/backend/server/readmodel"
)

// officeRow is one office on the offices page.
type officeRow struct {
	domain.Office
	Stat     readmodel.OfficeStat
	Active   int
	Revoked  int
	LastSync *time.Time
}

type deviceRow struct {
	server.Device
	Seen     server.DeviceSeen
	LastSync *time.Time
}

func later(a, b *time.Time) *time.Time {
	if a == nil || (b != nil && b.After(*a)) {
		return b
	}
	return a
}

func (a *App) devices(r *http.Request) (map[string][]deviceRow, error) {
	ds, err := a.s.Devices(r.Context())
	if err != nil {
		return nil, err
	}
	seen, err := a.s.DevicesSeen(r.Context())
	if err != nil {
		return nil, err
	}
	out := map[string][]deviceRow{}
	for _, d := range ds {
		sn := seen[d.ID]
		out[d.OfficeID] = append(out[d.OfficeID], deviceRow{Device: d, Seen: sn, LastSync: later(sn.LastPushAt, sn.LastPullAt)})
	}
	return out, nil
}

func (a *App) officesPage(w http.ResponseWriter, r *http.Request, c *current) {
	offices, err := a.s.Offices(r.Context())
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	stats, err := readmodel.OfficeStats(r.Context(), a.s.DB)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	devs, err := a.devices(r)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	rows := make([]officeRow, 0, len(offices))
	var total officeRow
	var jpmSum float64
	for _, o := range offices {
		row := officeRow{Office: o, Stat: stats[o.ID]}
		for _, d := range devs[o.ID] {
			if d.Revoked {
				row.Revoked++
			} else {
				row.Active++
			}
			row.LastSync = later(row.LastSync, d.LastSync)
		}
		total.Stat.Employees += row.Stat.Employees
		total.Stat.Assessed += row.Stat.Assessed
		jpmSum += row.Stat.AverageJPM * float64(row.Stat.Assessed)
		total.Active += row.Active
		total.Revoked += row.Revoked
		rows = append(rows, row)
	}
	if total.Stat.Assessed > 0 {
		total.Stat.AverageJPM = jpmSum / float64(total.Stat.Assessed)
	}
	a.render(w, r, http.StatusOK, "offices", view{User: c, Nav: "offices", Title: translate(lang(r), "nav.offices"),
		Data: map[string]any{"Offices": rows, "Total": total}})
}

func (a *App) office(r *http.Request, id string) (*domain.Office, error) {
	offices, err := a.s.Offices(r.Context())
	if err != nil {
		return nil, err
	}
	for i := range offices {
		if offices[i].ID == id {
			return &offices[i], nil
		}
	}
	return nil, nil
}

type unitRow struct {
	Name string
	Stat readmodel.OfficeStat
}

func (a *App) officePage(w http.ResponseWriter, r *http.Request, c *current) {
	o, err := a.office(r, r.PathValue("id"))
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	if o == nil {
		a.render(w, r, http.StatusNotFound, "message", view{User: c, Error: translate(lang(r), "notfound")})
		return
	}
	devs, err := a.devices(r)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	units, err := readmodel.UnitStats(r.Context(), a.s.DB, o.ID)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	names, err := readmodel.Units(r.Context(), a.s.DB, o.ID)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	rows := make([]unitRow, 0, len(units))
	for id, st := range units {
		rows = append(rows, unitRow{Name: unitName(names, id, lang(r)), Stat: st})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Name < rows[j].Name })
	a.render(w, r, http.StatusOK, "office", view{User: c, Nav: "offices", Title: o.Name,
		Data: map[string]any{"Office": o, "Devices": devs[o.ID], "Units": rows}})
}

func unitName(names map[string]string, id, l string) string {
	if n, ok := names[id]; ok {
		return n
	}
	if id == "" {
		if l == "en" {
			return "(no unit)"
		}
		return "(tanpa unit)"
	}
	return id
}

func (a *App) revokeDevice(w http.ResponseWriter, r *http.Request, c *current) {
	id := r.PathValue("id")
	var office string
	ds, err := a.s.Devices(r.Context())
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	for _, d := range ds {
		if d.ID == id {
			office = d.OfficeID
		}
	}
	if err := a.s.RevokeDevice(r.Context(), id); err != nil {
		if domain.ErrorCode(err) == domain.CodeNotFound {
			a.render(w, r, http.StatusNotFound, "message", view{User: c, Error: translate(lang(r), "notfound")})
			return
		}
		a.fail(w, r, c, err)
		return
	}
	a.audit(r, c, "device.revoke", id, "office "+office)
	http.Redirect(w, r, "/offices/"+url.PathEscape(office), http.StatusSeeOther)
}

// heatmap is the data of the heatmap page and its exports.
type heatmap struct {
	OfficeID string
	Office   string
	Codes    []readmodel.Competency
	Rows     []heatRow
	Offices  []domain.Office
}

type heatRow struct {
	ID    string
	Name  string
	Cells []*readmodel.Cell // by Codes; nil when nobody was assessed
}

func (a *App) loadHeatmap(r *http.Request) (*heatmap, error) {
	ctx := r.Context()
	h := &heatmap{OfficeID: r.URL.Query().Get("office")}
	offices, err := a.s.Offices(ctx)
	if err != nil {
		return nil, err
	}
	h.Offices = offices
	names := map[string]string{}
	for _, o := range offices {
		names[o.ID] = o.Name
	}
	if h.OfficeID != "" {
		h.Office = names[h.OfficeID]
		if names, err = readmodel.Units(ctx, a.s.DB, h.OfficeID); err != nil {
			return nil, err
		}
	}
	cells, err := readmodel.Heatmap(ctx, a.s.DB, h.OfficeID)
	if err != nil {
		return nil, err
	}
	comps, err := readmodel.Competencies(ctx, a.s.DB)
	if err != nil {
		return nil, err
	}
	compByCode := map[string]readmodel.Competency{}
	for _, c := range comps {
		compByCode[c.Code] = c
	}
	used := map[string]bool{}
	byRow := map[string]map[string]*readmodel.Cell{}
	for i := range cells {
		c := &cells[i]
		used[c.Code] = true
		if byRow[c.Row] == nil {
			byRow[c.Row] = map[string]*readmodel.Cell{}
		}
		byRow[c.Row][c.Code] = c
	}
	for code := range used {
		comp, ok := compByCode[code]
		if !ok {
			comp = readmodel.Competency{Code: code, Name: code}
		}
		h.Codes = append(h.Codes, comp)
	}
	sort.Slice(h.Codes, func(i, j int) bool { return codeLess(h.Codes[i].Code, h.Codes[j].Code) })
	for id, m := range byRow {
		row := heatRow{ID: id, Name: unitName(names, id, lang(r))}
		for _, comp := range h.Codes {
			row.Cells = append(row.Cells, m[comp.Code])
		}
		h.Rows = append(h.Rows, row)
	}
	sort.Slice(h.Rows, func(i, j int) bool { return h.Rows[i].Name < h.Rows[j].Name })
	return h, nil
}

// codeLess orders competency codes naturally: M.2 before M.10.
func codeLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		switch {
		case ea == nil && eb == nil && na != nb:
			return na < nb
		case (ea != nil || eb != nil) && pa[i] != pb[i]:
			return pa[i] < pb[i]
		}
	}
	return len(pa) < len(pb)
}

func (a *App) heatmapPage(w http.ResponseWriter, r *http.Request, c *current) {
	h, err := a.loadHeatmap(r)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	if f := r.URL.Query().Get("format"); f != "" {
		a.export(w, r, c, f, "peta-kesenjangan", heatmapDoc(h, lang(r)))
		return
	}
	a.render(w, r, http.StatusOK, "heatmap", view{User: c, Nav: "heatmap", Title: translate(lang(r), "heatmap.title"), Exports: true, Data: h})
}

func (a *App) year(r *http.Request) int {
	y, err := strconv.Atoi(r.URL.Query().Get("year"))
	if err != nil || y < 2000 || y > 2200 {
		return a.now().Year()
	}
	return y
}

type tnaView struct {
	*readmodel.Needs
	Names   map[string]string
	Methods map[string]string
	Years   []int
}

func (a *App) loadTNA(r *http.Request) (*tnaView, error) {
	n, err := readmodel.TrainingNeeds(r.Context(), a.s.DB, a.year(r))
	if err != nil {
		return nil, err
	}
	comps, err := readmodel.Competencies(r.Context(), a.s.DB)
	if err != nil {
		return nil, err
	}
	v := &tnaView{Needs: n, Names: map[string]string{}, Methods: map[string]string{}}
	for _, c := range comps {
		v.Names[c.Code] = c.Name
	}
	en := lang(r) == "en"
	for code, m := range framework.MethodsByCode() {
		v.Methods[code] = m.Name
		if en && m.NameEN != "" {
			v.Methods[code] = m.NameEN
		}
	}
	for y := a.now().Year() + 1; y >= a.now().Year()-4; y-- {
		v.Years = append(v.Years, y)
	}
	return v, nil
}

func (a *App) tnaPage(w http.ResponseWriter, r *http.Request, c *current) {
	v, err := a.loadTNA(r)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	if f := r.URL.Query().Get("format"); f != "" {
		a.export(w, r, c, f, fmt.Sprintf("analisis-kebutuhan-%d", v.Year), tnaDoc(v, lang(r)))
		return
	}
	a.render(w, r, http.StatusOK, "tna", view{User: c, Nav: "tna", Title: translate(lang(r), "tna.title"), Exports: true, Data: v})
}

type jpRow struct {
	Office domain.Office
	Stat   readmodel.JPStat
}

type jpView struct {
	Year   int
	Target float64
	Rows   []jpRow
	Total  readmodel.JPStat
	Years  []int
}

func (a *App) loadJP(r *http.Request) (*jpView, error) {
	v := &jpView{Year: a.year(r), Target: a.opt.JPTarget}
	if t, err := strconv.ParseFloat(r.URL.Query().Get("target"), 64); err == nil && t > 0 && t <= 1000 {
		v.Target = t
	}
	offices, err := a.s.Offices(r.Context())
	if err != nil {
		return nil, err
	}
	stats, err := readmodel.JPCompliance(r.Context(), a.s.DB, v.Year, v.Target)
	if err != nil {
		return nil, err
	}
	for _, o := range offices {
		st := stats[o.ID]
		v.Rows = append(v.Rows, jpRow{Office: o, Stat: st})
		v.Total.Employees += st.Employees
		v.Total.WithRecords += st.WithRecords
		v.Total.Compliant += st.Compliant
		v.Total.TotalJP += st.TotalJP
	}
	if v.Total.Employees > 0 {
		v.Total.AverageJP = v.Total.TotalJP / float64(v.Total.Employees)
	}
	for y := a.now().Year(); y >= a.now().Year()-4; y-- {
		v.Years = append(v.Years, y)
	}
	return v, nil
}

func (a *App) jpPage(w http.ResponseWriter, r *http.Request, c *current) {
	v, err := a.loadJP(r)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	if f := r.URL.Query().Get("format"); f != "" {
		a.export(w, r, c, f, fmt.Sprintf("pemenuhan-jp-%d", v.Year), jpDoc(v, lang(r)))
		return
	}
	a.render(w, r, http.StatusOK, "jp", view{User: c, Nav: "jp", Title: translate(lang(r), "jp.title"), Exports: true, Data: v})
}

type versionRow struct {
	Number       int
	PublishedAt  time.Time
	Note         string
	Competencies int
}

type positionView struct {
	Name      string
	Employees int
	Levels    []string // "M.1: 3", in code order
}

type positionsRow struct {
	ID            string
	Office        string
	Positions     int
	WithStandards int
}

func (a *App) frameworkPage(w http.ResponseWriter, r *http.Request, c *current) {
	a.showFramework(w, r, c, "")
}

func (a *App) showFramework(w http.ResponseWriter, r *http.Request, c *current, flash string) {
	ctx := r.Context()
	comps, err := readmodel.Competencies(ctx, a.s.DB)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	sort.Slice(comps, func(i, j int) bool { return codeLess(comps[i].Code, comps[j].Code) })
	var payloads []string
	if err := a.s.DB.WithContext(ctx).Table("changes").Where("entity = ?", "framework_version").Order("version DESC").
		Limit(50).Pluck("payload", &payloads).Error; err != nil {
		a.fail(w, r, c, err)
		return
	}
	versions := make([]versionRow, 0, len(payloads))
	for _, p := range payloads {
		var fv domain.FrameworkVersion
		if err := json.Unmarshal([]byte(p), &fv); err != nil {
			a.fail(w, r, c, err)
			return
		}
		versions = append(versions, versionRow{Number: fv.Number, PublishedAt: fv.PublishedAt, Note: fv.Note, Competencies: len(fv.Competencies)})
	}
	offices, err := a.s.Offices(ctx)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	counts, err := readmodel.PositionCounts(ctx, a.s.DB)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	var positions []positionsRow
	for _, o := range offices {
		pc := counts[o.ID]
		positions = append(positions, positionsRow{ID: o.ID, Office: o.Name, Positions: pc[0], WithStandards: pc[1]})
	}
	// One office's positions and their standards, when asked.
	var office *positionsRow
	var officePositions []positionView
	if id := r.URL.Query().Get("office"); id != "" {
		for i := range positions {
			if positions[i].ID == id {
				office = &positions[i]
			}
		}
		if office != nil {
			ps, err := readmodel.OfficePositions(ctx, a.s.DB, id)
			if err != nil {
				a.fail(w, r, c, err)
				return
			}
			for _, p := range ps {
				pv := positionView{Name: p.Name, Employees: p.Employees}
				codes := make([]string, 0, len(p.Standards))
				for code, lv := range p.Standards {
					if lv > 0 {
						codes = append(codes, code)
					}
				}
				sort.Slice(codes, func(i, j int) bool { return codeLess(codes[i], codes[j]) })
				for _, code := range codes {
					pv.Levels = append(pv.Levels, fmt.Sprintf("%s: %d", code, p.Standards[code]))
				}
				officePositions = append(officePositions, pv)
			}
		}
	}
	a.render(w, r, http.StatusOK, "framework", view{User: c, Nav: "framework", Title: translate(lang(r), "framework.title"), Flash: flash,
		Data: map[string]any{"Competencies": comps, "Versions": versions, "Positions": positions, "Office": office, "OfficePositions": officePositions}})
}

func (a *App) frameworkPublish(w http.ResponseWriter, r *http.Request, c *current) {
	note := strings.TrimSpace(r.PostFormValue("note"))
	if len(note) > 500 {
		note = note[:500]
	}
	fv, err := a.s.PublishFramework(r.Context(), framework.BuiltIn(), note)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	a.audit(r, c, "framework.publish", strconv.Itoa(fv.Number), note)
	a.showFramework(w, r, c, fmt.Sprintf(translate(lang(r), "framework.published"), fv.Number, len(fv.Competencies)))
}

type enrolRow struct {
	Office    string
	CreatedAt time.Time
	ExpiresAt time.Time
	Status    string
}

func (a *App) enrolPage(w http.ResponseWriter, r *http.Request, c *current) {
	a.showEnrol(w, r, c, "", "")
}

func (a *App) showEnrol(w http.ResponseWriter, r *http.Request, c *current, code, flash string) {
	ctx := r.Context()
	offices, err := a.s.Offices(ctx)
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	names := map[string]string{}
	for _, o := range offices {
		names[o.ID] = o.Name
	}
	var codes []struct {
		OfficeID  string
		CreatedAt time.Time
		ExpiresAt time.Time
		Used      bool
	}
	if err := a.s.DB.WithContext(ctx).Table("enrol_codes").Select("office_id, created_at, expires_at, used").
		Order("created_at DESC").Limit(200).Scan(&codes).Error; err != nil {
		a.fail(w, r, c, err)
		return
	}
	rows := make([]enrolRow, 0, len(codes))
	for _, e := range codes {
		st := "valid"
		switch {
		case e.Used:
			st = "used"
		case !a.now().Before(e.ExpiresAt):
			st = "expired"
		}
		rows = append(rows, enrolRow{Office: names[e.OfficeID], CreatedAt: e.CreatedAt, ExpiresAt: e.ExpiresAt, Status: st})
	}
	a.render(w, r, http.StatusOK, "enrol", view{User: c, Nav: "enrol", Title: translate(lang(r), "enrol.title"), Flash: flash,
		Data: map[string]any{"Offices": offices, "Codes": rows, "NewCode": code}})
}

func (a *App) enrolCreate(w http.ResponseWriter, r *http.Request, c *current) {
	office := r.PostFormValue("office")
	hours, err := strconv.Atoi(r.PostFormValue("hours"))
	if err != nil || hours <= 0 || hours > 24*30 {
		hours = int(server.DefaultEnrolTTL.Hours())
	}
	code, exp, err := a.s.NewEnrolCode(r.Context(), office, time.Duration(hours)*time.Hour)
	if domain.ErrorCode(err) == domain.CodeNotFound {
		a.render(w, r, http.StatusNotFound, "message", view{User: c, Error: translate(lang(r), "notfound")})
		return
	}
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	a.audit(r, c, "enrol_code.create", office, "valid until "+exp.Format(time.RFC3339))
	a.showEnrol(w, r, c, code, fmt.Sprintf(translate(lang(r), "enrol.new"), exp.UTC().Format("2006-01-02 15:04 UTC")))
}

func (a *App) keysPage(w http.ResponseWriter, r *http.Request, c *current) {
	a.showKeys(w, r, c, http.StatusOK, "", "")
}

func (a *App) showKeys(w http.ResponseWriter, r *http.Request, c *current, status int, flash, errMsg string) {
	keys, err := a.s.CertificateKeys(r.Context())
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	offices, err := a.s.Offices(r.Context())
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	names := map[string]string{}
	for _, o := range offices {
		names[o.ID] = o.Name
	}
	a.render(w, r, status, "keys", view{User: c, Nav: "keys", Title: translate(lang(r), "keys.title"), Flash: flash, Error: errMsg,
		Data: map[string]any{"Keys": keys, "Offices": offices, "Names": names}})
}

func (a *App) keysAdd(w http.ResponseWriter, r *http.Request, c *current) {
	k := server.CertificateKey{Code: r.PostFormValue("code"), PublicKey: r.PostFormValue("publicKey"), OfficeID: r.PostFormValue("office"),
		Note: r.PostFormValue("note"), Source: "admin", AddedBy: c.User.Username}
	added, err := a.s.AddCertificateKey(r.Context(), k)
	switch domain.ErrorCode(err) {
	case "":
	case domain.CodeCertificateKeyInvalid, domain.CodeCertificateKeyConflict:
		msg := map[string][2]string{
			domain.CodeCertificateKeyInvalid:  {"Kunci tidak sah, atau kodenya tidak cocok dengan kunci.", "The key is not valid, or its code does not match it."},
			domain.CodeCertificateKeyConflict: {"Kode ini sudah dipakai kunci atau kantor lain.", "This code is already bound to another key or office."},
		}[domain.ErrorCode(err)]
		m := msg[0]
		if lang(r) == "en" {
			m = msg[1]
		}
		a.showKeys(w, r, c, http.StatusBadRequest, "", m)
		return
	default:
		a.fail(w, r, c, err)
		return
	}
	a.audit(r, c, "certificate_key.add", added.Code, "office "+added.OfficeID+" key "+added.PublicKey)
	a.showKeys(w, r, c, http.StatusOK, fmt.Sprintf(translate(lang(r), "keys.added"), added.Code), "")
}

func (a *App) certificatesPage(w http.ResponseWriter, r *http.Request, c *current) {
	a.showCertificates(w, r, c, "")
}

func (a *App) showCertificates(w http.ResponseWriter, r *http.Request, c *current, flash string) {
	revs, err := a.s.CertificateRevocations(r.Context())
	if err != nil {
		a.fail(w, r, c, err)
		return
	}
	a.render(w, r, http.StatusOK, "certificates", view{User: c, Nav: "certificates", Title: translate(lang(r), "cert.title"), Flash: flash,
		Data: revs})
}

func (a *App) certificateRevoke(w http.ResponseWriter, r *http.Request, c *current) {
	number, reason := strings.TrimSpace(r.PostFormValue("number")), r.PostFormValue("reason")
	if err := a.s.RevokeCertificate(r.Context(), number, reason, c.User.Username); err != nil {
		if domain.ErrorCode(err) == domain.CodeRequired {
			a.showCertificates(w, r, c, "")
			return
		}
		a.fail(w, r, c, err)
		return
	}
	a.audit(r, c, "certificate.revoke", number, reason)
	a.showCertificates(w, r, c, fmt.Sprintf(translate(lang(r), "cert.revoked"), number))
}

func (a *App) auditPage(w http.ResponseWriter, r *http.Request, c *current) {
	var rows []auditEntry
	if err := a.s.DB.WithContext(r.Context()).Order("at DESC, id DESC").Limit(500).Find(&rows).Error; err != nil {
		a.fail(w, r, c, err)
		return
	}
	a.render(w, r, http.StatusOK, "audit", view{User: c, Nav: "audit", Title: translate(lang(r), "audit.title"), Data: rows})
}

type verifyView struct {
	Code    string
	Result  *server.Verification
	Limited bool
}

func (a *App) verifyPage(w http.ResponseWriter, r *http.Request) {
	c, _ := a.sessionOf(r)
	v := verifyView{Code: strings.TrimSpace(r.URL.Query().Get("c"))}
	status := http.StatusOK
	if v.Code != "" {
		if len(v.Code) > 4000 {
			v.Code = v.Code[:4000]
		}
		if !a.s.AllowVerify(a.s.ClientIP(r)) {
			v.Limited, status = true, http.StatusTooManyRequests
			w.Header().Set("Retry-After", "60")
		} else {
			res, err := a.s.VerifyCertificate(r.Context(), v.Code)
			if err != nil {
				a.fail(w, r, c, err)
				return
			}
			v.Result = &res
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	a.render(w, r, status, "verify", view{User: c, Nav: "verify", Title: translate(lang(r), "verify.title"), Data: v})
}
