// Pure helpers of the development screens (plans, training, JP): money,
// the plan workflow, JP suggestions, certificate-number previews and the
// attendance grid. They mirror the rules in backend/domain (plan.go,
// training.go, jp.go) for instant feedback while typing; the backend stays
// the judge when something is saved.

// ---- money ----

/** 1234567 → "1.234.567" (Indonesian thousands separator, no decimals). */
export function formatThousands(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const neg = n < 0;
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return neg ? `−${s}` : s;
}

/** 1234567 → "Rp 1.234.567"; 0 → "Rp 0". */
export function formatRupiah(n: number | null | undefined): string {
  const s = formatThousands(n);
  return s ? `Rp ${s}` : '';
}

/**
 * Reads a typed amount of rupiah: "Rp 1.234.567", "1.234.567,-", "1234567",
 * "1 234 567" → 1234567; "" → 0. Dots and spaces group thousands; a ",00" or
 * ",-" tail is dropped. null for anything else (letters, a minus, decimals).
 */
export function parseRupiah(s: string): number | null {
  let v = (s ?? '').trim().replace(/^rp\.?\s*/i, '');
  v = v.replace(/,(-|0{1,2})$/, '');
  v = v.replace(/[.\s\u00a0]/g, '');
  if (v === '') return 0;
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
}

/** A JP or score with up to 2 decimals and the locale separator: 12.5 → "12,5". */
export function formatJP(v: number | null | undefined, decimalSep = ','): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  const r = Math.round(v * 100) / 100;
  return String(r).replace('.', decimalSep);
}

