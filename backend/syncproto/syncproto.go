// Package syncproto holds the wire types of the sync protocol (SYNC.md)
// shared by the client (backend/sync) and the server (backend/server). It
// does no I/O: JSON shapes, result codes, limits and the cursor format.
package syncproto

import (
	"encoding/json"
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

// Limits shared by both sides.
const (
	MaxPushBatch    = 500      // mutations per push request
	MaxPullPage     = 500      // changes per pull page
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
	CodeReadOnly        = "sync.read_only"        // central data (framework, offices) cannot be changed by a laptop
	CodeOfficeScope     = "sync.office_scope"     // the row, or a row it refers to, is not in the device's office
	CodeEntityUnknown   = "sync.entity_unknown"   // the server does not sync this entity
	CodePayloadInvalid  = "sync.payload_invalid"  // payload is not the entity's JSON or its id does not match
	CodeFinalized       = "assessment.finalized"  // a finalized assessment never changes
	CodeNIPTaken        = "nip.taken"             // another live employee of the office has this NIP
	CodeConflict        = "sync.conflict"         // a field changed on both sides; the later writer won
	CodeUnauthorized    = "sync.unauthorized"     // unknown or revoked device, bad credential
	CodeResetRequired   = "sync.reset_required"   // the server's epoch changed: start a new snapshot
	CodeCursorInvalid   = "sync.cursor_invalid"   // the cursor was not made by this server for this device
	CodeEnrolInvalid    = "sync.enrol_invalid"    // unknown, used or expired enrolment code
	CodeBatchTooLarge   = "sync.batch_too_large"  // more than MaxPushBatch mutations
	CodeBadRequest      = "sync.bad_request"      // malformed request
	CodeInsecureServer  = "sync.insecure_server"  // plain http to a non-loopback host without permission
	CodeNotEnrolled     = "sync.not_enrolled"     // the laptop has no device credential yet
	CodeServerError     = "sync.server_error"     // 5xx
	CodeServerOffline   = "sync.offline"          // the server could not be reached
	CodeProtocolInvalid = "sync.protocol_invalid" // the server answered something the client cannot read
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

// PushRequest is one batch of at most MaxPushBatch mutations.
type PushRequest struct {
	Mutations []Mutation `json:"mutations"`
}

// Conflict is one field changed on both sides; Yours won (server order).
type Conflict struct {
	Field        string          `json:"field"`
	Yours        json.RawMessage `json:"yours"`
	Theirs       json.RawMessage `json:"theirs"`
	TheirsDevice string          `json:"theirsDevice"`
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

// Change is one row as the server holds it now.
type Change struct {
	Seq      int64           `json:"seq"`
	Entity   string          `json:"entity"`
	EntityID string          `json:"entityId"`
	Version  int64           `json:"version"`
	Deleted  bool            `json:"deleted"`
	Payload  json.RawMessage `json:"payload"`
}

// PullResponse is one page. Cursor is where the next page starts; More says
// whether the server had more changes when it built the page.
type PullResponse struct {
	Changes []Change `json:"changes"`
	Cursor  string   `json:"cursor"`
	More    bool     `json:"more"`
}
