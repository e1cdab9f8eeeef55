package report

import (
	"bytes"
	"testing"
)

// BenchmarkCertificates1000 renders 1,000 certificates with their signed
// QR codes into one PDF over a ~200 KB JPEG background (embedded once).
// Target: ≤ 5 s per op on 2 cores. Reports the PDF size.
func BenchmarkCertificates1000(b *testing.B) {
	tpl := fixtureCertificateTemplate()
	tpl.Background = testBackground()
	people := manyParticipants(1000)
	ev, signer := fixtureEvent(), fixtureSigner()
	b.ReportMetric(float64(len(tpl.Background)), "background-bytes")
	var size int
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if err := Certificates(&buf, tpl, ev, people, signer, fixtureVerifyURL); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "pdf-bytes")
}

// BenchmarkIDP renders one employee's development plan. Target ≤ 100 ms.
func BenchmarkIDP(b *testing.B) {
	d := fixtureIDP()
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := IDP(&buf, d); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "pdf-bytes")
}
