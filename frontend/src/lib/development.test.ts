import { describe, expect, it } from 'vitest';
import {
  calendarDays,
  checkCertificateFormat,
  computeJP,
  eventCertificateFields,
  eventDates,
  formatCertificateNumber,
  formatJP,
  formatRupiah,
  formatThousands,
  gridMove,
  groupMethods,
  isReopening,
  markKey,
  meetsAttendance,
  parseDecimal,
  parseRupiah,
  planEditable,
  planNextStates,
  planningJP,
  presentDays,
  toggleMark,
  transitionNeeds,
  type Marks,
} from './development';

describe('rupiah', () => {
  it('groups thousands with dots', () => {
    expect(formatThousands(1234567)).toBe('1.234.567');
    expect(formatThousands(999)).toBe('999');
    expect(formatThousands(1000)).toBe('1.000');
    expect(formatThousands(0)).toBe('0');
    expect(formatRupiah(2500000)).toBe('Rp 2.500.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(null)).toBe('');
  });
  it('reads what officers type', () => {
    expect(parseRupiah('Rp 1.234.567')).toBe(1234567);
    expect(parseRupiah('1.234.567,-')).toBe(1234567);
    expect(parseRupiah('1.234.567,00')).toBe(1234567);
    expect(parseRupiah('1234567')).toBe(1234567);
    expect(parseRupiah('rp1 500 000')).toBe(1500000);
    expect(parseRupiah('')).toBe(0);
    expect(parseRupiah('  ')).toBe(0);
  });
  it('refuses what is not an amount', () => {
    expect(parseRupiah('-500')).toBeNull();
    expect(parseRupiah('1,5 juta')).toBeNull();
    expect(parseRupiah('abc')).toBeNull();
    expect(parseRupiah('12,34')).toBeNull();
  });
  it('formats and reads decimals', () => {
    expect(formatJP(12.5)).toBe('12,5');
    expect(formatJP(12.5, '.')).toBe('12.5');
    expect(formatJP(20)).toBe('20');
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('3.25')).toBe(3.25);
    expect(parseDecimal('')).toBe(0);
    expect(parseDecimal('-1')).toBeNull();
    expect(parseDecimal('x')).toBeNull();
  });
});

describe('plan workflow', () => {
  it('lists the transitions allowed per state', () => {
    expect(planNextStates('draft')).toEqual(['submitted']);
    expect(planNextStates('')).toEqual(['submitted']);
    expect(planNextStates('submitted')).toEqual(['approved', 'revision']);
    expect(planNextStates('revision')).toEqual(['submitted']);
    expect(planNextStates('approved')).toEqual(['in_progress', 'revision']);
    expect(planNextStates('in_progress')).toEqual(['done', 'revision']);
    expect(planNextStates('done')).toEqual([]);
    expect(planNextStates('nonsense')).toEqual([]);
  });
  it('never offers a silent way back from approval', () => {
    for (const s of ['approved', 'in_progress', 'done']) {
      expect(planNextStates(s)).not.toContain('submitted');
      expect(planNextStates(s)).not.toContain('draft');
    }
  });
  it('asks for the supervisor on approval and reopening, for a reason on sending back', () => {
    expect(transitionNeeds('submitted', 'approved')).toEqual({ actor: true, reason: false });
    expect(transitionNeeds('submitted', 'revision')).toEqual({ actor: false, reason: true });
    expect(transitionNeeds('approved', 'revision')).toEqual({ actor: true, reason: true });
    expect(transitionNeeds('in_progress', 'revision')).toEqual({ actor: true, reason: true });
    expect(transitionNeeds('draft', 'submitted')).toEqual({ actor: false, reason: false });
    expect(isReopening('submitted', 'revision')).toBe(false);
  });
  it('locks the content once approved', () => {
    expect(planEditable('draft')).toBe(true);
    expect(planEditable('revision')).toBe(true);
    expect(planEditable('approved')).toBe(false);
    expect(planEditable('in_progress')).toBe(false);
    expect(planEditable('done')).toBe(false);
  });
});

