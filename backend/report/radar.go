package report

import (
	"math"

	"github.com/jung-kurt/gofpdf"
)

// radarSeries is one polygon of a radar chart.
type radarSeries struct {
	label  string
	values []float64
	color  [3]int
	fill   bool
	dashed bool
}

// radar draws a radar (spider) chart centred on (cx, cy) with radius r:
// one axis per label, rings at 1..maxLevel, and the series as polygons.
// Labels are the short competency codes; the table beside it names them.
func (d *doc) radar(cx, cy, r float64, labels []string, maxLevel int, series []radarSeries) {
	n := len(labels)
	if n < 3 || maxLevel <= 0 {
		return
	}
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }
	point := func(i int, v float64) gofpdf.PointType {
		v = math.Max(0, math.Min(v, float64(maxLevel)))
		rr := r * v / float64(maxLevel)
		return gofpdf.PointType{X: cx + rr*math.Cos(angle(i)), Y: cy + rr*math.Sin(angle(i))}
	}
	pdf := d.pdf
	// Rings and axes.
	pdf.SetLineWidth(0.15)
	pdf.SetDrawColor(190, 190, 190)
	for lv := 1; lv <= maxLevel; lv++ {
		ring := make([]gofpdf.PointType, n)
		for i := range ring {
			ring[i] = point(i, float64(lv))
		}
		pdf.Polygon(ring, "D")
	}
	for i := 0; i < n; i++ {
		p := point(i, float64(maxLevel))
		pdf.Line(cx, cy, p.X, p.Y)
	}
	// Ring values along the first axis.
	d.font(false, 6)
	d.color(colMuted)
	for lv := 1; lv <= maxLevel; lv++ {
		p := point(0, float64(lv))
		d.text(p.X+0.8, p.Y-1.6, 4, itoa(lv), "L")
	}
	// Series.
	for _, s := range series {
		pts := make([]gofpdf.PointType, n)
		for i := range pts {
			v := 0.0
			if i < len(s.values) {
				v = s.values[i]
			}
			pts[i] = point(i, v)
		}
		pdf.SetDrawColor(s.color[0], s.color[1], s.color[2])
		pdf.SetLineWidth(0.6)
		if s.dashed {
			pdf.SetDashPattern([]float64{1.6, 1}, 0)
		}
		if s.fill {
			pdf.SetFillColor(s.color[0], s.color[1], s.color[2])
			pdf.SetAlpha(0.22, "Normal")
			pdf.Polygon(pts, "F")
			pdf.SetAlpha(1, "Normal")
		}
		pdf.Polygon(pts, "D")
		pdf.SetDashPattern(nil, 0)
		for _, p := range pts {
			pdf.SetFillColor(s.color[0], s.color[1], s.color[2])
			pdf.Circle(p.X, p.Y, 0.6, "F")
		}
	}
	// Axis labels just outside the outer ring.
	d.font(true, 7)
	d.color(colText)
	for i, l := range labels {
		p := point(i, float64(maxLevel)*1.13)
		w := 22.0
		align := "C"
		x := p.X - w/2
		switch c := math.Cos(angle(i)); {
		case c > 0.3:
			align, x = "L", p.X-1
		case c < -0.3:
			align, x = "R", p.X-w+1
		}
		d.text(x, p.Y-lineHeight(7)/2, w, l, align)
	}
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(0, 0, 0)
}

func itoa(n int) string { return FormatInt(int64(n)) }
