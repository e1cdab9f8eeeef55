// Keyboard model of the assessment grid (pure, unit-tested). Cells are
// addressed by row and column index; `enabled(r, c)` says whether a level can
// be typed there (the competency is required for that employee's position and
// the row is not finalized).
//
// Arrow keys, Home/End and PageUp/PageDown move geometrically (onto disabled
// cells too, so the cursor never jumps unexpectedly); Tab/Shift+Tab and the
// automatic advance after typing skip to the next editable cell in reading
// order; Enter moves down like a spreadsheet.

export interface CellPos {
  r: number;
  c: number;
}

export type Enabled = (r: number, c: number) => boolean;

export interface NavKey {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
}

export const PAGE_ROWS = 10;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** The next (dir 1) or previous (dir -1) editable cell in reading order, or null. */
export function nextEnabled(pos: CellPos, rows: number, cols: number, enabled: Enabled, dir: 1 | -1 = 1): CellPos | null {
  if (rows <= 0 || cols <= 0) return null;
  let i = pos.r * cols + pos.c + dir;
  const n = rows * cols;
  for (; i >= 0 && i < n; i += dir) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    if (enabled(r, c)) return { r, c };
  }
  return null;
}

/** The first editable cell, else the top-left one; null for an empty grid. */
export function firstCell(rows: number, cols: number, enabled: Enabled): CellPos | null {
  if (rows <= 0 || cols <= 0) return null;
  if (enabled(0, 0)) return { r: 0, c: 0 };
  return nextEnabled({ r: 0, c: 0 }, rows, cols, enabled) ?? { r: 0, c: 0 };
}

/**
 * Where a navigation key moves the cursor. Returns null when the key is not a
 * navigation key or the move would leave the grid (Tab at the last editable
 * cell: the caller lets the browser move focus out).
 */
export function moveCell(pos: CellPos, e: NavKey, rows: number, cols: number, enabled: Enabled): CellPos | null {
  if (rows <= 0 || cols <= 0) return null;
  const at = (r: number, c: number): CellPos | null => {
    const p = { r: clamp(r, 0, rows - 1), c: clamp(c, 0, cols - 1) };
    return p.r === pos.r && p.c === pos.c ? null : p;
  };
  switch (e.key) {
    case 'ArrowLeft':
      return at(pos.r, pos.c - 1);
    case 'ArrowRight':
      return at(pos.r, pos.c + 1);
    case 'ArrowUp':
      return at(pos.r - 1, pos.c);
    case 'ArrowDown':
      return at(pos.r + 1, pos.c);
    case 'Home':
      return e.ctrlKey ? at(0, 0) : at(pos.r, 0);
    case 'End':
      return e.ctrlKey ? at(rows - 1, cols - 1) : at(pos.r, cols - 1);
    case 'PageUp':
      return at(pos.r - PAGE_ROWS, pos.c);
    case 'PageDown':
      return at(pos.r + PAGE_ROWS, pos.c);
    case 'Enter':
      return at(pos.r + (e.shiftKey ? -1 : 1), pos.c);
    case 'Tab':
      return nextEnabled(pos, rows, cols, enabled, e.shiftKey ? -1 : 1);
    default:
      return null;
  }
}

/** What a typed key does to a cell: a level 1–5, 0 to clear, or null (not an edit key). */
export function levelFromKey(key: string): number | null {
  if (/^[1-5]$/.test(key)) return Number(key);
  if (key === '0' || key === 'Backspace' || key === 'Delete') return 0;
  return null;
}
