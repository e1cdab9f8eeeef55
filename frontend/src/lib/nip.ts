// NIP (Nomor Induk Pegawai) display helpers. Validation is the backend's job
// (EmployeeService.CheckNIP); these only tidy what the user sees and types.

/** Keeps the digits of s ("19740707 200212 1 008" → "197407072002121008"). */
export function nipDigits(s: string): string {
  return (s ?? '').replace(/\D+/g, '');
}

/**
 * The printed form of an 18-digit PNS NIP: "YYYYMMDD YYYYMM G NNN". Anything
 * else is returned trimmed and unchanged, so a wrong NIP is shown as typed.
 */
export function formatNIP(s: string): string {
  const d = nipDigits(s);
  if (d.length !== 18) return (s ?? '').trim();
  return `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}`;
}

/**
 * Grouping as the user types: digits are regrouped 8-6-1-3 while typing,
 * other characters dropped; at most 18 digits.
 */
export function formatNIPPartial(s: string): string {
  const d = nipDigits(s).slice(0, 18);
  const parts: string[] = [];
  const sizes = [8, 6, 1, 3];
  let i = 0;
  for (const n of sizes) {
    if (i >= d.length) break;
    parts.push(d.slice(i, i + n));
    i += n;
  }
  return parts.join(' ');
}
