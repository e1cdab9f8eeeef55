import { describe, expect, it } from 'vitest';
import { boxCell, categoryTone, formatGap, formatPercent, formatSources, inTalentPool, nineBoxLayout } from './analysis';
import { currentOf, nextStates } from './assessment';
import type { AssessmentDTO } from '../api/types';

const names: Record<string, string> = { supervisor: 'Atasan', self: 'Diri', peer: 'Rekan', assessor: 'Asesor', test: 'Tes' };
const label = (m: string) => names[m] ?? m;

describe('formatSources', () => {
  it('shows a single source as 100%', () => {
    expect(formatSources([{ assessmentId: 'a', method: 'assessor', level: 3, share: 1 }], label)).toBe('Asesor 100%');
  });
  it('orders by share and joins with a middle dot', () => {
    const s = formatSources(
      [
        { assessmentId: 'b', method: 'self', level: 4, share: 0.4 },
        { assessmentId: 'a', method: 'supervisor', level: 3, share: 0.6 },
      ],
      label,
    );
    expect(s).toBe('Atasan 60% · Diri 40%');
  });
  it('adds up several assessments by one method and drops unused ones', () => {
    const s = formatSources(
      [
        { assessmentId: 'p1', method: 'peer', level: 3, share: 0.25 },
        { assessmentId: 'p2', method: 'peer', level: 2, share: 0.25 },
        { assessmentId: 's', method: 'supervisor', level: 3, share: 0.5 },
        { assessmentId: 'x', method: 'self', level: 5, share: 0 },
      ],
      label,
    );
    expect(s).toBe('Atasan 50% · Rekan 50%'); // equal shares: trust order
  });
  it('is empty when nothing was used', () => {
    expect(formatSources([], label)).toBe('');
  });
  it('rounds odd shares to one decimal', () => {
    expect(formatPercent(33.3333)).toBe('33,3%');
    expect(formatPercent(100 / 3, '.')).toBe('33.3%');
    expect(formatPercent(60.0000001)).toBe('60%');
  });
});

describe('formatGap', () => {
  it('signs gaps', () => {
    expect(formatGap(-1)).toBe('−1');
    expect(formatGap(0.5)).toBe('+0,5');
    expect(formatGap(0)).toBe('0');
    expect(formatGap(-0.333)).toBe('−0,33');
  });
});

describe('categoryTone', () => {
  it('maps the built-in mapping and selection codes', () => {
    expect(categoryTone('optimal')).toBe('ok');
    expect(categoryTone('cukup_optimal')).toBe('warn');
    expect(categoryTone('kurang_optimal')).toBe('danger');
    expect(categoryTone('memenuhi_syarat')).toBe('ok');
    expect(categoryTone('masih_memenuhi_syarat')).toBe('warn');
    expect(categoryTone('kurang_memenuhi_syarat')).toBe('danger');
    expect(categoryTone('')).toBe('none');
    expect(categoryTone('unknown')).toBe('none');
  });
  it('follows a custom threshold set', () => {
    const t = { name: 'custom', high: 85, mid: 70, highCode: 'A', midCode: 'B', lowCode: 'C' };
    expect(categoryTone('A', t)).toBe('ok');
    expect(categoryTone('B', t)).toBe('warn');
    expect(categoryTone('C', t)).toBe('danger');
    expect(categoryTone('optimal', t)).toBe('ok');
  });
});

describe('nine-box layout (DOMAIN.md §6)', () => {
  // rows top→bottom: kinerja di atas, sesuai, di bawah; columns: potensi rendah, menengah, tinggi
  const expected = [
    [4, 7, 9],
    [2, 5, 8],
    [1, 3, 6],
  ];
  it('places every box per the regulation table', () => {
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        const cell = boxCell(expected[r][c])!;
        expect([cell.row, cell.col], `box ${expected[r][c]}`).toEqual([r, c]);
      }
    }
  });
  it('names the bands', () => {
    expect(boxCell(1)).toMatchObject({ performance: 'bawah', potential: 'rendah' });
    expect(boxCell(2)).toMatchObject({ performance: 'sesuai', potential: 'rendah' });
    expect(boxCell(3)).toMatchObject({ performance: 'bawah', potential: 'menengah' });
    expect(boxCell(4)).toMatchObject({ performance: 'atas', potential: 'rendah' });
    expect(boxCell(6)).toMatchObject({ performance: 'bawah', potential: 'tinggi' });
    expect(boxCell(9)).toMatchObject({ performance: 'atas', potential: 'tinggi' });
  });
  it('lists the cells top row first', () => {
    expect(nineBoxLayout().map((c) => c.box)).toEqual(expected.flat());
  });
  it('rejects numbers outside 1–9', () => {
    expect(boxCell(0)).toBeNull();
    expect(boxCell(10)).toBeNull();
  });
  it('talent pool is 7–9', () => {
    expect([6, 7, 8, 9].map(inTalentPool)).toEqual([false, true, true, true]);
  });
});

describe('assessment workflow mirror', () => {
  it('offers direct finalization only for assessor and test', () => {
    expect(nextStates('assessor', 'draft')).toEqual(['submitted', 'finalized']);
    expect(nextStates('test', '')).toEqual(['submitted', 'finalized']);
    expect(nextStates('supervisor', 'draft')).toEqual(['submitted']);
    expect(nextStates('self', 'submitted')).toEqual(['draft', 'finalized']);
    expect(nextStates('assessor', 'finalized')).toEqual([]);
  });
  it('finds the current assessment of a period and method', () => {
    const base = { employeeId: 'e', frameworkVersion: 1, assessorName: '', assessorNip: '', assessedOn: '', supersedesId: null, items: [], performanceRating: null, note: '', updatedAt: '', version: 1 };
    const list: AssessmentDTO[] = [
      { ...base, id: 'new', period: '2026', method: 'assessor', state: 'draft', supersededById: null, supersedesId: 'old' },
      { ...base, id: 'old', period: '2026', method: 'assessor', state: 'finalized', supersededById: 'new' },
    ];
    expect(currentOf(list, '2026', 'assessor')?.id).toBe('new');
    expect(currentOf(list, '2026', 'self')).toBeNull();
  });
});
