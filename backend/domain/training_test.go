package domain

import (
	"fmt"
	"reflect"
	"sort"
	"sync"
	"testing"
)

func seminarEvent() TrainingEvent {
	return TrainingEvent{SyncMeta: SyncMeta{ID: "ev-1"}, Code: "SEM-01", Name: "Seminar Pelayanan Publik", MethodCode: "seminar",
		Provider: "BKPSDM", Venue: "Aula Kantor Bupati", StartDate: "2025-05-05", EndDate: "2025-05-09",
		CertificateFormat: "{seq:04}/{event}/{office}/{device}/{year}"}
}

func TestEventDays(t *testing.T) {
	tests := []struct {
		name       string
		start, end string
		days       int
		want       int
	}{
		{"one-day event", "2025-05-05", "2025-05-05", 0, 1},
		{"Monday to Friday is 5 days", "2025-05-05", "2025-05-09", 0, 5},
		{"across a month end", "2025-01-30", "2025-02-02", 0, 4},
		{"explicit learning days skip the weekend", "2025-05-02", "2025-05-06", 3, 3},
		{"end before start has no days", "2025-05-09", "2025-05-05", 0, 0},
		{"bad date has no days", "2025-02-30", "2025-03-01", 0, 0},
	}
	for _, tt := range tests {
		if got := EventDays(TrainingEvent{StartDate: tt.start, EndDate: tt.end, Days: tt.days}); got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestComputeEventJP(t *testing.T) {
	methods := testMethods()
	tests := []struct {
		name string
		edit func(*TrainingEvent)
		want float64
	}{
		{"a 5-day national seminar is 20 JP", func(e *TrainingEvent) {}, 20},
		{"a 2-day international seminar is 12 JP", func(e *TrainingEvent) { e.EndDate = "2025-05-06"; e.International = true }, 12},
		{"a 3-day workshop is 15 JP", func(e *TrainingEvent) { e.MethodCode = "workshop"; e.EndDate = "2025-05-07" }, 15},
		{"pelatihan teknis takes the stated JP", func(e *TrainingEvent) { e.MethodCode = "pelatihan_teknis"; e.StatedJP = 30 }, 30},
		{"an edited JP is kept", func(e *TrainingEvent) { e.JPManual = true; e.JP = 18 }, 18},
	}
	for _, tt := range tests {
		ev := seminarEvent()
		tt.edit(&ev)
		if err := ComputeEventJP(&ev, methods[ev.MethodCode]); err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if ev.JP != tt.want {
			t.Errorf("%s: got %v JP, want %v", tt.name, ev.JP, tt.want)
		}
	}
	ev := seminarEvent()
	if err := ComputeEventJP(&ev, methods["workshop"]); !IsCode(err, CodeTrainingMismatch) {
		t.Errorf("another method's rule: %v", err)
	}
}

func TestValidateTrainingEvent(t *testing.T) {
	methods := testMethods()
	ev := seminarEvent()
	if errs := ValidateTrainingEvent(&ev, methods); errs != nil {
		t.Fatalf("good event rejected: %v", errs)
	}
	if ev.Route != RouteClassical {
		t.Errorf("route not taken from the method: %q", ev.Route)
	}
	tests := []struct {
		name      string
		edit      func(*TrainingEvent)
		wantField string
		wantCode  string
	}{
		{"no name", func(e *TrainingEvent) { e.Name = "  " }, "name", CodeRequired},
		{"method not in the catalogue", func(e *TrainingEvent) { e.MethodCode = "telepati" }, "methodCode", CodeMethodUnknown},
		{"route contradicts the method", func(e *TrainingEvent) { e.Route = RouteNonClassical }, "route", CodeMethodRouteMismatch},
		{"ends before it starts", func(e *TrainingEvent) { e.EndDate = "2025-05-01" }, "endDate", CodeDateRange},
		{"no start date", func(e *TrainingEvent) { e.StartDate = "" }, "startDate", CodeRequired},
		{"more learning days than calendar days", func(e *TrainingEvent) { e.Days = 6 }, "days", CodeAmountInvalid},
		{"negative budget", func(e *TrainingEvent) { e.Budget = -1 }, "budget", CodeAmountInvalid},
		{"unknown funding source", func(e *TrainingEvent) { e.FundingSource = "hibah" }, "fundingSource", CodePlanFundingInvalid},
		{"event code with a slash would break certificate numbers", func(e *TrainingEvent) { e.Code = "SEM/01" }, "code", CodeEventCodeInvalid},
		{"a format using {event} needs a code", func(e *TrainingEvent) { e.Code = "" }, "code", CodeRequired},
		{"a format without the device code is refused", func(e *TrainingEvent) { e.CertificateFormat = "{seq:03}/{event}/{year}" }, "certificateFormat", CodeCertificateFormat},
	}
	for _, tt := range tests {
		ev := seminarEvent()
		tt.edit(&ev)
		errs := ValidateTrainingEvent(&ev, methods)
		found := false
		for _, e := range errs {
			found = found || (e.Field == tt.wantField && e.Code == tt.wantCode)
		}
		if !found {
			t.Errorf("%s: errors %v, want %s on %s", tt.name, errs, tt.wantCode, tt.wantField)
		}
	}
}

func TestCompleteParticipant(t *testing.T) {
	emp := Employee{SyncMeta: SyncMeta{ID: "emp-1"}, NIP: "199001012015031001", Name: "Budi"}
	method := testMethods()["seminar"]
	mark := func(date string, present bool) Attendance {
		return Attendance{EventID: "ev-1", ParticipantID: "p-1", Date: date, Present: present}
	}
	days := func(n int) []Attendance {
		var out []Attendance
		for d := 0; d < n; d++ {
			out = append(out, mark(fmt.Sprintf("2025-05-%02d", 5+d), true))
		}
		return out
	}
	tests := []struct {
		name        string
		marks       []Attendance
		rule        CompletionRule
		wantPresent int
		wantCode    string
	}{
		{"4 of 5 days is exactly 80 %: completed", days(4), DefaultCompletionRule(), 4, ""},
		{"all 5 days: completed", days(5), DefaultCompletionRule(), 5, ""},
		{"3 of 5 days is short", days(3), DefaultCompletionRule(), 3, CodeTrainingAttendanceShort},
		{"the same day marked twice counts once", append(days(3), mark("2025-05-05", true), mark("2025-05-06", true)), DefaultCompletionRule(), 3, CodeTrainingAttendanceShort},
		{"present beats absent for the same day (two laptops disagree)", append(days(3), mark("2025-05-08", false), mark("2025-05-08", true)), DefaultCompletionRule(), 4, ""},
		{"days outside the event do not count", append(days(3), mark("2025-05-10", true), mark("2025-05-04", true)), DefaultCompletionRule(), 3, CodeTrainingAttendanceShort},
		{"deleted marks do not count", append(days(3), Attendance{SyncMeta: SyncMeta{Deleted: true}, EventID: "ev-1", ParticipantID: "p-1", Date: "2025-05-08", Present: true}), DefaultCompletionRule(), 3, CodeTrainingAttendanceShort},
		{"another participant's marks do not count", append(days(3), Attendance{EventID: "ev-1", ParticipantID: "p-2", Date: "2025-05-08", Present: true}), DefaultCompletionRule(), 3, CodeTrainingAttendanceShort},
		{"a threshold of 0 needs no attendance record", nil, CompletionRule{}, 0, ""},
		{"a stricter office rule of 100 %", days(4), CompletionRule{MinAttendance: 1}, 4, CodeTrainingAttendanceShort},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := seminarEvent()
			ev.JP = 20
			p := Participant{SyncMeta: SyncMeta{ID: "p-1"}, EventID: "ev-1", EmployeeID: "emp-1", PlanID: "plan-1", PlanLineID: "line-1",
				Status: ParticipantRegistered, CertificateNo: "0001/SEM-01/BKPSDM/A/2025"}
			c, err := CompleteParticipant(ev, &p, emp, tt.marks, method, tt.rule)
			if c.PresentDays != tt.wantPresent || c.Days != 5 {
				t.Errorf("present %d of %d, want %d of 5", c.PresentDays, c.Days, tt.wantPresent)
			}
			if tt.wantCode != "" {
				if !IsCode(err, tt.wantCode) {
					t.Fatalf("error %v, want %s", err, tt.wantCode)
				}
				if p.Status != ParticipantIncomplete || p.TrainingRecordID != "" || c.LineUpdate != nil {
					t.Errorf("an incomplete participant got %q, record %q", p.Status, p.TrainingRecordID)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := TrainingRecord{
				SyncMeta: SyncMeta{ID: TrainingRecordID("p-1"), Version: 1}, EmployeeID: "emp-1", NIP: "199001012015031001",
				MethodCode: "seminar", Route: RouteClassical, JenisDiklat: "seminar", SIASNRecord: SIASNKursus,
				Name: "Seminar Pelayanan Publik", Provider: "BKPSDM", CertificateNo: "0001/SEM-01/BKPSDM/A/2025",
				StartDate: "2025-05-05", EndDate: "2025-05-09", Year: 2025, JP: 20, Location: "Aula Kantor Bupati",
				EventID: "ev-1", ParticipantID: "p-1",
			}
			if !reflect.DeepEqual(c.Record, want) {
				t.Errorf("record\n got %+v\nwant %+v", c.Record, want)
			}
			if p.Status != ParticipantCompleted || p.TrainingRecordID != want.ID || p.CompletedOn != "2025-05-09" {
				t.Errorf("participant %+v", p)
			}
			wantUpdate := &PlanLineUpdate{PlanID: "plan-1", LineID: "line-1", Status: LineDone, TrainingRecordID: want.ID, RealisedJP: 20}
			if !reflect.DeepEqual(c.LineUpdate, wantUpdate) {
				t.Errorf("line update %+v", c.LineUpdate)
			}
			if errs := ValidateTrainingRecord(&c.Record); errs != nil {
				t.Errorf("the record must be valid: %v", errs)
			}
		})
	}
}

func TestCompleteParticipantRefusesMismatches(t *testing.T) {
	emp := Employee{SyncMeta: SyncMeta{ID: "emp-1"}}
	methods := testMethods()
	tests := []struct {
		name   string
		p      Participant
		emp    Employee
		method DevelopmentMethod
		code   string
	}{
		{"participant of another event", Participant{EventID: "ev-2", EmployeeID: "emp-1"}, emp, methods["seminar"], CodeTrainingMismatch},
		{"record for another employee", Participant{EventID: "ev-1", EmployeeID: "emp-2"}, emp, methods["seminar"], CodeTrainingMismatch},
		{"another method's rule", Participant{EventID: "ev-1", EmployeeID: "emp-1"}, emp, methods["workshop"], CodeTrainingMismatch},
	}
	for _, tt := range tests {
		if _, err := CompleteParticipant(seminarEvent(), &tt.p, tt.emp, nil, tt.method, CompletionRule{}); !IsCode(err, tt.code) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
	bad := seminarEvent()
	bad.EndDate = "2025-05-01"
	p := Participant{EventID: "ev-1", EmployeeID: "emp-1"}
	if _, err := CompleteParticipant(bad, &p, emp, nil, methods["seminar"], CompletionRule{}); !IsCode(err, CodeDateInvalid) {
		t.Errorf("bad dates: %v", err)
	}
}

func TestCompleteActivity(t *testing.T) {
	emp := Employee{SyncMeta: SyncMeta{ID: "emp-1"}, NIP: "199001012015031001"}
	methods := testMethods()
	tests := []struct {
		name string
		a    LearningActivity
		want float64
		code string
	}{
		{"three coaching sessions are 6 JP",
			LearningActivity{MethodCode: "coaching", Sessions: 3, StartDate: "2025-02-03", EndDate: "2025-02-24"}, 6, ""},
		{"knowledge sharing reported as 10 JP over 3 days counts 6",
			LearningActivity{MethodCode: "komunitas_belajar", StatedJP: 10, StartDate: "2025-02-03", EndDate: "2025-02-05"}, 6, ""},
		{"an edited JP is kept",
			LearningActivity{MethodCode: "coaching", Sessions: 3, JP: 5, JPManual: true, StartDate: "2025-02-03", EndDate: "2025-02-03"}, 5, ""},
		{"coaching without sessions cannot be converted",
			LearningActivity{MethodCode: "coaching", StartDate: "2025-02-03", EndDate: "2025-02-03"}, 0, CodeJPInputInvalid},
		{"no dates", LearningActivity{MethodCode: "coaching", Sessions: 1}, 0, CodeDateInvalid},
	}
	for _, tt := range tests {
		a := tt.a
		a.ID, a.EmployeeID, a.Title, a.PlanID, a.PlanLineID = "act-1", "emp-1", "Coaching komunikasi", "plan-1", "line-2"
		c, err := CompleteActivity(&a, emp, methods[a.MethodCode])
		if tt.code != "" {
			if !IsCode(err, tt.code) {
				t.Errorf("%s: error %v, want %s", tt.name, err, tt.code)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if c.Record.JP != tt.want || c.Record.ID != TrainingRecordID("act-1") || c.Record.Year != 2025 || c.Record.LearningActivityID != "act-1" ||
			c.Record.Route != RouteNonClassical || a.TrainingRecordID != c.Record.ID {
			t.Errorf("%s: record %+v", tt.name, c.Record)
		}
		if c.LineUpdate == nil || c.LineUpdate.LineID != "line-2" || c.LineUpdate.RealisedJP != tt.want {
			t.Errorf("%s: line update %+v", tt.name, c.LineUpdate)
		}
	}
	other := LearningActivity{EmployeeID: "emp-2", MethodCode: "coaching"}
	if _, err := CompleteActivity(&other, emp, methods["coaching"]); !IsCode(err, CodeTrainingMismatch) {
		t.Errorf("another employee's activity: %v", err)
	}
}

func TestSyncedRowsHaveNameBasedIDs(t *testing.T) {
	tests := []struct {
		name      string
		a, b, off string
	}{
		{"participant", ParticipantID("ev-1", "emp-1"), ParticipantID("ev-1", "emp-1"), ParticipantID("ev-1", "emp-2")},
		{"attendance", AttendanceID("p-1", "2025-05-05"), AttendanceID("p-1", "2025-05-05"), AttendanceID("p-1", "2025-05-06")},
		{"training record", TrainingRecordID("p-1"), TrainingRecordID("p-1"), TrainingRecordID("p-2")},
		{"certificate counter", CertificateCounterID("ev-1", "A"), CertificateCounterID("ev-1", "A"), CertificateCounterID("ev-1", "B")},
	}
	all := map[string]bool{}
	for _, tt := range tests {
		if tt.a != tt.b {
			t.Errorf("%s: the same fact made on two laptops must get one id", tt.name)
		}
		if tt.a == tt.off {
			t.Errorf("%s: different facts must get different ids", tt.name)
		}
		all[tt.a] = true
	}
	if len(all) != len(tests) {
		t.Error("ids of different entities collide")
	}
}

func TestFormatCertificateNumber(t *testing.T) {
	f := CertificateFields{Seq: 7, Event: "BIMTEK-07", Office: "BKPSDM", Device: "B", Year: 2025, Month: 11}
	tests := []struct {
		name   string
		format string
		f      CertificateFields
		want   string
		code   string
	}{
		{"the example format", "{seq:04}/{event}/{office}/{device}/{year}", f, "0007/BIMTEK-07/BKPSDM/B/2025", ""},
		{"roman month as in Indonesian letter numbers", "{seq:03}/{event}-{device}/{office}/{month:roman}/{year}", f, "007/BIMTEK-07-B/BKPSDM/XI/2025", ""},
		{"two-digit month", "{event}.{year}{month}.{device}.{seq}", CertificateFields{Seq: 12, Event: "E", Device: "A", Year: 2025, Month: 3}, "E.202503.A.12", ""},
		{"padding widens past its width", "{seq:02}/{event}/{device}", CertificateFields{Seq: 1234, Event: "E", Device: "A"}, "1234/E/A", ""},
		{"unknown placeholder", "{seq}/{event}/{unit}", f, "", CodeCertificateFormat},
		{"unclosed placeholder", "{seq}/{event", f, "", CodeCertificateFormat},
		{"stray closing brace", "{seq}}/{event}", f, "", CodeCertificateFormat},
		{"bad padding", "{seq:4}/{event}/{device}", f, "", CodeCertificateFormat},
		{"sequence 0", "{seq}/{event}/{device}", CertificateFields{Event: "E", Device: "A"}, "", CodeCertificateFormat},
		{"empty event code", "{seq}/{event}/{device}", CertificateFields{Seq: 1, Device: "A"}, "", CodeCertificateFormat},
		{"lower-case device code", "{seq}/{event}/{device}", CertificateFields{Seq: 1, Event: "E", Device: "a"}, "", CodeCertificateDevice},
		{"month 13", "{seq}/{event}/{month}", CertificateFields{Seq: 1, Event: "E", Month: 13}, "", CodeCertificateFormat},
	}
	for _, tt := range tests {
		got, err := FormatCertificateNumber(tt.format, tt.f)
		if tt.code != "" {
			if !IsCode(err, tt.code) {
				t.Errorf("%s: got %q, %v; want %s", tt.name, got, err, tt.code)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: got %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func TestValidateCertificateFormat(t *testing.T) {
	tests := []struct {
		name   string
		format string
		blocks bool
		ok     bool
	}{
		{"the example format", "{seq:04}/{event}/{office}/{device}/{year}", false, true},
		{"device first", "{device}-{seq:03}/{event}/{month:roman}/{year}", false, true},
		{"no device code with device numbering", "{seq:03}/{event}/{office}/{year}", false, false},
		{"no device code with per-device blocks", "{seq:03}/{event}/{office}/{year}", true, true},
		{"no sequence", "{event}/{device}/{year}", false, false},
		{"two sequences", "{seq}/{seq}/{event}/{device}", false, false},
		{"no event code: event 1 and event 2 would both print 0001", "{seq:04}/{device}/{year}", false, false},
		{"device and sequence run together", "{event}/{device}{seq}", false, false},
		{"a digit right after the sequence", "{seq}7/{event}/{device}", false, false},
		{"a letter right after the device code", "{seq}/{event}/{device}X", false, false},
		{"a letter before the device code", "{seq}/{event}/X{device}", false, false},
		{"a letter after the sequence is fine", "{seq}A/{event}/{device}", false, true},
		{"event code glued to the sequence", "{event}{seq}/{device}", false, false},
	}
	for _, tt := range tests {
		err := ValidateCertificateFormat(tt.format, tt.blocks)
		if tt.ok && err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
		if !tt.ok && !IsCode(err, CodeCertificateFormat) {
			t.Errorf("%s: accepted, want %s", tt.name, CodeCertificateFormat)
		}
	}
}

// Why the delimiter rule exists: without it, device A1 number 23 and
// device A number 123 print alike.
func TestUndelimitedFormatWouldCollide(t *testing.T) {
	const bad = "{event}/{device}{seq}"
	a, _ := FormatCertificateNumber(bad, CertificateFields{Seq: 23, Event: "E", Device: "A1"})
	b, _ := FormatCertificateNumber(bad, CertificateFields{Seq: 123, Event: "E", Device: "A"})
	if a != b {
		t.Fatalf("expected the collision the rule prevents: %q vs %q", a, b)
	}
	if ValidateCertificateFormat(bad, false) == nil {
		t.Error("the colliding format must be refused")
	}
}

// Every accepted format prints distinct numbers for distinct (device,
// sequence) pairs, even for device codes that are prefixes of each other.
func TestValidFormatsAreInjective(t *testing.T) {
	formats := []string{
		"{seq:04}/{event}/{office}/{device}/{year}",
		"{device}-{seq}/{event}",
		"{event}.{device}.{seq:02}",
		"{seq}A/{event}/{device}",
	}
	devices := []string{"A", "A1", "1", "11", "AB", "B", "1A"}
	for _, format := range formats {
		if err := ValidateCertificateFormat(format, false); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		seen := map[string]string{}
		for _, d := range devices {
			for seq := 1; seq <= 150; seq++ {
				s, err := FormatCertificateNumber(format, CertificateFields{Seq: seq, Event: "E-1", Office: "BKD", Device: d, Year: 2025, Month: 1})
				if err != nil {
					t.Fatal(err)
				}
				who := fmt.Sprintf("%s#%d", d, seq)
				if prev, dup := seen[s]; dup {
					t.Fatalf("%s: %s and %s both print %q", format, prev, who, s)
				}
				seen[s] = who
			}
		}
	}
}

// Two laptops of one office issue certificates for the same event before
// either has synced, each from many goroutines at once. No number may
// repeat, and each laptop's sequence must have no gap.
func TestCertificateNumbersUniqueAcrossLaptopsAllocatingConcurrently(t *testing.T) {
	const perWorker, workers = 40, 8
	fields := EventCertificateFields(seminarEvent(), "BKPSDM", "")
	tests := []struct {
		name    string
		format  string
		devices []CertificateSequence
	}{
		{"device codes in the number", "{seq:04}/{event}/{office}/{device}/{year}",
			[]CertificateSequence{{Device: "A"}, {Device: "B"}}},
		{"device codes that are prefixes of each other", "{device}-{seq}/{event}",
			[]CertificateSequence{{Device: "A"}, {Device: "A1"}, {Device: "1"}}},
		{"per-device blocks without a device code", "{seq:05}/{event}/{office}/{year}",
			[]CertificateSequence{{Device: "A", DeviceIndex: 1, BlockSize: 1000}, {Device: "B", DeviceIndex: 2, BlockSize: 1000}}},
		{"a laptop resuming after a reinstall continues its counter", "{seq:04}/{event}/{office}/{device}/{year}",
			[]CertificateSequence{{Device: "A", Last: 17}, {Device: "B"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			issued := map[string]string{} // number → device
			var wg sync.WaitGroup
			allocs := make([]*CertificateAllocator, len(tt.devices))
			for i, seq := range tt.devices {
				a, err := NewCertificateAllocator(tt.format, fields, seq)
				if err != nil {
					t.Fatal(err)
				}
				allocs[i] = a
				for w := 0; w < workers; w++ {
					wg.Add(1)
					go func(device string) {
						defer wg.Done()
						for n := 0; n < perWorker; n++ {
							num, err := a.Allocate()
							if err != nil {
								t.Error(err)
								return
							}
							mu.Lock()
							if prev, dup := issued[num]; dup {
								t.Errorf("%q issued twice (by %s and %s)", num, prev, device)
							}
							issued[num] = device
							mu.Unlock()
						}
					}(seq.Device)
				}
			}
			wg.Wait()
			if want := len(tt.devices) * workers * perWorker; len(issued) != want {
				t.Fatalf("%d distinct numbers, want %d", len(issued), want)
			}
			for i, a := range allocs {
				if got, want := a.Last(), tt.devices[i].Last+workers*perWorker; got != want {
					t.Errorf("device %s counter at %d, want %d (no gaps)", tt.devices[i].Device, got, want)
				}
			}
		})
	}
}

func TestCertificateSequenceNext(t *testing.T) {
	tests := []struct {
		name    string
		seq     CertificateSequence
		want    []int
		code    string
		wantErr bool
	}{
		{"device numbering counts from 1", CertificateSequence{Device: "A"}, []int{1, 2, 3}, "", false},
		{"device 2's block starts after device 1's", CertificateSequence{Device: "B", DeviceIndex: 2, BlockSize: 100}, []int{101, 102}, "", false},
		{"a used-up block stops instead of overlapping the next device's", CertificateSequence{Device: "B", DeviceIndex: 2, BlockSize: 2, Last: 2}, nil, CodeCertificateExhausted, true},
		{"blocks need a device index", CertificateSequence{Device: "B", BlockSize: 100}, nil, CodeCertificateDevice, true},
		{"bad device code", CertificateSequence{Device: "laptop-1"}, nil, CodeCertificateDevice, true},
	}
	for _, tt := range tests {
		s := tt.seq
		var got []int
		var err error
		for range max(len(tt.want), 1) {
			var n int
			if n, err = s.Next(); err != nil {
				break
			}
			got = append(got, n)
		}
		if tt.wantErr {
			if !IsCode(err, tt.code) || s != tt.seq {
				t.Errorf("%s: error %v, sequence %+v", tt.name, err, s)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, %v", tt.name, got, err)
		}
	}
}

func TestAllocatorFailureSkipsNoNumber(t *testing.T) {
	a, err := NewCertificateAllocator("{seq}/{event}/{device}", CertificateFields{Event: ""}, CertificateSequence{Device: "A"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Allocate(); !IsCode(err, CodeCertificateFormat) || a.Last() != 0 {
		t.Errorf("error %v, counter %d: a failed number must not use up its sequence", err, a.Last())
	}
	if _, err := NewCertificateAllocator("{seq}/{event}", CertificateFields{}, CertificateSequence{Device: "A"}); !IsCode(err, CodeCertificateFormat) {
		t.Errorf("a format without device code: %v", err)
	}
	if _, err := NewCertificateAllocator("{seq}/{event}/{device}", CertificateFields{}, CertificateSequence{Device: ""}); !IsCode(err, CodeCertificateDevice) {
		t.Errorf("no device: %v", err)
	}
}

func TestEventCertificateFields(t *testing.T) {
	f := EventCertificateFields(seminarEvent(), "BKPSDM", "C")
	if f != (CertificateFields{Event: "SEM-01", Office: "BKPSDM", Device: "C", Year: 2025, Month: 5}) {
		t.Errorf("%+v", f)
	}
}

func TestValidateTrainingRecord(t *testing.T) {
	r := TrainingRecord{EmployeeID: "e", Name: " Diklat  PKA ", EndDate: "2019-11-09", StartDate: "2019-11-03", JP: 20}
	if errs := ValidateTrainingRecord(&r); errs != nil || r.Year != 2019 || r.Name != "Diklat PKA" {
		t.Errorf("errors %v, year %d, name %q", errs, r.Year, r.Name)
	}
	bad := TrainingRecord{EmployeeID: "e", Name: "x", EndDate: "2019-11-09", Year: 2020, JP: -1}
	errs := ValidateTrainingRecord(&bad)
	var fields []string
	for _, e := range errs {
		fields = append(fields, e.Field)
	}
	sort.Strings(fields)
	if !reflect.DeepEqual(fields, []string{"jp", "year"}) {
		t.Errorf("errors %v", errs)
	}
	if r.JPRecord() != (JPRecord{EmployeeID: "e", Year: 2019, Date: "2019-11-09", JP: 20}) {
		t.Errorf("JP record %+v", r.JPRecord())
	}
}
