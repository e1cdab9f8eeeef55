// Package syncproto holds the wire types of the sync protocol (SYNC.md)
// shared by the client (backend/sync) and the server (backend/server). It
// does no I/O: JSON shapes, result codes, limits and the cursor format.
package syncproto

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// Paths of the HTTP API. Every request except enrol and healthz carries
// "Authorization: Bearer <device id>.<token>".
const (
	PathEnrol   = "/v1/enrol"
	PathPush    = "/v1/sync/push"
	PathPull    = "/v1/sync/pull"
	PathHealthz = "/healthz"
	PathMetrics = "/metrics"
)

// Protocol versions. The client sends ProtocolVersion in HeaderProtocol on
// every push and pull; the server answers any other value (or none: a
// client of version 1, whose pull pages had another shape) with 426 and
// CodeProtocolVersion before reading the request, so an old client stops
// with a clear "update Kembang" error instead of misreading a page. A
// client that gets a page without Protocol == ProtocolVersion (an old
// server) fails with CodeProtocolInvalid. Server and client are released
// together; the version changes whenever a wire shape does.
//
//	1  pull pages as a list of changes, each with its own envelope
//	2  pull pages as runs of rows of one entity (PullPage)
//	3  evaluations carry domain.EvaluationID: a version 2 client would make
//	   random ids, which the server refuses as new rows
const (
	ProtocolVersion = 3
	HeaderProtocol  = "Kembang-Sync-Protocol"
	// HeaderEpoch on a push carries the epoch of the laptop's pull cursor
	// (none before its first pull). A server whose epoch differs (it was
	// restored from a backup) answers 410 CodeResetRequired before applying
	// anything, so the laptop takes the new snapshot, which sends again the
	// rows the server lost, before its pending mutations that may refer to
	// them.
	HeaderEpoch = "Kembang-Sync-Epoch"
)

// Limits shared by both sides.
const (
	MaxPushBatch    = 500      // mutations per push request
	MaxPullPage     = 2000     // changes per pull page
	MaxRequestBytes = 32 << 20 // decompressed request body
)

// Push results.
const (
	StatusApplied   = "applied"
	StatusDuplicate = "duplicate"
	StatusRejected  = "rejected"
)

// Result and error codes. They travel in JSON and in sync issues; the
// frontend translates them through i18n.
const (
	CodeReadOnly        = "sync.read_only"         // central data (framework, offices) cannot be changed by a laptop
	CodeOfficeScope     = "sync.office_scope"      // the row, or a row it refers to, is not in the device's office
	CodeEntityUnknown   = "sync.entity_unknown"    // the server does not sync this entity
	CodePayloadInvalid  = "sync.payload_invalid"   // payload is not the entity's JSON or its id does not match
	CodeFinalized       = "assessment.finalized"   // a finalized assessment never changes
	CodeNIPTaken        = "nip.taken"              // another live employee of the office has this NIP
	CodeConflict        = "sync.conflict"          // a field changed on both sides; the later writer won
	CodeStateKept       = "sync.state_kept"        // a plan's approval state cannot go backwards: the server's state was kept
	CodeAppendOnly      = "sync.append_only"       // participants, attendance, certificate counters and completion records are never removed
	CodeCertificateUsed = "certificate.taken"      // another participant of the office already holds this certificate number
	CodeNotCompleted    = "training.not_completed" // a completion record whose participation the server does not hold as completed
	CodeUnauthorized    = "sync.unauthorized"      // unknown or revoked device, bad credential
	CodeResetRequired   = "sync.reset_required"    // the server's epoch changed: start a new snapshot
	CodeCursorInvalid   = "sync.cursor_invalid"    // the cursor was not made by this server for this device
	CodeEnrolInvalid    = "sync.enrol_invalid"     // unknown, used or expired enrolment code
	CodeDeviceCodeTaken = "sync.device_code_taken" // another live laptop of the office has this device code
	CodeBatchTooLarge   = "sync.batch_too_large"   // more than MaxPushBatch mutations
	CodeBadRequest      = "sync.bad_request"       // malformed request
	CodeInsecureServer  = "sync.insecure_server"   // plain http to a non-loopback host without permission
	CodeNotEnrolled     = "sync.not_enrolled"      // the laptop has no device credential yet
	// CodeReenrolRequired: the laptop's device credential or key exists but
	// this Windows user on this computer cannot read it (the database or a
	// backup was restored on another account or PC). Local data is kept; the
	// laptop must be enrolled again with a new code.
	CodeReenrolRequired = "sync.reenrol_required"
	CodeServerError     = "sync.server_error"     // 5xx
	CodeServerOffline   = "sync.offline"          // the server could not be reached
	CodeProtocolInvalid = "sync.protocol_invalid" // the server answered something the client cannot read
	CodeProtocolVersion = "sync.protocol_version" // client and server speak different protocol versions: update the app
)

// Error is the body of every non-2xx answer.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message,omitempty"`
}

