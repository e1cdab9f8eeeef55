package sync

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"

	"kembang/backend/core"
	"kembang/backend/syncproto"
)

// After the push of a round: the laptop registers its certificate key
// (below) and, for the rest of the round, tells the server how many
// mutations still wait in its outbox (syncproto.HeaderPending), which the
// central dashboard shows per device.

type pendingKey struct{}

func (c *Client) afterPush(ctx context.Context, base, cred string) context.Context {
	c.registerCertificateKey(ctx, base, cred)
	n, err := c.Store.CountOutbox(ctx)
	if err != nil {
		return ctx
	}
	return context.WithValue(ctx, pendingKey{}, n)
}

func setPendingHeader(req *http.Request) {
	if n, ok := req.Context().Value(pendingKey{}).(int64); ok {
		req.Header.Set(syncproto.HeaderPending, strconv.FormatInt(n, 10))
	}
}

// Certificate key registration: the laptop tells the server the public
// key it signs certificates with, so the server's public verification page
// can check this laptop's certificates. It is sent once per key (the code
// the server accepted is remembered) and only once the key exists: the
// key is made on first print, never by sync.

// SettingCertificateKeySent is the key code the server last accepted.
const SettingCertificateKeySent = "sync.certificate_key_sent"

// localCertificateKey returns this laptop's key code and public key, ok
// false when there is none (yet) or it cannot be read (core reports that
// when printing; sync does not block on it). The public half is enough, so
// a private key sealed for another Windows user is still registered.
func (c *Client) localCertificateKey(ctx context.Context) (string, ed25519.PublicKey, bool) {
	k, ok, err := core.StoredOfficeKey(ctx, c.Store)
	if err != nil || !ok {
		return "", nil, false
	}
	pub, err := base64.RawURLEncoding.DecodeString(k.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return "", nil, false
	}
	return k.Code, ed25519.PublicKey(pub), true
}

// registerCertificateKey sends the key when the server has not accepted
// it yet. A failure never fails the sync round: it is logged and tried
// again next round.
func (c *Client) registerCertificateKey(ctx context.Context, base, cred string) {
	code, pub, ok := c.localCertificateKey(ctx)
	if !ok || c.setting(ctx, SettingCertificateKeySent) == code {
		return
	}
	req := syncproto.CertificateKeyRequest{Code: code, PublicKey: base64.RawURLEncoding.EncodeToString(pub)}
	var out json.RawMessage
	if err := c.do(ctx, base, cred, http.MethodPost, syncproto.PathCertificateKey, req, &out); err != nil {
		c.Logger.Warn("certificate key not registered", "code", code, "err", err)
		return
	}
	if err := c.Store.SetSetting(ctx, SettingCertificateKeySent, code); err != nil {
		c.Logger.Warn("certificate key registration not remembered", "err", err)
	}
}