describe('JP rules', () => {
  const seminar = { kind: 'per_day', national: 4, international: 6, maxPerDay: 0 };
  const coaching = { kind: 'per_session', national: 2, international: 2, maxPerDay: 0 };
  const stated = { kind: 'stated', national: 1, international: 1.2, maxPerDay: 0 };
  const selfStudy = { kind: 'stated', national: 1, international: 1, maxPerDay: 2 };
  const fixed = { kind: 'fixed', national: 20, international: 20, maxPerDay: 0 };
  it('computes like the LAN conversion', () => {
    expect(computeJP(seminar, 2, 0, 0, false)).toBe(8);
    expect(computeJP(seminar, 2, 0, 0, true)).toBe(12);
    expect(computeJP(coaching, 0, 3, 0, false)).toBe(6);
    expect(computeJP(stated, 0, 0, 40, true)).toBe(48);
    expect(computeJP(fixed, 0, 0, 0, false)).toBe(20);
    expect(computeJP(selfStudy, 3, 0, 10, false)).toBe(6);
  });
  it('needs the input its rule uses', () => {
    expect(computeJP(seminar, 0, 0, 0, false)).toBeNull();
    expect(computeJP(stated, 3, 0, 0, false)).toBeNull();
    expect(computeJP(selfStudy, 0, 0, 10, false)).toBeNull();
  });
  it('starts a plan line with one unit of the rule', () => {
    expect(planningJP({ jp: coaching, planningJp: 12 })).toBe(12);
    expect(planningJP({ jp: seminar, planningJp: 0 })).toBe(4);
    expect(planningJP({ jp: stated, planningJp: 0 })).toBe(0);
  });
  it('counts calendar days and lists dates', () => {
    expect(calendarDays('2025-03-10', '2025-03-12')).toBe(3);
    expect(calendarDays('2025-02-28', '2025-03-01')).toBe(2);
    expect(calendarDays('2025-03-12', '2025-03-10')).toBe(0);
    expect(calendarDays('2025-02-30', '2025-03-01')).toBe(0);
    expect(eventDates('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(eventDates('x', '2024-03-01')).toEqual([]);
  });
});

describe('certificate numbers', () => {
  const f = eventCertificateFields('BIMTEK-07', '2025-11-09', 'BKPSDM', 'B', 7);
  it('renders the placeholders', () => {
    expect(formatCertificateNumber('{seq:04}/{event}/{office}/{device}/{year}', f)).toEqual({ ok: true, text: '0007/BIMTEK-07/BKPSDM/B/2025' });
    expect(formatCertificateNumber('{seq}/{event}-{device}/{month:roman}/{year}', f)).toEqual({ ok: true, text: '7/BIMTEK-07-B/XI/2025' });
    expect(formatCertificateNumber('{seq}.{month}', { ...f, month: 3 })).toEqual({ ok: true, text: '7.03' });
  });
  it('explains a value that cannot be printed', () => {
    expect(formatCertificateNumber('{seq}/{event}/{device}', { ...f, event: '' })).toEqual({ ok: false, problem: { reason: 'value', field: 'event' } });
    expect(formatCertificateNumber('{seq}/{event}/{device}', { ...f, device: 'lap 1' })).toEqual({ ok: false, problem: { reason: 'value', field: 'device' } });
  });
  it('accepts formats that keep numbers unique', () => {
    expect(checkCertificateFormat('{seq:04}/{event}/{office}/{device}/{year}')).toBeNull();
    expect(checkCertificateFormat('{seq}/{event}', true)).toBeNull();
  });
  it('refuses formats that could repeat or not parse', () => {
    expect(checkCertificateFormat('{event}/{device}')).toEqual({ reason: 'seq' });
    expect(checkCertificateFormat('{seq}/{seq}/{event}/{device}')).toEqual({ reason: 'seq' });
    expect(checkCertificateFormat('{seq}/{device}')).toEqual({ reason: 'event' });
    expect(checkCertificateFormat('{seq}/{event}')).toEqual({ reason: 'device' });
    expect(checkCertificateFormat('{seq}{device}/{event}')).toEqual({ reason: 'delimiter', placeholder: 'seq' });
    expect(checkCertificateFormat('A{seq}1/{event}/{device}')).toEqual({ reason: 'delimiter', placeholder: 'seq' });
    expect(checkCertificateFormat('{seq}/{event}/X{device}')).toEqual({ reason: 'delimiter', placeholder: 'device' });
    expect(checkCertificateFormat('{seq}/{event}/{device}/{nomor}')).toEqual({ reason: 'syntax', at: '{nomor}' });
    expect(checkCertificateFormat('{seq}/{event/{device}')).toMatchObject({ reason: 'syntax' });
    expect(checkCertificateFormat('}{seq}/{event}/{device}')).toEqual({ reason: 'syntax', at: '}' });
  });
});

describe('attendance grid', () => {
  it('toggles a mark and counts days present', () => {
    const marks: Marks = {};
    const dates = ['2025-03-10', '2025-03-11', '2025-03-12'];
    expect(toggleMark(marks, 'p1', dates[0])).toBe(true);
    expect(toggleMark(marks, 'p1', dates[1])).toBe(true);
    expect(toggleMark(marks, 'p1', dates[1])).toBe(false);
    expect(marks[markKey('p1', dates[1])]).toBe(false);
    expect(presentDays(marks, 'p1', dates)).toBe(1);
    expect(presentDays(marks, 'p2', dates)).toBe(0);
  });
  it('applies the completion threshold exactly', () => {
    expect(meetsAttendance(4, 5, 0.8)).toBe(true);
    expect(meetsAttendance(3, 5, 0.8)).toBe(false);
    expect(meetsAttendance(0, 0, 0.8)).toBe(false);
    expect(meetsAttendance(0, 3, 0)).toBe(true);
  });
  it('moves around the grid with the keyboard', () => {
    expect(gridMove('ArrowRight', 0, 0, 2, 3)).toEqual({ row: 0, col: 1 });
    expect(gridMove('ArrowRight', 0, 2, 2, 3)).toEqual({ row: 0, col: 2 });
    expect(gridMove('ArrowDown', 1, 1, 2, 3)).toEqual({ row: 1, col: 1 });
    expect(gridMove('ArrowUp', 1, 1, 2, 3)).toEqual({ row: 0, col: 1 });
    expect(gridMove('End', 1, 0, 2, 3)).toEqual({ row: 1, col: 2 });
    expect(gridMove('x', 1, 0, 2, 3)).toBeNull();
  });
});

describe('methods', () => {
  it('groups the catalogue by route', () => {
    const ms = [
      { code: 'seminar', name: 'Seminar', nameEn: 'Seminar', route: 'klasikal', form: 'pelatihan' },
      { code: 'coaching', name: 'Coaching', nameEn: 'Coaching', route: 'nonklasikal', form: 'pelatihan' },
      { code: 'tugas_belajar', name: 'Pendidikan', nameEn: 'Degree', route: '', form: 'pendidikan' },
      { code: 'workshop', name: 'Workshop', nameEn: 'Workshop', route: 'klasikal', form: 'pelatihan' },
    ];
    expect(groupMethods(ms).map((g) => [g.group, g.methods.map((m) => m.code)])).toEqual([
      ['klasikal', ['seminar', 'workshop']],
      ['nonklasikal', ['coaching']],
      ['pendidikan', ['tugas_belajar']],
    ]);
  });
});
