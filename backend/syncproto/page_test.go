package syncproto

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

func TestPullPageRoundTrip(t *testing.T) {
	p := PullPage{Protocol: ProtocolVersion, Cursor: `a.b"c`, More: true}
	rows := []struct {
		entity string
		seq    int64
		row    string
	}{
		{"unit", 41, `{"id":"u1","version":2,"deleted":false,"name":"A"}`},
		{"unit", 42, `{"id":"u2","version":1,"deleted":true}`},
		{"employee", 45, `{"id":"e1","version":3,"deleted":false,"items":[1,2]}`},
		{"unit", 46, `{"id":"u3","version":1,"deleted":false}`},
	}
	prev := int64(0)
	for _, r := range rows {
		p.Add(r.entity, r.seq, prev, json.RawMessage(r.row))
		prev = r.seq
	}
	if len(p.Runs) != 3 || p.Len() != 4 || !reflect.DeepEqual(p.Runs[0].Seqs, []int64{41, 1}) {
		t.Fatalf("runs %+v", p.Runs)
	}
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	var back PullPage
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatalf("%s: %v", buf.String(), err)
	}
	if !reflect.DeepEqual(back, p) {
		t.Fatalf("round trip:\n%+v\n%+v", back, p)
	}
	changes, err := back.Changes()
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{Seq: 41, Entity: "unit", EntityID: "u1", Version: 2, Payload: json.RawMessage(rows[0].row)},
		{Seq: 42, Entity: "unit", EntityID: "u2", Version: 1, Deleted: true, Payload: json.RawMessage(rows[1].row)},
		{Seq: 45, Entity: "employee", EntityID: "e1", Version: 3, Payload: json.RawMessage(rows[2].row)},
		{Seq: 46, Entity: "unit", EntityID: "u3", Version: 1, Payload: json.RawMessage(rows[3].row)},
	}
	if !reflect.DeepEqual(changes, want) {
		t.Fatalf("changes:\n%+v\nwant\n%+v", changes, want)
	}
	empty := PullPage{Protocol: ProtocolVersion, Cursor: "c"}
	buf.Reset()
	_, _ = empty.WriteTo(&buf)
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back.Len() != 0 {
		t.Fatalf("empty page %s: %v", buf.String(), err)
	}
	if _, err := back.Validate(); err != nil {
		t.Fatalf("an empty page is valid: %v", err)
	}
	back.Protocol = 1
	if _, err := back.Validate(); !errors.Is(err, ErrPageInvalid) {
		t.Fatalf("protocol 1: %v", err)
	}
}
