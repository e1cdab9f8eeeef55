// Date display. Dates from Go are "YYYY-MM-DD" (date only) or RFC 3339
// timestamps; date-only strings are formatted in UTC so they never shift a day.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatDate(s: string | null | undefined, locale: string): string {
  if (!s) return '';
  const m = DATE_ONLY.exec(s);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(m ? { timeZone: 'UTC' } : {}),
  }).format(d);
}

/**
 * A compact date range for lists: "7–11 Des 2026", "28 Nov – 2 Des 2026",
 * "30 Des 2026 – 2 Jan 2027"; one date when start and end are the same day.
 * Input dates are "YYYY-MM-DD" (shown as written, whatever the time zone).
 */
export function formatDateRange(start: string | null | undefined, end: string | null | undefined, locale: string): string {
  const a = start ? DATE_ONLY.exec(start) : null;
  const b = end ? DATE_ONLY.exec(end) : null;
  if (!a || !b) return [formatDate(start, locale), formatDate(end, locale)].filter(Boolean).join(' – ');
  const fmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const da = new Date(Date.UTC(+a[1], +a[2] - 1, +a[3]));
  const db = new Date(Date.UTC(+b[1], +b[2] - 1, +b[3]));
  if (da.getTime() === db.getTime()) return fmt.format(da);
  return da < db ? fmt.formatRange(da, db) : `${fmt.format(da)} – ${fmt.format(db)}`;
}

export function formatDateTime(s: string | null | undefined, locale: string): string {
  if (!s) return '';
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** "2002-12" or "200212" → "Desember 2002". */
export function formatYearMonth(s: string | null | undefined, locale: string): string {
  if (!s) return '';
  const m = /^(\d{4})-?(\d{2})/.exec(s);
  if (!m) return s;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, 1));
  if (Number.isNaN(d.getTime())) return s;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Name with titles as printed: "Dr. Siti Aminah, S.Kom., M.T." */
export function fullName(name: string, gelarDepan?: string, gelarBelakang?: string): string {
  let s = (name ?? '').trim();
  if (gelarDepan?.trim()) s = `${gelarDepan.trim()} ${s}`;
  if (gelarBelakang?.trim()) s = `${s}, ${gelarBelakang.trim()}`;
  return s;
}

/** Reads a File as base64 without the data: URL prefix. */
export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.onload = () => {
      const s = String(r.result ?? '');
      const i = s.indexOf(',');
      resolve(i >= 0 ? s.slice(i + 1) : s);
    };
    r.readAsDataURL(file);
  });
}
