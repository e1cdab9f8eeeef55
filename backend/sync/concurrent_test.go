package sync_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	gosync "sync"
	"testing"

	"kembang/backend/domain"
	"kembang/backend/server"
	"kembang/backend/store"
	"kembang/backend/syncproto"
)

// TestTwoInstancesConcurrentPushersPullNeverSkips runs two server instances
// on one PostgreSQL database, pushers writing through both at once, and a
// reader pulling from both while they write: the reader sees every
// accepted row, in strictly increasing change_seq, none twice.
func TestTwoInstancesConcurrentPushersPullNeverSkips(t *testing.T) {
	dsn := os.Getenv("KEMBANG_TEST_PG_DSN")
	if dsn == "" {
		t.Skip("KEMBANG_TEST_PG_DSN not set: two-instance test needs PostgreSQL")
	}
	cfg := server.Config{Driver: store.DriverPostgres, DSN: pgSchema(t, dsn)}
	s1 := startServer(t, cfg)
	s2 := startServer(t, cfg)
	o := s1.setup(t, "Kantor A")[0]
	enrol := func() string {
		code, _, err := s1.NewEnrolCode(bg(), o.ID, 0)
		must(t, err)
		var r syncproto.EnrolResponse
		if st := rawCall(t, http.MethodPost, s2.URL+syncproto.PathEnrol, "", syncproto.EnrolRequest{Code: code}, &r); st != http.StatusOK {
			t.Fatalf("enrol: %d", st)
		}
		return r.Credential
	}
	const pushers, batches, perBatch = 4, 15, 8
	urls := []string{s1.URL, s2.URL}
	reader := enrol()
	var wg gosync.WaitGroup
	var mu gosync.Mutex
	made := map[string]bool{}
	errs := make(chan error, pushers)
	for p := 0; p < pushers; p++ {
		cred := enrol()
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			for b := 0; b < batches; b++ {
				var req syncproto.PushRequest
				for k := 0; k < perBatch; k++ {
					u := domain.Unit{OfficeID: o.ID, Name: fmt.Sprintf("Unit %d-%d-%d", p, b, k)}
					u.ID = store.NewUUIDv7()
					u.Version = 1
					pl, _ := json.Marshal(u)
					req.Mutations = append(req.Mutations, syncproto.Mutation{MutationID: store.NewUUIDv7(), Entity: "unit", EntityID: u.ID, Payload: pl})
					mu.Lock()
					made[u.ID] = true
					mu.Unlock()
				}
				var resp syncproto.PushResponse
				if st := rawCall(t, http.MethodPost, urls[(p+b)%2]+syncproto.PathPush, cred, req, &resp); st != http.StatusOK {
					errs <- fmt.Errorf("pusher %d: status %d", p, st)
					return
				}
				for _, r := range resp.Results {
					if r.Status != syncproto.StatusApplied {
						errs <- fmt.Errorf("pusher %d: %+v", p, r)
						return
					}
				}
			}
		}(p)
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()

	seen := map[string]bool{}
	var last int64
	cursor := ""
	pull := func(i int) bool {
		var page syncproto.PullPage
		if st := rawCall(t, http.MethodGet, urls[i%2]+syncproto.PathPull+"?cursor="+cursor, reader, nil, &page); st != http.StatusOK {
			t.Fatalf("pull: %d", st)
		}
		changes, err := page.Changes()
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range changes {
			if c.Seq <= last {
				t.Fatalf("seq %d after %d: a page went back or repeated", c.Seq, last)
			}
			last = c.Seq
			if c.Entity == "unit" {
				seen[c.EntityID] = true
			}
		}
		cursor = page.Cursor
		return page.More
	}
	for i := 0; ; i++ {
		select {
		case <-done:
			for pull(i) {
				i++
			}
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}
			if len(made) != pushers*batches*perBatch {
				t.Fatalf("made %d units", len(made))
			}
			for id := range made {
				if !seen[id] {
					t.Fatalf("the reader never saw unit %s: a change was skipped", id)
				}
			}
			return
		default:
			pull(i)
		}
	}
}
