import { describe, expect, it } from 'vitest';
import { formatDateRange } from './format';

// Intl puts thin spaces around the dash in some ranges: compare as plain spaces.
const range = (a: string, b: string, l: string) => formatDateRange(a, b, l).replace(/\s/g, ' ');

describe('formatDateRange', () => {
  it('shares the month and year when it can, in Indonesian and English', () => {
    expect(range('2026-12-07', '2026-12-11', 'id-ID')).toBe('7–11 Des 2026');
    expect(range('2026-11-28', '2026-12-02', 'id-ID')).toBe('28 Nov – 2 Des 2026');
    expect(range('2026-12-30', '2027-01-02', 'id-ID')).toBe('30 Des 2026 – 2 Jan 2027');
    expect(range('2026-11-28', '2026-12-02', 'en-GB')).toBe('28 Nov – 2 Dec 2026');
  });
  it('shows one date for a one-day event and both for a reversed range', () => {
    expect(range('2026-12-07', '2026-12-07', 'id-ID')).toBe('7 Des 2026');
    expect(range('2026-12-11', '2026-12-07', 'id-ID')).toBe('11 Des 2026 – 7 Des 2026');
  });
  it('falls back to what it was given when a date is missing', () => {
    expect(range('2026-12-07', '', 'id-ID')).toBe('7 Desember 2026');
  });
});
