// Pure helpers for the sync indicator and dialog (unit-tested in sync.test.ts).
import type { SyncStatus } from '../api/types';

export type PillTone = 'ok' | 'warn' | 'danger' | 'info' | 'muted';
export type PillIcon = 'check' | 'sync' | 'offline' | 'alert' | 'pending' | 'off';

/** What the top-bar pill says, as a message key and its params. */
export interface PillView {
  key:
    | 'sync.pill.off'
    | 'sync.pill.syncing'
    | 'sync.pill.offline'
    | 'sync.pill.error'
    | 'sync.pill.pending'
    | 'sync.pill.synced'
    | 'sync.pill.never'
    | 'sync.pill.file'
    | 'sync.pill.fileNever';
  params: Record<string, string | number>;
  tone: PillTone;
  icon: PillIcon;
}

/**
 * The pill for a status: a round in progress first, then a failure (offline,
 * error), then unsent changes, then the last successful sync.
 * `time` formats the last success; `reason` shortens an error code.
 */
export function pillView(s: SyncStatus, time: (iso: string) => string, reason: (code: string) => string): PillView {
  switch (s.state) {
    case 'not_enrolled':
      if (!s.byFile) return { key: 'sync.pill.off', params: {}, tone: 'muted', icon: 'off' };
      // Synced by file (USB drive): unsent changes first, then the last return file.
      if (s.pending > 0) return { key: 'sync.pill.pending', params: { count: s.pending }, tone: 'warn', icon: 'pending' };
      if (s.lastSuccess) return { key: 'sync.pill.file', params: { time: time(s.lastSuccess) }, tone: 'ok', icon: 'check' };
      return { key: 'sync.pill.fileNever', params: {}, tone: 'muted', icon: 'pending' };
    case 'syncing':
      return { key: 'sync.pill.syncing', params: {}, tone: 'info', icon: 'sync' };
    case 'offline':
      return { key: 'sync.pill.offline', params: { count: s.pending }, tone: 'warn', icon: 'offline' };
    case 'error':
      return { key: 'sync.pill.error', params: { reason: reason(s.lastError || 'internal') }, tone: 'danger', icon: 'alert' };
  }
  if (s.pending > 0) return { key: 'sync.pill.pending', params: { count: s.pending }, tone: 'warn', icon: 'pending' };
  if (s.lastSuccess) return { key: 'sync.pill.synced', params: { time: time(s.lastSuccess) }, tone: 'ok', icon: 'check' };
  return { key: 'sync.pill.never', params: {}, tone: 'muted', icon: 'pending' };
}

/** "10.42" today, "3 Mei 10.42" on another day (in the given Intl locale). */
export function syncTime(iso: string, locale: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(d);
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
  if (sameDay) return time;
  const sameYear = d.getFullYear() === now.getFullYear();
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }).format(d);
  return `${day} ${time}`;
}

/** True for a plain http:// address (the "allow HTTP" choice is offered then). */
export function isPlainHTTP(url: string): boolean {
  return /^\s*http:\/\//i.test(url);
}

/** True for an http:// address to this computer, which the client always allows. */
export function isLoopbackURL(url: string): boolean {
  try {
    const h = new URL(url.trim()).hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return h === 'localhost' || h === '::1' || /^127\./.test(h);
  } catch {
    return false;
  }
}

/**
 * A value from a sync issue (JSON) for display: strings and numbers as they
 * are, null as "—", and a row by its most telling fields (name, NIP, code).
 */
export function issueValue(json: string): { text: string; detail: string } {
  if (!json) return { text: '—', detail: '' };
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return { text: json, detail: '' };
  }
  if (v === null || v === undefined || v === '') return { text: '—', detail: '' };
  if (typeof v !== 'object') return { text: String(v), detail: '' };
  const o = v as Record<string, unknown>;
  const parts = ['nip', 'name', 'code', 'title', 'period']
    .map((k) => o[k])
    .filter((x): x is string | number => (typeof x === 'string' && x !== '') || typeof x === 'number');
  return { text: parts.length ? parts.join(' · ') : '…', detail: JSON.stringify(v, null, 2) };
}

/** A device id shortened for display ("01a2…f512"). */
export function shortDevice(id: string): string {
  return id.length > 12 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id;
}
