// Dates typed as text, day first (dd/mm/yyyy), the way both Indonesian and
// British English write them. The browser's own date field shows its format
// in the system's language (mm/dd/yyyy on an English system) whatever the
// app's language is; DateField uses these instead.

/** yyyy-mm-dd when y/m/d is a real calendar date, else null. */
function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2199) || !(m >= 1 && m <= 12) || !(d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads what was typed: "22/11/2026", "22-11-2026", "22.11.2026", "2/3/2026"
 * or ISO "2026-11-22". Returns the ISO date, '' for an empty field, null for
 * anything else (incomplete, or a day that does not exist such as 31/02/2026).
 */
export function parseDateText(text: string): string | null {
  const s = text.trim();
  if (s === '') return '';
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** dd/mm/yyyy for an ISO date (or its first 10 characters); '' for empty or unreadable. */
export function formatDateText(value: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
