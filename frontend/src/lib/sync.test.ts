import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../api/types';
import { isLoopbackURL, isPlainHTTP, issueValue, pillView, shortDevice, syncTime } from './sync';

const base: SyncStatus = {
  state: 'idle', server: 'https://s', deviceId: 'd', lastSuccess: null, pending: 0, held: 0, lastError: '', issues: 0, auto: true, deviceName: '', byFile: false,
};
const time = (iso: string) => `T(${iso})`;
const reason = (c: string) => `R(${c})`;

describe('pillView', () => {
  it('shows the last success when nothing waits', () => {
    expect(pillView({ ...base, lastSuccess: '2025-05-01T10:42:00Z' }, time, reason)).toMatchObject({
      key: 'sync.pill.synced', params: { time: 'T(2025-05-01T10:42:00Z)' }, tone: 'ok',
    });
  });
  it('counts unsent changes', () => {
    expect(pillView({ ...base, pending: 12, lastSuccess: '2025-05-01T10:42:00Z' }, time, reason)).toMatchObject({ key: 'sync.pill.pending', params: { count: 12 } });
  });
  it('puts a failure before the counts', () => {
    expect(pillView({ ...base, state: 'offline', pending: 3 }, time, reason).key).toBe('sync.pill.offline');
    expect(pillView({ ...base, state: 'error', lastError: 'sync.unauthorized' }, time, reason)).toMatchObject({
      key: 'sync.pill.error', params: { reason: 'R(sync.unauthorized)' }, tone: 'danger',
    });
    expect(pillView({ ...base, state: 'syncing', pending: 3 }, time, reason).key).toBe('sync.pill.syncing');
  });
  it('says when sync is not set up or never ran', () => {
    expect(pillView({ ...base, state: 'not_enrolled', pending: 40 }, time, reason).key).toBe('sync.pill.off');
    expect(pillView(base, time, reason).key).toBe('sync.pill.never');
  });
  it('shows sync by file for a laptop enrolled by file', () => {
    const file: SyncStatus = { ...base, state: 'not_enrolled', server: '', byFile: true };
    expect(pillView(file, time, reason).key).toBe('sync.pill.fileNever');
    expect(pillView({ ...file, lastSuccess: '2025-05-01T10:42:00Z' }, time, reason)).toMatchObject({
      key: 'sync.pill.file', params: { time: 'T(2025-05-01T10:42:00Z)' }, tone: 'ok',
    });
    expect(pillView({ ...file, pending: 4, lastSuccess: '2025-05-01T10:42:00Z' }, time, reason)).toMatchObject({ key: 'sync.pill.pending', params: { count: 4 } });
  });
});

describe('syncTime', () => {
  const now = new Date(2025, 4, 1, 15, 0);
  it('gives only the time today', () => {
    expect(syncTime(new Date(2025, 4, 1, 10, 42).toISOString(), 'id-ID', now)).toBe('10.42');
  });
  it('adds the day otherwise', () => {
    expect(syncTime(new Date(2025, 3, 28, 9, 5).toISOString(), 'id-ID', now)).toMatch(/^28 Apr.* 09\.05$/);
    expect(syncTime(new Date(2024, 3, 28, 9, 5).toISOString(), 'en-GB', now)).toMatch(/2024/);
  });
});

describe('server address checks', () => {
  it('spots plain http and loopback hosts', () => {
    expect(isPlainHTTP('http://10.0.0.5:8443')).toBe(true);
    expect(isPlainHTTP('HTTPS://kembang.go.id')).toBe(false);
    expect(isLoopbackURL('http://127.0.0.1:8443')).toBe(true);
    expect(isLoopbackURL('http://localhost')).toBe(true);
    expect(isLoopbackURL('http://[::1]:80')).toBe(true);
    expect(isLoopbackURL('http://10.0.0.5')).toBe(false);
    expect(isLoopbackURL('not a url')).toBe(false);
  });
});

describe('issueValue', () => {
  it('shows field values plainly', () => {
    expect(issueValue('"081111111111"').text).toBe('081111111111');
    expect(issueValue('3').text).toBe('3');
    expect(issueValue('null').text).toBe('—');
    expect(issueValue('').text).toBe('—');
  });
  it('summarises a row and keeps the whole of it', () => {
    const v = issueValue('{"id":"x","nip":"197407072000031002","name":"Budi"}');
    expect(v.text).toBe('197407072000031002 · Budi');
    expect(v.detail).toContain('"id": "x"');
  });
  it('keeps text that is not JSON', () => {
    expect(issueValue('abc').text).toBe('abc');
  });
  it('shortens device ids', () => {
    expect(shortDevice('01a20992-3d8e-724b-96c7-c0fa800dc2a7')).toBe('01a2…c2a7');
    expect(shortDevice('LAP1')).toBe('LAP1');
  });
});
