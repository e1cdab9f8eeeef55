package report

import (
	"bytes"
	"sync"
	"testing"
)

// Documents are printed from several goroutines at once (the desktop app's
// print service, the server's exports). gofpdf pads font tables in place
// while subsetting, so every document must get its own font bytes: with a
// shared slice the race detector reports a data race here, and the embedded
// font could be damaged. Each document must also come out the same as when
// it is printed alone.
func TestDocumentsPrintConcurrently(t *testing.T) {
	people := manyParticipants(3)
	print := func() ([]byte, error) {
		var buf bytes.Buffer
		err := Certificates(&buf, fixtureCertificateTemplate(), fixtureEvent(), people, fixtureSigner(), fixtureVerifyURL)
		return buf.Bytes(), err
	}
	alone, err := print()
	if err != nil {
		t.Fatal(err)
	}
	regular, bold := bytes.Clone(fontRegular), bytes.Clone(fontBold)

	const rounds, workers = 3, 6
	for range rounds {
		out := make([][]byte, workers)
		errs := make([]error, workers)
		var wg sync.WaitGroup
		for i := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				out[i], errs[i] = print()
			}()
		}
		wg.Wait()
		for i := range workers {
			if errs[i] != nil {
				t.Fatalf("worker %d: %v", i, errs[i])
			}
			if len(out[i]) != len(alone) {
				t.Errorf("worker %d: %d bytes, %d when printed alone", i, len(out[i]), len(alone))
			}
		}
	}
	if !bytes.Equal(regular, fontRegular) || !bytes.Equal(bold, fontBold) {
		t.Error("printing changed the embedded font bytes")
	}
}
