import { describe, expect, it } from 'vitest';
import { formatDateText, parseDateText } from './dateinput';

describe('parseDateText', () => {
  it('reads day-first dates with any common separator', () => {
    expect(parseDateText('22/11/2026')).toBe('2026-11-22');
    expect(parseDateText('2/3/2026')).toBe('2026-03-02');
    expect(parseDateText('22-11-2026')).toBe('2026-11-22');
    expect(parseDateText(' 22.11.2026 ')).toBe('2026-11-22');
  });
  it('reads ISO dates', () => {
    expect(parseDateText('2026-11-22')).toBe('2026-11-22');
  });
  it('empty is empty, not an error', () => {
    expect(parseDateText('')).toBe('');
    expect(parseDateText('   ')).toBe('');
  });
  it('rejects incomplete text and days that do not exist', () => {
    expect(parseDateText('22/11')).toBeNull();
    expect(parseDateText('22/11/26')).toBeNull();
    expect(parseDateText('31/02/2026')).toBeNull();
    expect(parseDateText('29/02/2026')).toBeNull();
    expect(parseDateText('29/02/2024')).toBe('2024-02-29');
    expect(parseDateText('13/13/2026')).toBeNull();
    expect(parseDateText('11/22/2026')).toBeNull(); // month first is not read as a date
    expect(parseDateText('kemarin')).toBeNull();
  });
});

describe('formatDateText', () => {
  it('writes day first', () => {
    expect(formatDateText('2026-03-02')).toBe('02/03/2026');
    expect(formatDateText('2026-03-02T00:00:00Z')).toBe('02/03/2026');
  });
  it('empty or unreadable gives an empty field', () => {
    expect(formatDateText('')).toBe('');
    expect(formatDateText(null)).toBe('');
    expect(formatDateText(undefined)).toBe('');
    expect(formatDateText('x')).toBe('');
  });
});
