package sync

import "context"

// PushOnlyForBench runs the push half of a round (the whole outbox in
// batches of syncproto.MaxPushBatch) without the pull, so the push
// benchmark can time it apart from pulling its own changes back. Test
// builds only.
func (c *Client) PushOnlyForBench(ctx context.Context) (Report, error) {
	c.round.Lock()
	defer c.round.Unlock()
	var rep Report
	base := c.setting(ctx, SettingServerURL)
	cred, _ := c.secret(ctx, SettingCredential)
	err := c.pushAll(ctx, base, cred, &rep)
	return rep, err
}