/** Reads "12,5" or "12.5" → 12.5; "" → 0; null when not a non-negative number. */
export function parseDecimal(s: string): number | null {
  const v = (s ?? '').trim().replace(',', '.');
  if (v === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  return Number(v);
}

// ---- plan workflow (backend/domain/plan.go) ----

export const PLAN_STATES = ['draft', 'submitted', 'revision', 'approved', 'in_progress', 'done'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

const TRANSITIONS: Record<string, PlanState[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'revision'],
  revision: ['submitted'],
  approved: ['in_progress', 'revision'],
  in_progress: ['done', 'revision'],
  done: [],
};

/** The states a plan in `state` may move to, in button order. */
export function planNextStates(state: string): PlanState[] {
  return [...(TRANSITIONS[state || 'draft'] ?? [])];
}

/** Moving from → to undoes an approval (a reopening). */
export function isReopening(from: string, to: string): boolean {
  return to === 'revision' && (from === 'approved' || from === 'in_progress');
}

/** What a transition asks of the user before it is sent. */
export function transitionNeeds(from: string, to: string): { actor: boolean; reason: boolean } {
  return { actor: to === 'approved' || isReopening(from, to), reason: to === 'revision' };
}

/** Content (lines, target) may be edited: not once approved. */
export function planEditable(state: string): boolean {
  return state === '' || state === 'draft' || state === 'revision' || state === 'submitted';
}

// ---- JP rules (backend/domain/jp.go ComputeJP) ----

export interface JPRuleLike {
  kind: string;
  national: number;
  international: number;
  maxPerDay: number;
}

/** What a method's JP rule needs typed in: days, sessions or the stated JP. */
export function jpInputs(rule: JPRuleLike): { days: boolean; sessions: boolean; stated: boolean } {
  return {
    days: rule.kind === 'per_day' || rule.maxPerDay > 0,
    sessions: rule.kind === 'per_session',
    stated: rule.kind === 'stated',
  };
}

/**
 * The JP of an activity by the rule, 2 decimals; null when a needed input is
 * missing (0), like ComputeJP's jp.input_invalid.
 */
export function computeJP(rule: JPRuleLike, days: number, sessions: number, statedJP: number, international: boolean): number | null {
  if (!(days >= 0) || !(sessions >= 0) || !(statedJP >= 0)) return null;
  const rate = international && rule.international > 0 ? rule.international : rule.national;
  let jp: number;
  switch (rule.kind) {
    case 'stated':
      if (statedJP === 0) return null;
      jp = statedJP * rate;
      break;
    case 'per_day':
      if (days === 0) return null;
      jp = days * rate;
      break;
    case 'per_session':
      if (sessions === 0) return null;
      jp = sessions * rate;
      break;
    case 'fixed':
      jp = rate;
      break;
    default:
      return null;
  }
  if (rule.maxPerDay > 0) {
    if (days === 0) return null;
    jp = Math.min(jp, days * rule.maxPerDay);
  }
  return Math.round(jp * 100) / 100;
}

/** The planned JP a new plan line for a method starts with (PlanningJP). */
export function planningJP(m: { jp: JPRuleLike; planningJp: number }): number {
  if (m.planningJp > 0) return Math.round(m.planningJp * 100) / 100;
  return computeJP(m.jp, 1, 1, 0, false) ?? 0;
}

/** Calendar days from start to end, both included; 0 for bad dates. */
export function calendarDays(start: string, end: string): number {
  const s = dateUTC(start);
  const e = dateUTC(end);
  if (s === null || e === null || e < s) return 0;
  return Math.round((e - s) / 86400000) + 1;
}

function dateUTC(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
  if (!m) return null;
  const d = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const back = new Date(d);
  if (back.getUTCFullYear() !== +m[1] || back.getUTCMonth() !== +m[2] - 1 || back.getUTCDate() !== +m[3]) return null;
  return d;
}

/** Every date from start to end (YYYY-MM-DD), at most `limit` of them. */
export function eventDates(start: string, end: string, limit = 62): string[] {
  const s = dateUTC(start);
  const e = dateUTC(end);
  if (s === null || e === null || e < s) return [];
  const out: string[] = [];
  for (let d = s; d <= e && out.length < limit; d += 86400000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

// ---- certificate numbers (backend/domain/training.go) ----

export interface CertificateFields {
  seq: number;
  event: string;
  office: string;
  device: string;
  year: number;
  month: number;
}

interface CertToken {
  lit?: string;
  name?: 'seq' | 'event' | 'office' | 'device' | 'year' | 'month';
  width?: number;
  roman?: boolean;
}

/** Why a format is refused: the placeholder or rule at fault. */
export type CertificateProblem =
  | { reason: 'syntax'; at: string }
  | { reason: 'seq' | 'event' | 'device' }
  | { reason: 'delimiter'; placeholder: string }
  | { reason: 'value'; field: string }
  | { reason: 'too_long' };

function parseFormat(format: string): CertToken[] | CertificateProblem {
  const toks: CertToken[] = [];
  let rest = format;
  while (rest !== '') {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close >= 0 && (open < 0 || close < open)) return { reason: 'syntax', at: '}' };
    if (open < 0) {
      toks.push({ lit: rest });
      break;
    }
    if (open > 0) toks.push({ lit: rest.slice(0, open) });
    const cl = rest.indexOf('}', open);
    if (cl < 0) return { reason: 'syntax', at: rest.slice(open) };
    const ph = rest.slice(open + 1, cl);
    rest = rest.slice(cl + 1);
    const [name, arg = ''] = ph.split(/:(.*)/s, 2) as [string, string?];
    const hasArg = ph.includes(':');
    if (name === 'seq' && !hasArg) toks.push({ name });
    else if (name === 'seq' && /^0[1-9]$/.test(arg)) toks.push({ name, width: Number(arg[1]) });
    else if (name === 'month' && (!hasArg || arg === 'roman')) toks.push({ name, roman: arg === 'roman' });
    else if ((name === 'event' || name === 'office' || name === 'device' || name === 'year') && !hasArg) toks.push({ name });
    else return { reason: 'syntax', at: `{${ph}}` };
  }
  return toks;
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const isAlnum = (c: string) => /^[A-Za-z0-9]$/.test(c);

/**
 * Checks a certificate-number format like ValidateCertificateFormat: {seq}
 * once, {event} at least once, {device} once (unless numbering by blocks),
 * and {seq}/{device} set off by literal characters that cannot belong to
 * them. null when the format is fine.
 */
export function checkCertificateFormat(format: string, blocks = false): CertificateProblem | null {
  const toks = parseFormat(format);
  if (!Array.isArray(toks)) return toks;
  const count = (n: string) => toks.filter((t) => t.name === n).length;
  if (count('seq') !== 1) return { reason: 'seq' };
  if (count('event') === 0) return { reason: 'event' };
  if (!blocks && count('device') !== 1) return { reason: 'device' };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.name !== 'seq' && t.name !== 'device') continue;
    const bad = t.name === 'seq' ? isDigit : isAlnum;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (prev && (prev.name || bad(prev.lit!.slice(-1)))) return { reason: 'delimiter', placeholder: t.name };
    if (next && (next.name || bad(next.lit![0]))) return { reason: 'delimiter', placeholder: t.name };
  }
  return null;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const CODE_OK = /^[A-Za-z0-9.-]{1,32}$/;

/** Renders a format with fields like FormatCertificateNumber. */
export function formatCertificateNumber(format: string, f: CertificateFields): { ok: true; text: string } | { ok: false; problem: CertificateProblem } {
  const toks = parseFormat(format);
  if (!Array.isArray(toks)) return { ok: false, problem: toks };
  let out = '';
  for (const t of toks) {
    switch (t.name) {
      case undefined:
        out += t.lit;
        break;
      case 'seq': {
        if (!(f.seq >= 1)) return { ok: false, problem: { reason: 'value', field: 'seq' } };
        out += String(f.seq).padStart(t.width ?? 0, '0');
        break;
      }
      case 'event':
      case 'office': {
        const v = t.name === 'event' ? f.event : f.office;
        if (!CODE_OK.test(v)) return { ok: false, problem: { reason: 'value', field: t.name } };
        out += v;
        break;
      }
      case 'device':
        if (!/^[A-Z0-9]{1,8}$/.test(f.device)) return { ok: false, problem: { reason: 'value', field: 'device' } };
        out += f.device;
        break;
      case 'year':
        if (!(f.year >= 1)) return { ok: false, problem: { reason: 'value', field: 'year' } };
        out += String(f.year);
        break;
      case 'month':
        if (!(f.month >= 1 && f.month <= 12)) return { ok: false, problem: { reason: 'value', field: 'month' } };
        out += t.roman ? ROMAN[f.month] : String(f.month).padStart(2, '0');
        break;
    }
  }
  if ([...out].length > 100) return { ok: false, problem: { reason: 'too_long' } };
  return { ok: true, text: out };
}

/** The fixed fields of an event's certificates, from its end date. */
export function eventCertificateFields(code: string, endDate: string, office: string, device: string, seq = 1): CertificateFields {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(endDate ?? '');
  return { seq, event: code, office, device, year: m ? +m[1] : 0, month: m ? +m[2] : 0 };
}

/** The default format offered for a new event. */
export const DEFAULT_CERTIFICATE_FORMAT = '{seq:03}/{event}/{device}/{year}';

// ---- attendance grid ----

/** Key of one mark: participant and date. */
export const markKey = (participantId: string, date: string): string => `${participantId}|${date}`;

/** Presence by markKey. */
export type Marks = Record<string, boolean>;

/** Flips one mark and returns the new value (unmarked counts as absent). */
export function toggleMark(marks: Marks, participantId: string, date: string): boolean {
  const k = markKey(participantId, date);
  const v = !marks[k];
  marks[k] = v;
  return v;
}

/** Days present of one participant among dates. */
export function presentDays(marks: Marks, participantId: string, dates: readonly string[]): number {
  return dates.filter((d) => marks[markKey(participantId, d)]).length;
}

/** Whether attendance meets the completion rule (share of days, compared exactly). */
export function meetsAttendance(present: number, days: number, minShare: number): boolean {
  if (days <= 0) return false;
  return present * 10000 >= Math.round(minShare * 10000) * days;
}

/** The new cell of a keyboard move in a rows × cols grid; null for other keys. */
export function gridMove(key: string, row: number, col: number, rows: number, cols: number): { row: number; col: number } | null {
  switch (key) {
    case 'ArrowUp': return { row: Math.max(0, row - 1), col };
    case 'ArrowDown': return { row: Math.min(rows - 1, row + 1), col };
    case 'ArrowLeft': return { row, col: Math.max(0, col - 1) };
    case 'ArrowRight': return { row, col: Math.min(cols - 1, col + 1) };
    case 'Home': return { row, col: 0 };
    case 'End': return { row, col: cols - 1 };
    default: return null;
  }
}

// ---- methods catalogue ----

export interface MethodLike {
  code: string;
  name: string;
  nameEn: string;
  route: string;
  form: string;
}

/** Methods grouped for a select: klasikal, nonklasikal, then pendidikan, in catalogue order. */
export function groupMethods<M extends MethodLike>(methods: readonly M[]): { group: 'klasikal' | 'nonklasikal' | 'pendidikan'; methods: M[] }[] {
  const groups = { klasikal: [] as M[], nonklasikal: [] as M[], pendidikan: [] as M[] };
  for (const m of methods) {
    if (m.form === 'pendidikan' || !m.route) groups.pendidikan.push(m);
    else if (m.route === 'nonklasikal') groups.nonklasikal.push(m);
    else groups.klasikal.push(m);
  }
  return (['klasikal', 'nonklasikal', 'pendidikan'] as const).filter((g) => groups[g].length).map((g) => ({ group: g, methods: groups[g] }));
}

/** A method's name in the UI language. */
export function methodName(m: MethodLike | undefined, locale: string, fallback = ''): string {
  if (!m) return fallback;
  return locale === 'en' && m.nameEn ? m.nameEn : m.name;
}

/** Share of a target reached, 0–100, for bars. */
export function percentOf(v: number, target: number): number {
  if (!(target > 0)) return v > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round((v / target) * 100)));
}
