import { describe, expect, it } from 'vitest';
import { ApiError, call, toApiError } from './errors';

describe('toApiError', () => {
  it('accepts the {code, message, details} object', () => {
    const e = toApiError({ code: 'nip.taken', message: 'employee.save: nip.taken', details: { nip: '1' } });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('nip.taken');
    expect(e.details).toEqual({ nip: '1' });
    expect(e.message).toBe('employee.save: nip.taken');
  });

  it('parses the payload delivered as a JSON string', () => {
    const e = toApiError('{"code":"invalid","message":"x","details":{"fields":[{"field":"nip","code":"nip.length","value":"123"}]}}');
    expect(e.code).toBe('invalid');
    expect(e.fields).toEqual([{ field: 'nip', code: 'nip.length', value: '123' }]);
    expect(e.fieldMap()['nip']?.code).toBe('nip.length');
  });

  it('parses a JSON payload carried in an Error message', () => {
    const e = toApiError(new Error('{"code":"db.locked","message":"locked"}'));
    expect(e.code).toBe('db.locked');
    expect(e.details).toEqual({});
  });

  it('turns plain strings and errors into internal', () => {
    expect(toApiError('boom').code).toBe('internal');
    expect(toApiError('boom').message).toBe('boom');
    expect(toApiError(new TypeError('x is undefined')).code).toBe('internal');
    expect(toApiError('{not json').code).toBe('internal');
    expect(toApiError(undefined).code).toBe('internal');
    expect(toApiError({ message: 'no code' }).code).toBe('internal');
  });

  it('treats null or array details as empty', () => {
    expect(toApiError({ code: 'conflict', details: null }).details).toEqual({});
    expect(toApiError({ code: 'conflict', details: [1, 2] }).details).toEqual({});
  });

  it('returns an ApiError unchanged', () => {
    const e = new ApiError('not_found');
    expect(toApiError(e)).toBe(e);
  });

  it('ignores malformed field entries', () => {
    const e = new ApiError('invalid', '', { fields: [null, { code: 'x' }, { field: 'name', code: 'field.required' }] });
    expect(e.fields).toEqual([{ field: 'name', code: 'field.required', value: undefined }]);
    expect(new ApiError('invalid', '', { fields: 'nope' }).fields).toEqual([]);
  });
});

describe('call', () => {
  it('passes values through', async () => {
    await expect(call(Promise.resolve(5))).resolves.toBe(5);
  });
  it('normalises rejections', async () => {
    await expect(call(() => Promise.reject('{"code":"conflict"}'))).rejects.toMatchObject({ code: 'conflict' });
  });
  it('normalises synchronous throws of the thunk', async () => {
    await expect(
      call(() => {
        throw { code: 'read_only' };
      }),
    ).rejects.toBeInstanceOf(ApiError);
  });
});
