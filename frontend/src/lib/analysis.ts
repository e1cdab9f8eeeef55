// Pure helpers of the analysis screens (unit-tested): the source of an actual
// level, category tones and the 9-box layout.
import { ASSESSMENT_METHODS, type LevelSource, type Thresholds } from '../api/types';

/**
 * "Atasan 60% · Diri 40%": the methods that made up an actual level, largest
 * share first. Several assessments by one method (two peers) are added up;
 * unused ones (share 0) are left out; equal shares go in trust order. `label` names a method.
 */
export function formatSources(sources: readonly LevelSource[], label: (method: string) => string): string {
  const byMethod = new Map<string, number>();
  for (const s of sources) {
    if (!(s.share > 0)) continue;
    byMethod.set(s.method, (byMethod.get(s.method) ?? 0) + s.share);
  }
  const rank = (m: string) => {
    const i = (ASSESSMENT_METHODS as readonly string[]).indexOf(m);
    return i < 0 ? ASSESSMENT_METHODS.length : i;
  };
  // Largest share first; ties in trust order (assessor before supervisor …).
  const parts = [...byMethod.entries()].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]));
  return parts.map(([m, share]) => `${label(m)} ${formatPercent(share * 100)}`).join(' · ');
}

/** 60 → "60%", 33.333 → "33%", 12.5 → "12,5%" (one decimal only when needed). */
export function formatPercent(v: number, decimalSep = ','): string {
  const r = Math.round(v * 10) / 10;
  const s = Number.isInteger(r) ? String(r) : r.toFixed(1).replace('.', decimalSep);
  return `${s}%`;
}

/** A number with up to `digits` decimals and a locale separator: 88.89 → "88,89". */
export function formatNumber(v: number, digits = 2, decimalSep = ','): string {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return String(r).replace('.', decimalSep);
}

/** A gap with its sign: −1, 0, +0,5. */
export function formatGap(v: number, decimalSep = ','): string {
  const s = formatNumber(Math.abs(v), 2, decimalSep);
  if (v > 0) return `+${s}`;
  if (v < 0) return `−${s}`;
  return '0';
}

export type Tone = 'ok' | 'warn' | 'danger' | 'none';

/** Category codes of the built-in threshold sets, high to low. */
export const KNOWN_CATEGORIES: Record<string, Tone> = {
  optimal: 'ok',
  cukup_optimal: 'warn',
  kurang_optimal: 'danger',
  memenuhi_syarat: 'ok',
  masih_memenuhi_syarat: 'warn',
  kurang_memenuhi_syarat: 'danger',
};

/** Tone of a category: from the active threshold set when given, else from the built-in codes. */
export function categoryTone(code: string, t?: Thresholds | null): Tone {
  if (!code) return 'none';
  if (t) {
    if (code === t.highCode) return 'ok';
    if (code === t.midCode) return 'warn';
    if (code === t.lowCode) return 'danger';
  }
  return KNOWN_CATEGORIES[code] ?? 'none';
}

/** Chart colours matching app.css (--ok, --warn, --danger, --muted). */
export const TONE_COLOURS: Record<Tone, string> = {
  ok: '#2e8540',
  warn: '#d9a400',
  danger: '#c4382c',
  none: '#9aa8a2',
};

/** The categories of a threshold set, high to low. */
export function categoriesOf(t: Thresholds): string[] {
  return [t.highCode, t.midCode, t.lowCode];
}

export interface BoxCell {
  box: number;
  /** 0 = top row (kinerja di atas ekspektasi) … 2 = bottom row (di bawah). */
  row: number;
  /** 0 = left column (potensi rendah) … 2 = right column (tinggi). */
  col: number;
  performance: 'atas' | 'sesuai' | 'bawah';
  potential: 'rendah' | 'menengah' | 'tinggi';
}

// DOMAIN.md §6: box → (performance band, potential band).
const BOXES: Record<number, [BoxCell['performance'], BoxCell['potential']]> = {
  1: ['bawah', 'rendah'],
  2: ['sesuai', 'rendah'],
  3: ['bawah', 'menengah'],
  4: ['atas', 'rendah'],
  5: ['sesuai', 'menengah'],
  6: ['bawah', 'tinggi'],
  7: ['atas', 'menengah'],
  8: ['sesuai', 'tinggi'],
  9: ['atas', 'tinggi'],
};
const ROW = { atas: 0, sesuai: 1, bawah: 2 } as const;
const COL = { rendah: 0, menengah: 1, tinggi: 2 } as const;

/** Where box 1–9 sits in the grid (performance vertical, potential horizontal); null outside 1–9. */
export function boxCell(box: number): BoxCell | null {
  const b = BOXES[box];
  if (!b) return null;
  return { box, row: ROW[b[0]], col: COL[b[1]], performance: b[0], potential: b[1] };
}

/** The nine cells in display order: top row first, left to right. */
export function nineBoxLayout(): BoxCell[] {
  const cells: BoxCell[] = [];
  for (let b = 1; b <= 9; b++) cells.push(boxCell(b)!);
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Boxes 7–9: talent pool / succession candidates (DOMAIN.md §6). */
export const inTalentPool = (box: number): boolean => box >= 7 && box <= 9;
