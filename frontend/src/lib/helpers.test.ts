import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatNIP, formatNIPPartial, nipDigits } from './nip';
import { debounce } from './debounce';
import { parseChanges } from './changes';
import { buildTree, descendantIds, flattenTree } from './tree';
import { formatDate, fullName } from './format';

describe('NIP display', () => {
  it('prints an 18-digit NIP in groups 8-6-1-3', () => {
    expect(formatNIP('197407072002121008')).toBe('19740707 200212 1 008');
  });
  it('normalises spacing and punctuation of a typed NIP', () => {
    expect(formatNIP(' 19740707.200212.1.008 ')).toBe('19740707 200212 1 008');
    expect(nipDigits('19740707 200212 1 008')).toBe('197407072002121008');
  });
  it('leaves a NIP of the wrong length as typed', () => {
    expect(formatNIP('1.97407E+17')).toBe('1.97407E+17');
    expect(formatNIP('12345')).toBe('12345');
    expect(formatNIP('')).toBe('');
  });
  it('groups while typing and caps at 18 digits', () => {
    expect(formatNIPPartial('1974070720')).toBe('19740707 20');
    expect(formatNIPPartial('19740707200212100899')).toBe('19740707 200212 1 008');
    expect(formatNIPPartial('abc')).toBe('');
  });
});

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls once with the last arguments after the wait', () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d('a');
    vi.advanceTimersByTime(100);
    d('ab');
    vi.advanceTimersByTime(149);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('ab');
  });
  it('cancel drops and flush runs the pending call', () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d(1);
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
    d(2);
    d.flush();
    expect(fn).toHaveBeenCalledWith(2);
    d.flush();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('parseChanges', () => {
  it('reads {field: [old, new]} sorted by field', () => {
    expect(parseChanges('{"name":["Budi","Budi Santoso"],"golongan":["III/a","III/b"]}')).toEqual([
      { field: 'golongan', old: 'III/a', new: 'III/b' },
      { field: 'name', old: 'Budi', new: 'Budi Santoso' },
    ]);
  });
  it('shows null, numbers and booleans readably', () => {
    expect(parseChanges('{"unitId":[null,"u1"],"version":[1,2],"deleted":[false,true]}')).toEqual([
      { field: 'deleted', old: 'false', new: 'true' },
      { field: 'unitId', old: '', new: 'u1' },
      { field: 'version', old: '1', new: '2' },
    ]);
  });
  it('treats a non-pair value as the new value', () => {
    expect(parseChanges('{"standards":{"M.1":3}}')).toEqual([{ field: 'standards', old: '', new: '{"M.1":3}' }]);
  });
  it('never throws on bad input', () => {
    expect(parseChanges('')).toEqual([]);
    expect(parseChanges(null)).toEqual([]);
    expect(parseChanges('not json')).toEqual([]);
    expect(parseChanges('[1,2]')).toEqual([]);
  });
});

describe('unit tree', () => {
  const units = [
    { id: 'c', parentId: 'a', name: 'Subbag Umum' },
    { id: 'a', parentId: null, name: 'Sekretariat' },
    { id: 'b', parentId: null, name: 'Bidang Mutasi' },
    { id: 'd', parentId: 'a', name: 'Subbag Keuangan' },
    { id: 'e', parentId: 'gone', name: 'Orphan' },
    { id: 'x', parentId: 'y', name: 'Loop X' },
    { id: 'y', parentId: 'x', name: 'Loop Y' },
  ];
  it('nests children under parents, sorted by name', () => {
    const flat = flattenTree(buildTree(units)).map((n) => `${'-'.repeat(n.depth)}${n.item.name}`);
    expect(flat).toEqual(['Bidang Mutasi', 'Loop X', 'Loop Y', 'Orphan', 'Sekretariat', '-Subbag Keuangan', '-Subbag Umum']);
  });
  it('marks nodes with children', () => {
    const flat = flattenTree(buildTree(units));
    expect(flat.find((n) => n.item.id === 'a')?.hasChildren).toBe(true);
    expect(flat.find((n) => n.item.id === 'b')?.hasChildren).toBe(false);
  });
  it('collects descendants', () => {
    const deep = [...units, { id: 'f', parentId: 'c', name: 'Deep' }];
    expect([...descendantIds(deep, 'a')].sort()).toEqual(['a', 'c', 'd', 'f']);
  });
  it('handles an empty list', () => {
    expect(buildTree([])).toEqual([]);
  });
});

describe('format', () => {
  it('formats date-only strings without shifting the day', () => {
    expect(formatDate('1974-07-07', 'id-ID')).toBe('7 Juli 1974');
    expect(formatDate('', 'id-ID')).toBe('');
    expect(formatDate('garbage', 'id-ID')).toBe('garbage');
  });
  it('builds the full name with titles', () => {
    expect(fullName('Siti Aminah', 'Dr.', 'S.Kom., M.T.')).toBe('Dr. Siti Aminah, S.Kom., M.T.');
    expect(fullName('Budi', '', '')).toBe('Budi');
  });
});
