import { describe, expect, it } from 'vitest';
import { firstCell, levelFromKey, moveCell, nextEnabled, type CellPos } from './grid';
import { SaveQueue, type CellSaveState } from './autosave';

// 3 rows × 4 columns; column 1 disabled everywhere, row 1 finalized (all disabled).
const enabled = (r: number, c: number) => c !== 1 && r !== 1;
const mv = (pos: CellPos, key: string, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}) => moveCell(pos, { key, ...mods }, 3, 4, enabled);

describe('grid keyboard navigation', () => {
  it('arrows move one cell, also onto disabled cells, and stop at the edges', () => {
    expect(mv({ r: 0, c: 0 }, 'ArrowRight')).toEqual({ r: 0, c: 1 });
    expect(mv({ r: 0, c: 0 }, 'ArrowDown')).toEqual({ r: 1, c: 0 });
    expect(mv({ r: 0, c: 0 }, 'ArrowLeft')).toBeNull();
    expect(mv({ r: 0, c: 0 }, 'ArrowUp')).toBeNull();
    expect(mv({ r: 2, c: 3 }, 'ArrowRight')).toBeNull();
    expect(mv({ r: 2, c: 3 }, 'ArrowDown')).toBeNull();
  });
  it('Home/End go to the row ends, with Ctrl to the grid corners', () => {
    expect(mv({ r: 2, c: 2 }, 'Home')).toEqual({ r: 2, c: 0 });
    expect(mv({ r: 2, c: 2 }, 'End')).toEqual({ r: 2, c: 3 });
    expect(mv({ r: 2, c: 2 }, 'Home', { ctrlKey: true })).toEqual({ r: 0, c: 0 });
    expect(mv({ r: 0, c: 0 }, 'End', { ctrlKey: true })).toEqual({ r: 2, c: 3 });
  });
  it('PageDown/PageUp jump ten rows, clamped', () => {
    expect(moveCell({ r: 0, c: 2 }, { key: 'PageDown' }, 50, 4, () => true)).toEqual({ r: 10, c: 2 });
    expect(moveCell({ r: 45, c: 2 }, { key: 'PageDown' }, 50, 4, () => true)).toEqual({ r: 49, c: 2 });
    expect(moveCell({ r: 3, c: 2 }, { key: 'PageUp' }, 50, 4, () => true)).toEqual({ r: 0, c: 2 });
  });
  it('Enter moves down, Shift+Enter up', () => {
    expect(mv({ r: 0, c: 2 }, 'Enter')).toEqual({ r: 1, c: 2 });
    expect(mv({ r: 2, c: 2 }, 'Enter', { shiftKey: true })).toEqual({ r: 1, c: 2 });
    expect(mv({ r: 2, c: 2 }, 'Enter')).toBeNull();
  });
  it('Tab skips disabled cells and finalized rows, in reading order', () => {
    expect(mv({ r: 0, c: 0 }, 'Tab')).toEqual({ r: 0, c: 2 });
    expect(mv({ r: 0, c: 3 }, 'Tab')).toEqual({ r: 2, c: 0 });
    expect(mv({ r: 2, c: 0 }, 'Tab', { shiftKey: true })).toEqual({ r: 0, c: 3 });
    expect(mv({ r: 2, c: 3 }, 'Tab')).toBeNull(); // leaves the grid
    expect(mv({ r: 0, c: 0 }, 'Tab', { shiftKey: true })).toBeNull();
  });
  it('other keys are not navigation', () => {
    expect(mv({ r: 0, c: 0 }, 'a')).toBeNull();
    expect(mv({ r: 0, c: 0 }, '3')).toBeNull();
  });
  it('finds the first editable cell', () => {
    expect(firstCell(3, 4, (r, c) => r === 2 && c === 3)).toEqual({ r: 2, c: 3 });
    expect(firstCell(3, 4, () => false)).toEqual({ r: 0, c: 0 });
    expect(firstCell(0, 4, () => true)).toBeNull();
  });
  it('maps typed keys to levels', () => {
    expect(['1', '2', '3', '4', '5'].map(levelFromKey)).toEqual([1, 2, 3, 4, 5]);
    expect(['0', 'Backspace', 'Delete'].map(levelFromKey)).toEqual([0, 0, 0]);
    expect(['6', 'a', 'Enter', ' '].map(levelFromKey)).toEqual([null, null, null, null]);
  });

  it('handles a 200 × 15 grid quickly (walks every editable cell with Tab)', () => {
    const rows = 200;
    const cols = 15;
    const en = (r: number, c: number) => (r * 7 + c) % 5 !== 0 && r % 17 !== 3;
    const t0 = performance.now();
    let pos: CellPos | null = firstCell(rows, cols, en);
    let n = 0;
    while (pos) {
      n++;
      pos = moveCell(pos, { key: 'Tab' }, rows, cols, en);
    }
    let expected = 0;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (en(r, c)) expected++;
    expect(n).toBe(expected);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(nextEnabled({ r: rows - 1, c: cols - 1 }, rows, cols, en)).toBeNull();
  });
});

describe('SaveQueue', () => {
  it('serialises writes per employee and reports each cell', async () => {
    const log: string[] = [];
    const states: Record<string, CellSaveState> = {};
    let pendingSeen = 0;
    const q = new SaveQueue<number>({
      onstate: (k, s) => (states[k] = s),
      onpending: (n) => (pendingSeen = Math.max(pendingSeen, n)),
    });
    let running = 0;
    let maxRunning = 0;
    const write = (id: string, fail = false) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      log.push(id);
      if (fail) throw new Error('boom');
      return 1;
    };
    void q.push('e1', 'e1|M.1', write('a'));
    void q.push('e1', 'e1|M.2', write('b'));
    void q.push('e1', 'e1|M.3', write('c', true));
    expect(states['e1|M.1']).toBe('saving');
    await q.idle();
    expect(log).toEqual(['a', 'b', 'c']);
    expect(maxRunning).toBe(1);
    expect(states).toEqual({ 'e1|M.1': 'saved', 'e1|M.2': 'saved', 'e1|M.3': 'error' });
    expect(pendingSeen).toBe(3);
    expect(q.pending).toBe(0);
  });
  it('reports only the latest write of a retyped cell', async () => {
    const seen: string[] = [];
    const q = new SaveQueue<string>({ onstate: (_k, s, r) => seen.push(`${s}:${r ?? ''}`) });
    void q.push('e', 'e|M.1', async () => 'first');
    void q.push('e', 'e|M.1', async () => 'second');
    await q.idle();
    expect(seen.filter((s) => s.startsWith('saved'))).toEqual(['saved:second']);
  });
  it('saves 3000 cells of 200 employees without trouble', async () => {
    let saved = 0;
    const q = new SaveQueue<number>({ onstate: (_k, s) => s === 'saved' && saved++ });
    for (let r = 0; r < 200; r++) for (let c = 0; c < 15; c++) void q.push(`e${r}`, `e${r}|${c}`, async () => c);
    await q.idle();
    expect(saved).toBe(3000);
  });
});
