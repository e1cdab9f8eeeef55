/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { id } from './id';
import { en } from './en';
import { errorCodeText, interpolate, issueText, translate } from './translate';

const placeholders = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('id and en have identical key sets', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('every message is non-empty in both languages', () => {
    for (const [k, v] of Object.entries(id)) expect(v.trim(), `id ${k}`).not.toBe('');
    for (const [k, v] of Object.entries(en)) expect(v.trim(), `en ${k}`).not.toBe('');
  });

  it('id and en use the same placeholders for each key', () => {
    for (const k of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[k]), k).toEqual(placeholders(id[k]));
    }
  });

  it('translates every error code declared in backend/domain', () => {
    const dir = fileURLToPath(new URL('../../../backend/domain/', import.meta.url));
    let src = '';
    try {
      src = readdirSync(dir)
        .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
        .map((f) => readFileSync(dir + f, 'utf8'))
        .join('\n');
    } catch {
      return; // frontend checked out alone: nothing to compare against
    }
    const codes = [...src.matchAll(/^\s*Code\w+\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(10);
    const missing = codes.filter((c) => !(`err.${c}` in id));
    expect(missing).toEqual([]);
  });

  it('translates every sync error code declared in backend/syncproto', () => {
    let src = '';
    try {
      src = ['syncproto.go', 'bundle.go']
        .map((f) => readFileSync(fileURLToPath(new URL('../../../backend/syncproto/' + f, import.meta.url)), 'utf8'))
        .join('\n');
    } catch {
      return; // frontend checked out alone
    }
    const codes = [...src.matchAll(/^\s*Code\w+\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((c) => !(`err.${c}` in id))).toEqual([]);
  });
});

describe('interpolate', () => {
  it('replaces placeholders', () => {
    expect(interpolate('Baris {row}, kolom {column}', { row: 3, column: 'NIP' })).toBe('Baris 3, kolom NIP');
  });
  it('replaces a placeholder used twice', () => {
    expect(interpolate('{a}+{a}', { a: 1 })).toBe('1+1');
  });
  it('keeps placeholders without a value visible', () => {
    expect(interpolate('{count} pegawai di {unit}', { count: 0 })).toBe('0 pegawai di {unit}');
  });
  it('returns the template when no params are given', () => {
    expect(interpolate('Tanpa {x}')).toBe('Tanpa {x}');
  });
  it('translate falls back to the key for unknown keys', () => {
    expect(translate(id, 'no.such.key')).toBe('no.such.key');
    expect(translate(id, 'emp.total', { count: 12 })).toBe('12 pegawai');
    expect(translate(en, 'emp.total', { count: 12 })).toBe('12 employees');
  });
});

describe('error code text', () => {
  it('translates a known code', () => {
    expect(errorCodeText(id, 'nip.taken')).toContain('NIP ini sudah dipakai');
  });
  it('falls back to a generic sentence naming an unknown code', () => {
    expect(errorCodeText(id, 'sync.some_future_code')).toContain('sync.some_future_code');
    expect(errorCodeText(en, 'brand.new')).toContain('brand.new');
  });
  it('builds the import sentence with row and column', () => {
    const issue = { row: 7, column: 'NIP', code: 'nip.number_cell', value: '1.97407E+17' };
    expect(issueText(id, issue)).toBe(
      'Baris 7, kolom NIP: NIP tersimpan sebagai angka sehingga digit hilang. Format kolom NIP sebagai Teks di Excel lalu ketik ulang NIP.',
    );
    expect(issueText(en, issue)).toMatch(/^Row 7, column NIP: /);
  });
  it('explains unknown issue codes without asking to retry', () => {
    const text = issueText(id, { row: 3, column: 'Jabatan', code: 'import.some_future_check' });
    expect(text).toContain('import.some_future_check');
    expect(text).not.toContain('Coba lagi');
  });
  it('puts the cell value into warnings about things the import creates', () => {
    expect(issueText(id, { row: 3, column: 'Jabatan', code: 'import.position_created', value: 'Pranata Komputer' })).toContain('"Pranata Komputer"');
  });
  it('omits the location for file-level issues', () => {
    expect(issueText(id, { row: 0, column: '', code: 'import.file_empty' })).toBe(id['err.import.file_empty']);
    expect(issueText(id, { row: 4, column: '', code: 'field.required' })).toBe('Baris 4: Wajib diisi.');
  });
});