// EnrolRequest exchanges a one-time code for a device credential.
type EnrolRequest struct {
	Code       string `json:"code"`
	DeviceName string `json:"deviceName"`
	// DeviceCode is the laptop's device code (certificate numbers), unique
	// among the office's live devices; "" from clients that send none.
	DeviceCode string `json:"deviceCode,omitempty"`
	// PreviousDeviceID is the device id the laptop held before, when it
	// enrols again: that device's code passes to the new one.
	PreviousDeviceID string `json:"previousDeviceId,omitempty"`
}

// Office is an office as the server describes it at enrolment.
type Office struct {
	ID   string `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// EnrolResponse carries the credential; the server keeps only its hash.
type EnrolResponse struct {
	DeviceID   string `json:"deviceId"`
	Credential string `json:"credential"` // "<device id>.<token>", sent as a bearer token
	Office     Office `json:"office"`
}

// Mutation is one outbox entry on the wire. Base is the row as the laptop
// last received it from the server (absent for a row the server has never
// sent it); the server compares it field by field for merge rules.
type Mutation struct {
	MutationID  string          `json:"mutationId"`
	Entity      string          `json:"entity"`
	EntityID    string          `json:"entityId"`
	BaseVersion int64           `json:"baseVersion"`
	Payload     json.RawMessage `json:"payload"`
	Base        json.RawMessage `json:"base,omitempty"`
	CreatedAt   time.Time       `json:"createdAt"`
}

// MergesWithBase reports whether the server merges a mutation of entity
// against its Base (field by field, or a development plan's lines and
// state), so that the laptop must keep, for each row of entity, the row as
// it last received it. For every other entity the server ignores Base:
// central rows are read-only on laptops, and units, positions and
// assessments are last writer wins (a finalized assessment never changes:
// a correction is a new assessment). A laptop keeps only the change_seq of
// those rows, not their JSON. The list is part of the protocol: a server
// that starts merging another entity this way needs a new
// ProtocolVersion, since laptops of this version send no Base for it.
func MergesWithBase(entity string) bool {
	switch entity {
	case "employee", "development_plan", "training_event", "training_participant", "training_attendance",
		"training_record", "learning_activity", "evaluation", "award", "certificate_counter":
		return true
	}
	return false
}

// PushRequest is one batch of at most MaxPushBatch mutations.
type PushRequest struct {
	Mutations []Mutation `json:"mutations"`
}

// Conflict is one field changed on both sides; Yours won (server order)
// unless Kept says "theirs" (a rule kept the server's value, e.g. a plan's
// approval state, which never goes backwards) or "both" (two plan lines
// added for one competency, both kept for a person to choose).
type Conflict struct {
	Field        string          `json:"field"`
	Yours        json.RawMessage `json:"yours"`
	Theirs       json.RawMessage `json:"theirs"`
	TheirsDevice string          `json:"theirsDevice"`
	Kept         string          `json:"kept,omitempty"` // "" (yours), "theirs" or "both"
}

// Result is the outcome of one mutation. Current is the server's row after
// the mutation (or as it stands, for a rejection) when the row is in the
// device's office; the laptop adopts it once it has nothing newer pending.
type Result struct {
	MutationID string          `json:"mutationId"`
	Status     string          `json:"status"`
	Code       string          `json:"code,omitempty"`
	ChangeSeq  int64           `json:"changeSeq,omitempty"`
	Conflicts  []Conflict      `json:"conflicts,omitempty"`
	Current    *Change         `json:"current,omitempty"`
	Gone       bool            `json:"gone,omitempty"` // the server has no such row in the office: drop the local copy
	Detail     json.RawMessage `json:"detail,omitempty"`
}

// PushResponse lists one result per mutation, in request order.
type PushResponse struct {
	Results []Result `json:"results"`
}

// Change is one row as the server holds it now. It travels whole in a
// push Result; in a pull page the row's own JSON already carries the id,
// version and deleted flag, so a page sends only the payload (PullPage).
type Change struct {
	Seq      int64           `json:"seq"`
	Entity   string          `json:"entity"`
	EntityID string          `json:"entityId"`
	Version  int64           `json:"version"`
	Deleted  bool            `json:"deleted"`
	Payload  json.RawMessage `json:"payload"`
}

// PullPage is one page of the pull feed (protocol 2):
//
//	{"protocol":2,"cursor":"…","more":true,"runs":[
//	  {"entity":"unit","seqs":[1041,1,1],"rows":[{…},{…},{…}]},
//	  {"entity":"employee","seqs":[3,1],"rows":[{…},{…}]}]}
//
// Runs hold the page's changes in change_seq order, consecutive changes of
// one entity forming one run. Rows are the rows' JSON as the server stores
// them (with "id", "version" and "deleted"). Seqs has one entry per row:
// the change_seq of the page's first change, then for every other change
// the difference to the change before it (in a snapshot mostly 1, which
// compresses to almost nothing). Cursor is where the next page starts;
// More says whether the server had more changes when it built the page.
type PullPage struct {
	Protocol int    `json:"protocol"`
	Cursor   string `json:"cursor"`
	More     bool   `json:"more"`
	Runs     []Run  `json:"runs"`
}

// Run is consecutive changes of one entity.
type Run struct {
	Entity string            `json:"entity"`
	Seqs   []int64           `json:"seqs"`
	Rows   []json.RawMessage `json:"rows"`
}

// Add appends a change to the page, starting a new run when the entity
// differs from the last one. prev is the seq of the change added before
// (0 for the first); the caller keeps it.
func (p *PullPage) Add(entity string, seq, prev int64, row json.RawMessage) {
	if n := len(p.Runs); n == 0 || p.Runs[n-1].Entity != entity {
		p.Runs = append(p.Runs, Run{Entity: entity})
	}
	r := &p.Runs[len(p.Runs)-1]
	r.Seqs = append(r.Seqs, seq-prev)
	r.Rows = append(r.Rows, row)
}

// Len is the number of changes in the page.
func (p *PullPage) Len() int {
	n := 0
	for _, r := range p.Runs {
		n += len(r.Rows)
	}
	return n
}

// ErrPageInvalid is wrapped by every error of Validate.
var ErrPageInvalid = errors.New("syncproto: invalid pull page")

// Validate checks the page's shape: the protocol version, a cursor, runs
// with an entity and as many seqs as rows, seqs strictly increasing (every
// delta at least 1), every row a JSON object. It returns the absolute seq
// of every change, in page order.
func (p *PullPage) Validate() ([]int64, error) {
	bad := func(format string, args ...any) ([]int64, error) {
		return nil, fmt.Errorf("%w: "+format, append([]any{ErrPageInvalid}, args...)...)
	}
	if p.Protocol != ProtocolVersion {
		return bad("protocol %d, want %d", p.Protocol, ProtocolVersion)
	}
	if p.Cursor == "" {
		return bad("no cursor")
	}
	seqs := make([]int64, 0, p.Len())
	var seq int64
	for i, r := range p.Runs {
		if r.Entity == "" || len(r.Rows) == 0 || len(r.Seqs) != len(r.Rows) {
			return bad("run %d: entity %q, %d seqs for %d rows", i, r.Entity, len(r.Seqs), len(r.Rows))
		}
		for j, d := range r.Seqs {
			if d < 1 || seq > (1<<62)-d {
				return bad("run %d row %d: seq delta %d", i, j, d)
			}
			seq += d
			if row := bytes.TrimLeft(r.Rows[j], " \t\r\n"); len(row) == 0 || row[0] != '{' {
				return bad("run %d row %d: not a JSON object", i, j)
			}
			seqs = append(seqs, seq)
		}
	}
	return seqs, nil
}

// Changes expands a validated page into changes, reading each row's id,
// version and deleted flag from its JSON (for tests and tools; the client
// takes them from the rows it decodes anyway).
func (p *PullPage) Changes() ([]Change, error) {
	seqs, err := p.Validate()
	if err != nil {
		return nil, err
	}
	out := make([]Change, 0, len(seqs))
	for _, r := range p.Runs {
		for _, row := range r.Rows {
			var m struct {
				ID      string `json:"id"`
				Version int64  `json:"version"`
				Deleted bool   `json:"deleted"`
			}
			if err := json.Unmarshal(row, &m); err != nil || m.ID == "" {
				return nil, fmt.Errorf("%w: row %d of %s without an id", ErrPageInvalid, len(out), r.Entity)
			}
			out = append(out, Change{Seq: seqs[len(out)], Entity: r.Entity, EntityID: m.ID, Version: m.Version, Deleted: m.Deleted, Payload: row})
		}
	}
	return out, nil
}

// WriteTo writes the page's JSON. Rows are written as they are, without
// the validation and compaction encoding/json gives a json.RawMessage:
// they are the server's own stored JSON.
func (p *PullPage) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	var n int64
	flush := func() error {
		k, err := w.Write(b.Bytes())
		n += int64(k)
		b.Reset()
		return err
	}
	b.WriteString(`{"protocol":`)
	b.WriteString(strconv.Itoa(p.Protocol))
	b.WriteString(`,"cursor":`)
	c, _ := json.Marshal(p.Cursor) // a string cannot fail
	b.Write(c)
	b.WriteString(`,"more":`)
	b.WriteString(strconv.FormatBool(p.More))
	b.WriteString(`,"runs":[`)
	for i, r := range p.Runs {
		if i > 0 {
			b.WriteByte(',')
		}
		e, _ := json.Marshal(r.Entity)
		b.WriteString(`{"entity":`)
		b.Write(e)
		b.WriteString(`,"seqs":[`)
		for j, d := range r.Seqs {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatInt(d, 10))
		}
		b.WriteString(`],"rows":[`)
		for j, row := range r.Rows {
			if j > 0 {
				b.WriteByte(',')
			}
			b.Write(row)
			if b.Len() > 32<<10 {
				if err := flush(); err != nil {
					return n, err
				}
			}
		}
		b.WriteString(`]}`)
	}
	b.WriteString("]}\n")
	return n, flush()
}
